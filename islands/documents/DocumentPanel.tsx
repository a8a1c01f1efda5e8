import type { JSX } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { api, ApiError } from "../../lib/app/client/api.ts";
import { announceDocumentsChanged } from "../../lib/app/client/events.ts";
import { pollWithBackoff } from "../../lib/app/client/poll.ts";
import type { PublicDocument } from "../../lib/documents/documents_view.ts";
import { ChipCombobox, type ComboOption } from "./ChipCombobox.tsx";
import { DocumentFacts, suggestionChanges, suggestionSource } from "./DocumentSections.tsx";
import { type CategoryNode, errorText, flatten, type FolderNode } from "./panel_api.ts";
import { SharingSection } from "./SharingSection.tsx";

export interface DocumentPanelProps {
  /** The open document. */
  id: string;
  /** When the host already has it (no loading flash). */
  initial?: PublicDocument | null;
  /** Document types for the picker. */
  types: { slug: string; label: string }[];
  /** The host removes ?open= from the URL and unmounts the panel. */
  onClose: () => void;
  /** After every successful save, accept, reject and re-analysis step. */
  onChanged: (doc: PublicDocument) => void;
  onDeleted: (id: string) => void;
}

type Status = { state: "saving" } | { state: "saved" } | { state: "error"; message: string };
type TextField = "title" | "document_type" | "document_date" | "issuer";
type FlatCategory = { id: string; path: string; name: string };

const FOCUSABLE =
  "a[href],button:not([disabled]),input:not([disabled]),select:not([disabled]),textarea,iframe,summary,[tabindex]:not([tabindex='-1'])";
const isBusy = (doc: PublicDocument | null) =>
  doc?.status === "uploaded" || doc?.status === "processing";
const MAX_OPTIONS = 8;
const isGone = (error: unknown) => error instanceof ApiError && error.status === 404;

/**
 * The slide-over that shows one document and edits it in place (issue #5 point 3). A
 * modal dialog: focus moves in, stays in and goes back where it was; Esc or the backdrop
 * close it. Every change is saved at once and reported next to its field.
 */
export function DocumentPanel(props: DocumentPanelProps) {
  const { id, types } = props;
  const [doc, setDoc] = useState<PublicDocument | null>(
    props.initial?.id === id ? props.initial : null,
  );
  const [failure, setFailure] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Partial<Record<TextField, string>>>({});
  const [status, setStatus] = useState<Record<string, Status>>({});
  const [categories, setCategories] = useState<FlatCategory[] | null>(null);
  const [folders, setFolders] = useState<(FolderNode & { depth: number })[] | null>(null);
  const [categoryQuery, setCategoryQuery] = useState("");
  const [tagQuery, setTagQuery] = useState("");
  const [tagOptions, setTagOptions] = useState<string[]>([]);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [preview, setPreview] = useState(false);
  const [text, setText] = useState<{ text?: string; error?: string } | null>(null);

  const panel = useRef<HTMLDivElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const latest = useRef(props);
  latest.current = props;
  const docRef = useRef(doc);
  docRef.current = doc;
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const dateTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const sending = useRef<Partial<Record<TextField, string>>>({});
  // Counts saved changes: a read that started before one is stale when it lands.
  const saves = useRef(0);

  function setGone() {
    setDoc(null);
    setFailure("This document no longer exists, or it is not shared with you.");
  }

  // Open: focus in, lock the page's scroll, Esc closes; closed: focus back where it was.
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    title.current?.focus();
    const root = document.documentElement;
    root.classList.add("has-doc-panel");
    const onKey = (event: KeyboardEvent) => {
      if (
        event.key === "Escape" && !event.defaultPrevented && !document.querySelector("dialog[open]")
      ) {
        event.preventDefault();
        latest.current.onClose();
      }
    };
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target as Element;
      if (panel.current && !panel.current.contains(target) && !target.closest?.("dialog")) {
        title.current?.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("focusin", onFocusIn);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("focusin", onFocusIn);
      root.classList.remove("has-doc-panel");
      clearTimeout(dateTimer.current);
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  // Load (or refresh what the host gave us) whenever the document changes.
  useEffect(() => {
    const controller = new AbortController();
    setFailure(null);
    setDrafts({});
    setStatus({});
    setText(null);
    setPreview(false);
    setConfirmDelete(false);
    if (docRef.current?.id !== id) setDoc(props.initial?.id === id ? props.initial : null);
    const before = saves.current;
    api<PublicDocument>(`/api/documents/${id}`, { signal: controller.signal }).then((fresh) => {
      const known = docRef.current;
      if (saves.current !== before) return;
      setDoc(fresh);
      if (known?.id === id && known.updated_at !== fresh.updated_at) {
        latest.current.onChanged(fresh);
      }
    }, (error) => {
      if (controller.signal.aborted) return;
      if (isGone(error)) setGone();
      else if (!docRef.current) setFailure(errorText(error));
    });
    return () => controller.abort();
  }, [id]);

  // The folder list is needed to show the current folder at all: load it at once.
  useEffect(() => {
    api<{ folders: FolderNode[] }>("/api/folders").then(
      (r) => setFolders(flatten(r.folders)),
      () => setFolders([]),
    );
  }, []);

  // While the pipeline runs, poll with back-off (1 s, ×1.5, at most 10 s).
  const busy = isBusy(doc);
  useEffect(() => {
    if (!busy) return;
    return pollWithBackoff(async (stopped) => {
      try {
        const before = saves.current;
        const next = await api<PublicDocument>(`/api/documents/${id}`);
        if (stopped()) return false;
        const known = docRef.current;
        const changed = next.updated_at !== known?.updated_at || next.status !== known?.status;
        if (saves.current === before && changed) {
          setDoc(next);
          latest.current.onChanged(next);
          if (!isBusy(next)) {
            setText(null);
            announceDocumentsChanged({ ids: [id], reason: "processed" });
            return false;
          }
        }
      } catch (error) {
        if (isGone(error)) {
          setGone();
          return false;
        }
      }
      return true;
    });
  }, [id, busy]);

  // Tag suggestions by prefix, a moment after typing stops.
  useEffect(() => {
    const q = tagQuery.trim();
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api<{ tags: { name: string }[] }>(`/api/tags?q=${encodeURIComponent(q)}`, {
        signal: controller.signal,
      }).then((r) => setTagOptions(r.tags.map((t) => t.name)), () => {});
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [tagQuery]);

  function mark(key: string, next: Status | null) {
    setStatus((all) => {
      const copy = { ...all };
      if (next) copy[key] = next;
      else delete copy[key];
      return copy;
    });
    if (next?.state === "saved") {
      setTimeout(() =>
        setStatus((all) => {
          if (all[key] !== next) return all;
          const copy = { ...all };
          delete copy[key];
          return copy;
        }), 2500);
    }
  }

  /** Run one change after the ones before it; show the document the server answers. */
  function run(key: string, request: () => Promise<PublicDocument>): Promise<boolean> {
    mark(key, { state: "saving" });
    const result = queue.current.then(async () => {
      try {
        const next = await request();
        saves.current++;
        setDoc(next);
        mark(key, { state: "saved" });
        latest.current.onChanged(next);
        announceDocumentsChanged({ ids: [id], reason: "updated" });
        return true;
      } catch (error) {
        mark(key, { state: "error", message: errorText(error) });
        return false;
      }
    });
    queue.current = result;
    return result;
  }

  const patch = (key: string, body: Record<string, unknown>) =>
    run(key, () => api<PublicDocument>(`/api/documents/${id}`, { method: "PATCH", body }));
  const post = (key: string, path: string) =>
    run(key, () => api<PublicDocument>(`/api/documents/${id}/${path}`, { method: "POST" }));

  function setDraft(key: TextField, value: string) {
    setDrafts((d) => ({ ...d, [key]: value }));
  }

  function commit(key: TextField, value: string) {
    clearTimeout(dateTimer.current);
    const current = docRef.current?.[key] ?? "";
    const forget = () =>
      setDrafts((d) => {
        if (d[key] !== value) return d;
        const copy = { ...d };
        delete copy[key];
        return copy;
      });
    if (value.trim() === current) {
      // Back to the saved value: nothing to save, and nothing wrong any more.
      if (status[key]?.state === "error") mark(key, null);
      return forget();
    }
    if (sending.current[key] === value) return;
    sending.current[key] = value;
    patch(key, { [key]: value.trim() === "" ? null : value }).then((ok) => {
      delete sending.current[key];
      if (ok) forget();
    });
  }

  /** Where focus goes when the control that had it disappears. */
  function focusSoon(selector: string) {
    setTimeout(() => panel.current?.querySelector<HTMLElement>(selector)?.focus());
  }

  async function decide(answer: "accept" | "reject") {
    if (!(await post("suggestion", `suggestion/${answer}`))) return;
    // Accepting may have created categories: look them up afresh next time.
    setCategories(null);
    focusSoon("#doc-panel-title");
  }

  async function loadCategories() {
    if (categories) return;
    try {
      const r = await api<{ categories: CategoryNode[] }>("/api/categories");
      setCategories(flatten(r.categories));
    } catch (error) {
      mark("categories", { state: "error", message: errorText(error) });
    }
  }

  async function pickCategory(option: ComboOption) {
    const name = categoryQuery.trim();
    setCategoryQuery("");
    let categoryId = option.id;
    if (!categoryId) {
      mark("categories", { state: "saving" });
      try {
        const created = await api<FlatCategory>("/api/categories", { body: { name } });
        categoryId = created.id;
        setCategories((list) => [...(list ?? []), created]);
      } catch (error) {
        setCategoryQuery(name);
        return mark("categories", { state: "error", message: errorText(error) });
      }
    }
    const ids = docRef.current!.categories.map((c) => c.id);
    if (!ids.includes(categoryId)) patch("categories", { category_ids: [...ids, categoryId] });
    else mark("categories", null);
  }

  function setTags(names: string[]) {
    return patch("tags", { tags: names });
  }

  function addTag(name: string) {
    setTagQuery("");
    const names = docRef.current!.tags.map((t) => t.name);
    if (names.some((n) => n.toLowerCase() === name.toLowerCase())) return;
    setTags([...names, name]).then((ok) => !ok && setTagQuery(name));
  }

  async function remove() {
    mark("delete", { state: "saving" });
    try {
      await api(`/api/documents/${id}`, { method: "DELETE" });
      announceDocumentsChanged({ ids: [id], reason: "deleted" });
      latest.current.onDeleted(id);
    } catch (error) {
      mark("delete", { state: "error", message: errorText(error) });
    }
  }

  function showText(open: boolean) {
    if (!open || text) return;
    setText({});
    api<{ text: string }>(`/api/documents/${id}/text`).then(
      (r) => setText({ text: r.text }),
      (error) => setText({ error: errorText(error) }),
    );
  }

  /** Tab and Shift-Tab go round the panel's own controls. */
  function trapTab(event: KeyboardEvent) {
    if (event.key !== "Tab" || !panel.current) return;
    const items = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)]
      .filter((el) => el.getClientRects().length > 0);
    if (!items.length) return;
    const first = items[0];
    const last = items[items.length - 1];
    const at = document.activeElement;
    if (event.shiftKey && (at === first || !items.includes(at as HTMLElement))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && at === last) {
      event.preventDefault();
      first.focus();
    }
  }

  const typeLabel = (slug: string | null) =>
    slug ? types.find((t) => t.slug === slug)?.label ?? slug : "";

  function statusOf(key: string) {
    const s = status[key];
    return (
      <span class={`doc-panel__status${s?.state === "error" ? " is-error" : ""}`} role="status">
        {s?.state === "saving" ? "Saving…" : s?.state === "saved" ? "Saved" : s ? "Not saved" : ""}
      </span>
    );
  }
  const errorOf = (key: string) => {
    const s = status[key];
    return s?.state === "error" ? s.message : null;
  };

  function field(
    key: TextField,
    label: string,
    control: (props: Record<string, unknown>) => JSX.Element,
  ) {
    const error = errorOf(key);
    const value = drafts[key] ?? doc?.[key] ?? "";
    return (
      <div class="field">
        <div class="doc-panel__label-row">
          <label for={`doc-${key}`}>{label}</label>
          {statusOf(key)}
        </div>
        {control({
          id: `doc-${key}`,
          class: "input",
          value,
          "aria-invalid": error ? true : undefined,
          "aria-describedby": error ? `doc-${key}-error` : undefined,
        })}
        {error && <p class="field__error" id={`doc-${key}-error`}>{error}</p>}
      </div>
    );
  }

  const header = (
    <div class="doc-panel__header">
      <h2 id="doc-panel-title" class="doc-panel__title" tabIndex={-1} ref={title}>
        {doc ? doc.display_title : failure ? "Document not found" : (
          <>
            <span class="visually-hidden">Loading document…</span>
            <span class="skeleton skeleton--title" aria-hidden="true" />
          </>
        )}
      </h2>
      <button type="button" class="doc-panel__close" aria-label="Close" onClick={props.onClose}>
        <svg viewBox="0 0 24 24" class="icon" aria-hidden="true">
          <path d="M6 6l12 12M18 6L6 18" />
        </svg>
      </button>
    </div>
  );

  let body;
  if (failure && !doc) {
    body = (
      <div class="doc-panel__body">
        <p class="alert alert--error" role="alert">{failure}</p>
        <button type="button" class="button" onClick={props.onClose}>Close</button>
      </div>
    );
  } else if (!doc) {
    body = (
      <div class="doc-panel__body" aria-hidden="true">
        {[3, 6, 6, 4, 4, 10].map((h, i) => <div key={i} class={`skeleton skeleton--h${h}`} />)}
      </div>
    );
  } else {
    const changes = doc.ai_suggestion ? suggestionChanges(doc, typeLabel) : [];
    const known = types.some((t) => t.slug === (drafts.document_type ?? doc.document_type));
    const flat = categories ?? [];
    const assigned = new Set(doc.categories.map((c) => c.id));
    const q = categoryQuery.trim().toLowerCase();
    const categoryOptions: ComboOption[] = flat
      .filter((c) => !assigned.has(c.id) && c.path.toLowerCase().includes(q))
      .slice(0, MAX_OPTIONS)
      .map((c) => ({ id: c.id, label: c.path }));
    if (q && categories && !flat.some((c) => c.name.toLowerCase() === q)) {
      categoryOptions.push({ id: "", label: `Create “${categoryQuery.trim()}”`, hint: "new" });
    }
    const tagNames = new Set(doc.tags.map((t) => t.name.toLowerCase()));
    const tagChoices: ComboOption[] = tagOptions
      .filter((n) => !tagNames.has(n.toLowerCase()))
      .slice(0, MAX_OPTIONS)
      .map((n) => ({ id: n, label: n }));

    body = (
      <div class="doc-panel__body" key={id}>
        {confirmDelete
          ? (
            <div class="doc-panel__confirm alert alert--error" role="alert">
              <p>
                Delete{" "}
                <strong>{doc.display_title}</strong>? The file and its data are removed for good.
              </p>
              {errorOf("delete") && <p class="field__error">{errorOf("delete")}</p>}
              <div class="doc-panel__actions">
                <button
                  type="button"
                  class="button button--danger button--small"
                  disabled={status.delete?.state === "saving"}
                  onClick={remove}
                >
                  {status.delete?.state === "saving" ? "Deleting…" : "Delete document"}
                </button>
                <button
                  type="button"
                  class="button button--small"
                  onClick={() => {
                    setConfirmDelete(false);
                    focusSoon(".doc-panel__delete");
                  }}
                >
                  Cancel
                </button>
              </div>
            </div>
          )
          : (
            <div class="doc-panel__actions">
              <a class="button button--small" href={`/api/documents/${id}/download`} download>
                Download
              </a>
              {doc.owned && (
                <>
                  <button
                    type="button"
                    class="button button--small"
                    disabled={busy || status.reanalyse?.state === "saving"}
                    onClick={() => post("reanalyse", "reanalyse")}
                  >
                    Re-analyse
                  </button>
                  <button
                    type="button"
                    class="button button--small doc-panel__delete"
                    onClick={() => {
                      setConfirmDelete(true);
                      focusSoon(".doc-panel__confirm .button:not(.button--danger)");
                    }}
                  >
                    Delete…
                  </button>
                </>
              )}
            </div>
          )}
        {errorOf("reanalyse") && <p class="field__error">{errorOf("reanalyse")}</p>}
        {busy && (
          <p class="doc-panel__processing" role="status">
            <span class="spinner" aria-hidden="true" />Processing…
          </p>
        )}
        {doc.status === "error" && (
          <p class="alert alert--error">
            <strong>Processing failed.</strong> {doc.error_message ?? "No reason was given."}
          </p>
        )}

        {doc.ai_suggestion && (
          <section class="doc-suggestion" aria-labelledby="doc-suggestion-title">
            <h3 id="doc-suggestion-title">Suggested changes</h3>
            <p class="doc-suggestion__source">{suggestionSource(doc)}</p>
            {changes.length
              ? <ul>{changes.map((c) => <li key={c}>{c}</li>)}</ul>
              : <p>It agrees with what the document already has.</p>}
            <div class="doc-panel__actions">
              <button
                type="button"
                class="button button--primary button--small"
                disabled={status.suggestion?.state === "saving"}
                onClick={() =>
                  decide("accept")}
              >
                Accept
              </button>
              <button
                type="button"
                class="button button--small"
                disabled={status.suggestion?.state === "saving"}
                onClick={() =>
                  decide("reject")}
              >
                Reject
              </button>
              {statusOf("suggestion")}
            </div>
            {errorOf("suggestion") && <p class="field__error">{errorOf("suggestion")}</p>}
          </section>
        )}
        {doc.summary && <p class="doc-panel__summary">{doc.summary}</p>}

        {field("title", "Title", (p) => (
          <input
            {...p}
            type="text"
            maxLength={300}
            placeholder={doc.filename}
            onInput={(e) => setDraft("title", e.currentTarget.value)}
            onChange={(e) => commit("title", e.currentTarget.value)}
          />
        ))}
        <div class="doc-panel__pair">
          {field("document_type", "Type", (p) => (
            <select
              {...p}
              onChange={(e) => commit("document_type", e.currentTarget.value)}
            >
              <option value="">No type</option>
              {types.map((t) => <option key={t.slug} value={t.slug}>{t.label}</option>)}
              {!known && doc.document_type && (
                <option value={doc.document_type}>{doc.document_type}</option>
              )}
            </select>
          ))}
          {field("document_date", "Document date", (p) => (
            <input
              {...p}
              type="date"
              onInput={(e) => {
                const value = e.currentTarget.value;
                setDraft("document_date", value);
                clearTimeout(dateTimer.current);
                // Typing a year passes through 0002, 0020…: save complete dates only.
                if (value === "" || /^[1-9]\d{3}-/.test(value)) {
                  dateTimer.current = setTimeout(() => commit("document_date", value), 800);
                }
              }}
              onBlur={(e) => {
                if (e.currentTarget.value !== (docRef.current?.document_date ?? "")) {
                  commit("document_date", e.currentTarget.value);
                }
              }}
            />
          ))}
        </div>
        {field("issuer", "Issuer", (p) => (
          <input
            {...p}
            type="text"
            maxLength={300}
            onInput={(e) => setDraft("issuer", e.currentTarget.value)}
            onChange={(e) => commit("issuer", e.currentTarget.value)}
          />
        ))}

        {doc.owned
          ? (
            <>
              <ChipCombobox
                id="doc-categories"
                label="Categories"
                chips={doc.categories.map((c) => ({ id: c.id, label: c.path }))}
                options={categoryOptions}
                query={categoryQuery}
                onQuery={setCategoryQuery}
                onFocus={loadCategories}
                onPick={pickCategory}
                onRemove={(cid) =>
                  patch("categories", {
                    category_ids: doc.categories.map((c) => c.id).filter((c) => c !== cid),
                  })}
                placeholder="Add a category…"
                status={statusOf("categories")}
                error={errorOf("categories")}
              />
              <ChipCombobox
                id="doc-tags"
                label="Tags"
                chips={doc.tags.map((t) => ({ id: t.id, label: t.name }))}
                options={tagChoices}
                query={tagQuery}
                onQuery={setTagQuery}
                onPick={(option) => addTag(option.label)}
                onText={addTag}
                onRemove={(tid) => setTags(doc.tags.filter((t) => t.id !== tid).map((t) => t.name))}
                placeholder="Add a tag…"
                status={statusOf("tags")}
                error={errorOf("tags")}
              />
              <div class="field">
                <div class="doc-panel__label-row">
                  <label for="doc-folder">Folder</label>
                  {statusOf("folder")}
                </div>
                <select
                  id="doc-folder"
                  class="input"
                  value={doc.folder_id ?? ""}
                  disabled={!folders}
                  aria-invalid={errorOf("folder") ? true : undefined}
                  onChange={(e) => patch("folder", { folder_id: e.currentTarget.value || null })}
                >
                  <option value="">No folder</option>
                  {(folders ?? []).map((f) => (
                    <option key={f.id} value={f.id}>{"\u2003".repeat(f.depth) + f.name}</option>
                  ))}
                </select>
                {errorOf("folder") && <p class="field__error">{errorOf("folder")}</p>}
              </div>
            </>
          )
          : (
            <p class="muted">
              Shared with you. How it is filed (categories, tags, folder) is up to its owner.
            </p>
          )}

        {doc.owned && (
          <SharingSection
            documentId={id}
            onCount={(count) => {
              if (count === doc.share_count) return;
              const next = { ...doc, share_count: count };
              setDoc(next);
              latest.current.onChanged(next);
            }}
          />
        )}
        <details class="doc-panel__section" onToggle={(e) => setPreview(e.currentTarget.open)}>
          <summary>Preview</summary>
          {preview && (
            <iframe
              class="doc-panel__preview"
              title={`Preview of ${doc.display_title}`}
              src={`/api/documents/${id}/download?inline=1`}
            />
          )}
        </details>
        <details class="doc-panel__section" onToggle={(e) => showText(e.currentTarget.open)}>
          <summary>Text</summary>
          {text?.error
            ? <p class="field__error">{text.error}</p>
            : text?.text === undefined
            ? <p class="muted" role="status">Loading the text…</p>
            : text.text
            ? <pre class="doc-panel__text" tabIndex={0}>{text.text}</pre>
            : <p class="muted">No text was found in this file.</p>}
        </details>

        <h3 class="doc-panel__subtitle">Details</h3>
        <DocumentFacts doc={doc} />
      </div>
    );
  }

  return (
    <div class="doc-panel-layer">
      <div class="doc-panel-backdrop" onClick={props.onClose} />
      <div
        ref={panel}
        class="doc-panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby="doc-panel-title"
        aria-busy={!doc && !failure}
        tabIndex={-1}
        onKeyDown={trapTab}
      >
        {header}
        {body}
      </div>
    </div>
  );
}
