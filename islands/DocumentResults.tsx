import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { api, ApiError } from "../lib/app/client/api.ts";
import { announceDocumentsChanged, onDocumentsChanged } from "../lib/app/client/events.ts";
import { pollWithBackoff } from "../lib/app/client/poll.ts";
import type { ListedDocument } from "../lib/documents/documents_search.ts";
import { withOpen } from "../lib/documents/documents_url.ts";
import type { PublicDocument } from "../lib/documents/documents_view.ts";
import { formatBytes, formatDate } from "../lib/shared/format.ts";
import { BulkBar } from "./documents/BulkBar.tsx";
import { DocumentPanel } from "./documents/DocumentPanel.tsx";

interface Named {
  id: string;
  name: string;
  path?: string;
}

export interface DocumentResultsProps {
  documents: ListedDocument[];
  nextCursor: string | null;
  /** The listing's query string, without cursor and open. */
  search: string;
  /** A later page reached by a cursor link (without JavaScript). */
  paged: boolean;
  filtered: boolean;
  view: string;
  /** The document open in the slide-over (from `?open=`), when it exists. */
  open: PublicDocument | null;
  openId: string | null;
  types: { slug: string; label: string }[];
  categories: Named[];
  tags: Named[];
  folders: Named[];
}

const SETTLED = new Set(["ready", "error"]);
const BADGES: Record<string, string> = {
  pending: "Uploading",
  uploaded: "Waiting",
  processing: "Processing",
  error: "Failed",
};

const EMPTY: Record<string, { title: string; text: string }> = {
  all: {
    title: "Your vault is empty",
    text: "Drop PDFs anywhere on this page, or choose Upload. DocuVault reads each one and " +
      "suggests its type, title, date, categories and tags.",
  },
  recent: {
    title: "Nothing uploaded recently",
    text: "New uploads show here first. Drop PDFs anywhere on this page to add some.",
  },
  review: {
    title: "Nothing to review",
    text: "When the classifier is unsure, its suggestions wait here for you to accept or reject.",
  },
  processing: {
    title: "Nothing processing, nothing failed",
    text: "Documents being read show here until they are ready, and so do any that could not be.",
  },
  failed: { title: "No failed documents", text: "Every document was read successfully." },
  shared: {
    title: "Nothing is shared with you",
    text: "Documents other people share with you will show here.",
  },
};

function StatusBadge({ doc }: { doc: PublicDocument }) {
  if (doc.status === "ready") {
    return doc.ai_suggestion
      ? <span class="badge badge--review">Needs review</span>
      : doc.has_text_layer === false
      ? <span class="badge badge--muted" title="Scanned image: no text to search">No text</span>
      : null;
  }
  return (
    <span
      class={`badge badge--${doc.status}`}
      title={doc.status === "error" ? doc.error_message ?? undefined : undefined}
    >
      {doc.status === "processing" && <span class="spinner" aria-hidden="true" />}
      {BADGES[doc.status] ?? doc.status}
    </span>
  );
}

function Snippet({ doc }: { doc: ListedDocument }) {
  if (!doc.snippet) return null;
  return (
    <p class="doc-row__snippet">
      …{doc.snippet.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : s.text))}…
    </p>
  );
}

/** The result list with selection, keyboard navigation, live status, load more, the slide-over. */
export default function DocumentResults(props: DocumentResultsProps) {
  const [docs, setDocs] = useState<ListedDocument[]>(props.documents);
  const [cursor, setCursor] = useState(props.nextCursor);
  const [loading, setLoading] = useState(false);
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [openId, setOpenId] = useState<string | null>(props.openId);
  const [hydrated, setHydrated] = useState(false);
  const anchor = useRef<number | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const typeLabel = (slug: string | null) =>
    slug ? props.types.find((t) => t.slug === slug)?.label ?? slug : "";

  useEffect(() => setHydrated(true), []);

  // Back and forward move between documents opened in the slide-over.
  useEffect(() => {
    const sync = () => setOpenId(new URLSearchParams(location.search).get("open"));
    addEventListener("popstate", sync);
    return () => removeEventListener("popstate", sync);
  }, []);

  const replaceDoc = useCallback((doc: PublicDocument) => {
    setDocs((list) => list.map((d) => (d.id === doc.id ? { ...d, ...doc } : d)));
  }, []);

  const refresh = useCallback(async (ids: string[]) => {
    const fresh = await Promise.all(
      ids.map((id) =>
        api<PublicDocument>(`/api/documents/${id}`).catch((error) =>
          error instanceof ApiError && error.status === 404 ? id : null
        )
      ),
    );
    setDocs((list) =>
      list.flatMap((d) => {
        const found = fresh.find((f) => f !== null && (typeof f === "string" ? f : f.id) === d.id);
        if (found === undefined || found === null) return [d];
        return typeof found === "string" ? [] : [{ ...d, ...found }];
      })
    );
  }, []);

  // Live status: poll the unsettled documents, backing off, only while there are any.
  const unsettled = docs.filter((d) => !SETTLED.has(d.status)).map((d) => d.id).join(",");
  useEffect(() => {
    if (!unsettled) return;
    return pollWithBackoff(async () => {
      await refresh(unsettled.split(","));
      return true;
    });
  }, [unsettled, refresh]);

  // Other islands (the upload queue, the slide-over) report what they changed.
  useEffect(() =>
    onDocumentsChanged(async (change) => {
      if (!change.ids) return;
      if (change.reason === "deleted") {
        const gone = new Set(change.ids);
        setDocs((list) => list.filter((d) => !gone.has(d.id)));
        setSelected((s) => new Set([...s].filter((id) => !gone.has(id))));
        return;
      }
      if (change.reason === "uploaded") {
        // New uploads go on top of an unfiltered, newest-first list; elsewhere, say so.
        const newestFirst = !props.filtered && !/(^|&)(sort|order)=/.test(props.search) &&
          (props.view === "all" || props.view === "recent" || props.view === "processing");
        if (!newestFirst) {
          setNotice({ text: "New uploads are in All documents." });
          return;
        }
        const added = await Promise.all(
          change.ids.map((id) => api<PublicDocument>(`/api/documents/${id}`).catch(() => null)),
        );
        setDocs((list) => [
          ...added.filter((d): d is PublicDocument => !!d && !list.some((x) => x.id === d.id))
            .map((d) => ({ ...d, snippet: null })),
          ...list,
        ]);
        return;
      }
      await refresh(change.ids).catch(() => {});
    }), [props.filtered, props.search, props.view, refresh]);

  function open(id: string | null) {
    setOpenId(id);
    const url = withOpen(location.search, id);
    if (url !== location.pathname + location.search) history.pushState(null, "", url);
  }

  async function loadMore(event: Event) {
    event.preventDefault();
    if (!cursor || loading) return;
    setLoading(true);
    setNotice(null);
    try {
      const sep = props.search ? "&" : "";
      const page = await api<{ documents: ListedDocument[]; next_cursor: string | null }>(
        `/api/documents?${props.search}${sep}cursor=${encodeURIComponent(cursor)}`,
      );
      setDocs((
        list,
      ) => [...list, ...page.documents.filter((d) => !list.some((x) => x.id === d.id))]);
      setCursor(page.next_cursor);
    } catch (error) {
      setNotice({
        text: error instanceof ApiError ? error.message : "Could not load more documents.",
        error: true,
      });
    } finally {
      setLoading(false);
    }
  }

  function toggle(index: number, event: MouseEvent | KeyboardEvent) {
    const id = docs[index].id;
    const next = new Set(selected);
    const on = !selected.has(id);
    if (event.shiftKey && anchor.current !== null) {
      // Shift-click: the whole range from the last click takes this one's new state.
      const [from, to] = [Math.min(anchor.current, index), Math.max(anchor.current, index)];
      for (const d of docs.slice(from, to + 1)) on ? next.add(d.id) : next.delete(d.id);
    } else {
      on ? next.add(id) : next.delete(id);
    }
    anchor.current = index;
    setSelected(next);
  }

  const allSelected = docs.length > 0 && docs.every((d) => selected.has(d.id));
  function toggleAll() {
    setSelected(allSelected ? new Set() : new Set(docs.map((d) => d.id)));
    anchor.current = null;
  }

  // Up/down move between rows; Enter opens (the title link); x or space selects.
  function onListKey(event: KeyboardEvent) {
    const target = event.target as HTMLElement;
    const row = target.closest<HTMLElement>("[data-index]");
    if (
      !row || target.tagName === "INPUT" && event.key !== "ArrowDown" && event.key !== "ArrowUp"
    ) {
      return;
    }
    const index = Number(row.dataset.index);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = index + (event.key === "ArrowDown" ? 1 : -1);
      listRef.current?.querySelector<HTMLElement>(`[data-index="${next}"] .doc-row__title`)
        ?.focus();
    } else if (event.key === "x") {
      event.preventDefault();
      toggle(index, event);
    }
  }

  const empty = EMPTY[props.view] ?? EMPTY.all;
  const selectedIds = docs.filter((d) => selected.has(d.id)).map((d) => d.id);

  return (
    <div class="results">
      <p class={`ws-notice${notice?.error ? " is-error" : ""}`} role="status">
        {notice?.text ?? ""}
        {notice && !notice.error && (
          <button
            type="button"
            class="link-button"
            onClick={() => setNotice(null)}
          >
            Dismiss
          </button>
        )}
      </p>
      {docs.length === 0
        ? (
          <div class="empty-state">
            {props.filtered
              ? (
                <>
                  <h2>No documents match</h2>
                  <p>Remove a filter above, or search for other words.</p>
                  <a
                    class="button"
                    href={props.view === "all" ? "/documents" : `/documents?view=${props.view}`}
                  >
                    Clear filters
                  </a>
                </>
              )
              : (
                <>
                  <h2>{empty.title}</h2>
                  <p>{empty.text}</p>
                </>
              )}
          </div>
        )
        : (
          <>
            <div class="results__head">
              <label class="results__all">
                <input
                  type="checkbox"
                  checked={allSelected}
                  onChange={toggleAll}
                  disabled={!hydrated}
                />
                <span class="visually-hidden">Select all documents on this page</span>
              </label>
              <span class="results__col results__col--doc">
                {docs.length.toLocaleString("en")}
                {cursor ? "+" : ""} document{docs.length === 1 ? "" : "s"}
              </span>
              <span class="results__col results__col--type">Type</span>
              <span class="results__col results__col--date">Date</span>
              <span class="results__col results__col--size">Size</span>
            </div>
            <ul class="results__list" ref={listRef} onKeyDown={onListKey} aria-label="Documents">
              {docs.map((doc, index) => (
                <li
                  key={doc.id}
                  class={`doc-row${selected.has(doc.id) ? " is-selected" : ""}${
                    openId === doc.id ? " is-open" : ""
                  }`}
                  data-index={index}
                  data-id={doc.id}
                  data-status={doc.status}
                >
                  <label class="doc-row__check">
                    <input
                      type="checkbox"
                      checked={selected.has(doc.id)}
                      onClick={(e) => toggle(index, e)}
                      disabled={!hydrated}
                    />
                    <span class="visually-hidden">Select {doc.display_title}</span>
                  </label>
                  <div class="doc-row__main">
                    <div class="doc-row__line">
                      <a
                        class="doc-row__title"
                        href={`/documents/${doc.id}`}
                        onClick={(e) => {
                          if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                          e.preventDefault();
                          open(doc.id);
                        }}
                      >
                        {doc.display_title}
                      </a>
                      <StatusBadge doc={doc} />
                      {doc.duplicate_of && <span class="badge badge--muted">Duplicate</span>}
                      {doc.share_count > 0 && (
                        <span class="badge badge--muted" data-share-count={doc.share_count}>
                          Shared with {doc.share_count}
                        </span>
                      )}
                      {!doc.owned && <span class="badge badge--muted">Shared with you</span>}
                    </div>
                    <Snippet doc={doc} />
                    {(doc.categories.length > 0 || doc.tags.length > 0) && (
                      <ul class="doc-row__labels" role="list">
                        {doc.categories.map((c) => (
                          <li key={c.id} class="label label--category" title={c.path}>{c.name}</li>
                        ))}
                        {doc.tags.map((t) => (
                          <li key={t.id} class="label label--tag">#{t.name}</li>
                        ))}
                      </ul>
                    )}
                  </div>
                  <span class="doc-row__type">{typeLabel(doc.document_type)}</span>
                  <span class="doc-row__date">
                    {doc.document_date
                      ? <time dateTime={doc.document_date}>{formatDate(doc.document_date)}</time>
                      : <span class="muted">—</span>}
                  </span>
                  <span class="doc-row__size">{formatBytes(doc.size_bytes)}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      {(cursor || props.paged) && (
        <div class="results__more">
          {cursor && (
            <a
              class="button"
              href={`/documents?${props.search}${props.search ? "&" : ""}cursor=${
                encodeURIComponent(cursor)
              }`}
              onClick={loadMore}
              aria-busy={loading ? "true" : undefined}
            >
              {loading ? "Loading…" : "Load more"}
            </a>
          )}
          {props.paged && (
            <a class="link-button" href={`/documents${props.search ? `?${props.search}` : ""}`}>
              Back to the first page
            </a>
          )}
        </div>
      )}
      {selectedIds.length > 0 && (
        <BulkBar
          ids={selectedIds}
          categories={props.categories}
          tags={props.tags}
          folders={props.folders}
          onClear={() => setSelected(new Set())}
          onDone={(changed, deleted, summary) => {
            setNotice({ text: summary });
            if (deleted) {
              announceDocumentsChanged({ ids: changed, reason: "deleted" });
            } else {
              setSelected(new Set());
              refresh(changed).catch(() => {});
            }
          }}
        />
      )}
      {hydrated && openId && (
        <DocumentPanel
          key={openId}
          id={openId}
          initial={props.open?.id === openId
            ? props.open
            : docs.find((d) => d.id === openId) ?? null}
          types={props.types}
          onClose={() => open(null)}
          onChanged={replaceDoc}
          onDeleted={(id: string) => {
            setDocs((list) => list.filter((d) => d.id !== id));
            open(null);
          }}
        />
      )}
    </div>
  );
}
