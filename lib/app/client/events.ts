/**
 * How islands tell each other that something changed. Islands are separate components
 * hydrated separately; they talk through window events, never through shared state.
 */

export interface DocumentsChanged {
  /** Documents that were added, changed or removed (absent: reload everything). */
  ids?: string[];
  reason: "uploaded" | "updated" | "deleted" | "processed";
}

const DOCUMENTS_CHANGED = "dv:documents-changed";

export function announceDocumentsChanged(detail: DocumentsChanged): void {
  globalThis.dispatchEvent(new CustomEvent(DOCUMENTS_CHANGED, { detail }));
}

/** Listen; returns the function that stops listening (for a useEffect cleanup). */
export function onDocumentsChanged(listener: (detail: DocumentsChanged) => void): () => void {
  const handle = (event: Event) => listener((event as CustomEvent<DocumentsChanged>).detail);
  globalThis.addEventListener(DOCUMENTS_CHANGED, handle);
  return () => globalThis.removeEventListener(DOCUMENTS_CHANGED, handle);
}
