import { createPortal } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { formatBytes } from "../lib/shared/format.ts";
import {
  canCancel,
  createUploadQueue,
  isActive,
  isPending,
  isSettled,
  type UploadItem,
  type UploadQueueStore,
} from "./upload/upload_queue.ts";
import { UploadIcon, UploadRow } from "./upload/upload_row.tsx";

export interface UploadQueueProps {
  /** The admin's upload limit, checked here before any byte is sent. */
  maxUploadBytes: number;
}

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes("Files");
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function headline(items: readonly UploadItem[]): string {
  const pending = items.filter(isPending).length;
  if (pending) return `Uploading ${items.length - pending + 1} of ${items.length}`;
  const processing = items.filter((i) => i.phase === "processing").length;
  if (processing) return `Processing ${plural(processing, "file")}`;
  const failed = items.filter((i) => i.phase === "failed").length;
  const done = items.filter((i) => i.phase === "ready").length;
  if (!failed) return `${plural(done, "upload")} done`;
  return done ? `${done} done, ${failed} failed` : `${plural(failed, "upload")} failed`;
}

/**
 * The "Upload" button of the documents page, the drop zone over the whole window and the
 * queue of uploads (a card in the bottom-right corner; a bottom sheet on phones). Files go
 * straight to storage through signed URLs, three at a time, with real progress; each is
 * then watched until its processing settles. Without JavaScript the button does nothing:
 * scripts can use `POST /api/documents`.
 */
export default function UploadQueue({ maxUploadBytes }: UploadQueueProps) {
  const [, setVersion] = useState(0);
  const [dragging, setDragging] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const liveRef = useRef<HTMLDivElement>(null);
  /** The focused element inside the panel before a render, to rescue focus it removed. */
  const focusedRef = useRef<HTMLElement | null>(null);
  const queueRef = useRef<UploadQueueStore | null>(null);
  /** The first of the files just added: scrolled into view. */
  const revealRef = useRef(0);

  function render() {
    const active = document.activeElement as HTMLElement | null;
    if (panelRef.current?.contains(active)) focusedRef.current = active;
    setVersion((v) => v + 1);
  }

  if (!queueRef.current) {
    let frame = 0;
    queueRef.current = createUploadQueue({
      maxBytes: maxUploadBytes,
      onChange: render,
      onProgress() {
        frame ||= requestAnimationFrame(() => {
          frame = 0;
          render();
        });
      },
      announce(text) {
        const live = liveRef.current;
        if (!live) return;
        const line = document.createElement("p");
        line.textContent = text;
        live.append(line);
        while (live.childElementCount > 4) live.firstElementChild!.remove();
      },
    });
  }
  const queue = queueRef.current;
  const items = queue.items;
  const pending = items.some(isPending);

  function add(files: File[]) {
    revealRef.current = queue.add(files) || revealRef.current;
    setCollapsed(false);
  }

  useEffect(() => {
    const key = revealRef.current;
    revealRef.current = 0;
    panelRef.current?.querySelector(`li[data-key="${key}"]`)?.scrollIntoView({ block: "nearest" });
  });

  // A render removed the focused button (a Cancel that became nothing): keep the user's
  // place by focusing its row, or the heading, or the Upload button.
  useEffect(() => {
    const previous = focusedRef.current;
    focusedRef.current = null;
    if (!previous || previous.isConnected) return;
    const panel = panelRef.current;
    const row = panel?.querySelector<HTMLElement>(`[data-key="${previous.dataset.key}"]`);
    (row ?? panel?.querySelector<HTMLElement>("h2") ?? buttonRef.current)?.focus();
  });

  // The drop zone: the whole window, while files are dragged over it.
  useEffect(() => {
    let depth = 0;
    const hide = () => {
      depth = 0;
      setDragging(false);
    };
    const enter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault(); // allow the drop, and never let the browser open the file
      event.dataTransfer!.dropEffect = "copy";
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      // relatedTarget null: the pointer left the window.
      if (--depth <= 0 || !event.relatedTarget) hide();
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      hide();
      add(Array.from(event.dataTransfer!.files));
    };
    const key = (event: KeyboardEvent) => {
      if (event.key === "Escape") hide();
    };
    const listeners = [
      ["dragenter", enter],
      ["dragover", over],
      ["dragleave", leave],
      ["drop", drop],
      ["dragend", hide],
      ["keydown", key],
    ] as const;
    for (const [type, listener] of listeners) {
      globalThis.addEventListener(type, listener as EventListener);
    }
    return () => {
      for (const [type, listener] of listeners) {
        globalThis.removeEventListener(type, listener as EventListener);
      }
    };
  }, []);

  // Closing or leaving the page would drop the uploads still under way.
  useEffect(() => {
    if (!pending) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    globalThis.addEventListener("beforeunload", warn);
    return () => globalThis.removeEventListener("beforeunload", warn);
  }, [pending]);

  function choose(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    add(Array.from(input.files ?? []));
    input.value = ""; // so choosing the same file again is a change too
  }

  function focusPanel() {
    setCollapsed(false);
    panelRef.current?.querySelector<HTMLElement>("h2")?.focus();
  }

  function clearFinished() {
    queue.clear();
    // The cleared rows may have held the focus: the heading takes it, or the Upload
    // button when the queue is now empty (and the panel about to go).
    const heading = queue.items.length ? panelRef.current?.querySelector("h2") : null;
    (heading ?? buttonRef.current)?.focus();
  }

  const uploading = items.filter((i) => isPending(i));
  const total = uploading.reduce((sum, i) => sum + i.file.size, 0);
  const sent = uploading.reduce((sum, i) => sum + (isActive(i) ? i.sent : 0), 0);
  const limit = formatBytes(maxUploadBytes);

  return (
    <div class="upload">
      <button
        ref={buttonRef}
        type="button"
        class="button button--primary upload__button"
        title={`PDF files up to ${limit} each, or drop them anywhere on the page`}
        onClick={() => inputRef.current?.click()}
      >
        <UploadIcon />
        <span>Upload</span>
      </button>
      {items.length > 0 && (
        // The queue lives at the end of the page (so no container can clip it): this
        // keeps it one Tab away from the Upload button for keyboard users.
        <button type="button" class="upload__jump" onClick={focusPanel}>
          Go to uploads
        </button>
      )}
      <input
        ref={inputRef}
        id="upload-input"
        type="file"
        accept="application/pdf,.pdf"
        multiple
        class="visually-hidden"
        aria-label="Upload PDF files"
        tabIndex={-1}
        onChange={choose}
      />
      <div ref={liveRef} class="visually-hidden" aria-live="polite" />
      {dragging && createPortal(
        <div class="upload-drop" aria-hidden="true">
          <div class="upload-drop__box">
            <UploadIcon />
            <p class="upload-drop__title">Drop PDFs to upload</p>
            <p class="upload-drop__hint">PDF files up to {limit} each</p>
          </div>
        </div>,
        document.body,
      )}
      {items.length > 0 && createPortal(
        <section
          ref={panelRef}
          class="upload-queue"
          aria-label="Uploads"
          onKeyDown={(event) => {
            if (event.key === "Escape") buttonRef.current?.focus();
          }}
        >
          <header class="upload-queue__header">
            <h2 id="upload-queue-title" class="upload-queue__title" tabIndex={-1}>
              {headline(items)}
            </h2>
            {items.some(isSettled) && (
              <button
                type="button"
                class="upload-queue__text-button"
                onClick={clearFinished}
              >
                Clear finished
              </button>
            )}
            <button
              type="button"
              class="upload-queue__icon-button"
              aria-expanded={!collapsed}
              aria-controls="upload-queue-list"
              aria-label="Upload list"
              title={collapsed ? "Show the list" : "Hide the list"}
              onClick={() => setCollapsed(!collapsed)}
            >
              <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">
                <path d={collapsed ? "m6 15 6-6 6 6" : "m6 9 6 6 6-6"} />
              </svg>
            </button>
          </header>
          {total > 0 && (
            <progress
              class="upload-queue__total"
              max={total}
              value={sent}
              aria-label="All uploads"
            />
          )}
          <ul id="upload-queue-list" class="upload-queue__list" hidden={collapsed}>
            {items.map((item) => (
              <UploadRow
                key={item.key}
                item={item}
                onCancel={canCancel(item) ? () => queue.cancel(item) : undefined}
                onRetry={() => queue.retry(item)}
                onRemove={() => queue.clear(item)}
              />
            ))}
          </ul>
        </section>,
        document.body,
      )}
    </div>
  );
}
