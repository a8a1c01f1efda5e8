import DocumentResults from "../../islands/DocumentResults.tsx";
import SourcePanel from "../../islands/SourcePanel.tsx";
import UploadQueue from "../../islands/UploadQueue.tsx";
import { usePage } from "../../lib/app/page_context.ts";
import {
  isFiltered,
  LIST_PARAMS,
  viewHref,
  withoutValue,
  withParam,
} from "../../lib/documents/documents_url.ts";
import { effectiveSort } from "../../lib/documents/documents_search.ts";
import { formatDate } from "../../lib/shared/format.ts";
import { AppFrame } from "./AppFrame.tsx";
import type { WorkspaceData } from "./workspace_data.ts";

export const VIEW_TITLES: Record<string, string> = {
  all: "All documents",
  recent: "Recent",
  review: "Needs review",
  processing: "Processing & failed",
  failed: "Failed",
  shared: "Shared with me",
};

const STATUS_LABELS: Record<string, string> = {
  uploaded: "Waiting",
  processing: "Processing",
  ready: "Ready",
  error: "Failed",
};

interface Chip {
  label: string;
  remove: string;
}

/** One chip per active filter, each with the link that removes it. */
function chipsOf(data: WorkspaceData): Chip[] {
  const params = new URLSearchParams(data.search);
  const chips: Chip[] = [];
  const name = <T extends { id: string }>(list: T[], id: string, show: (item: T) => string) => {
    const found = list.find((item) => item.id === id);
    return found ? show(found) : "(deleted)";
  };
  for (const key of LIST_PARAMS) {
    for (const value of params.getAll(key)) {
      const remove = withoutValue(params, key, value);
      const label = key === "q"
        ? `Search: ${value}`
        : key === "status"
        ? `Status: ${STATUS_LABELS[value] ?? value}`
        : key === "type"
        ? `Type: ${data.types.find((t) => t.slug === value)?.label ?? value}`
        : key === "category"
        ? `Category: ${name(data.categories, value, (c) => c.path)}`
        : key === "tag"
        ? `Tag: ${name(data.tags, value, (t) => t.name)}`
        : key === "folder"
        ? `Folder: ${name(data.folders, value, (f) => f.path)}`
        : key === "from"
        ? `Dated from ${formatDate(value)}`
        : key === "to"
        ? `Dated until ${formatDate(value)}`
        : key === "uploaded_from"
        ? `Uploaded from ${formatDate(value)}`
        : key === "uploaded_to"
        ? `Uploaded until ${formatDate(value)}`
        : null;
      if (label) chips.push({ label, remove });
    }
  }
  return chips;
}

const SORTS = [
  { sort: "relevance", order: "desc", label: "Best match" },
  { sort: "uploaded", order: "desc", label: "Newest uploads" },
  { sort: "uploaded", order: "asc", label: "Oldest uploads" },
  { sort: "date", order: "desc", label: "Document date, newest" },
  { sort: "date", order: "asc", label: "Document date, oldest" },
  { sort: "title", order: "asc", label: "Title A–Z" },
  { sort: "title", order: "desc", label: "Title Z–A" },
  { sort: "size", order: "desc", label: "Largest first" },
  { sort: "size", order: "asc", label: "Smallest first" },
] as const;

/** The sort in effect, as listDocuments decides it. */
function currentSort(data: WorkspaceData) {
  const { sort, order } = effectiveSort(data.query);
  return SORTS.find((s) => s.sort === sort && s.order === order) ?? SORTS[1];
}

function SortMenu({ data }: { data: WorkspaceData }) {
  const current = currentSort(data);
  const params = new URLSearchParams(data.search);
  return (
    <details class="menu sort-menu">
      <summary class="button button--small menu__button">
        <span class="muted">Sort:</span> {current.label}
      </summary>
      <ul class="menu__list" aria-label="Sort by">
        {SORTS.filter((s) => s.sort !== "relevance" || data.query.q).map((s) => {
          const next = new URLSearchParams(withParam(params, "sort", s.sort).split("?")[1] ?? "");
          return (
            <li key={`${s.sort}-${s.order}`}>
              <a
                class="menu__item"
                href={withParam(next, "order", s.order)}
                aria-current={s === current ? "true" : undefined}
              >
                {s.label}
              </a>
            </li>
          );
        })}
      </ul>
    </details>
  );
}

function SearchForm({ data }: { data: WorkspaceData }) {
  const params = new URLSearchParams(data.search);
  return (
    <form class="ws-search" role="search" method="get" action="/documents">
      {[...params].filter(([key]) => key !== "q").map(([key, value], i) => (
        <input key={`${key}-${i}`} type="hidden" name={key} value={value} />
      ))}
      <label for="documents-search" class="visually-hidden">Search your documents</label>
      <svg
        class="icon ws-search__icon"
        width="18"
        height="18"
        viewBox="0 0 24 24"
        aria-hidden="true"
      >
        <circle cx="11" cy="11" r="6.5" />
        <path d="m16 16 4.5 4.5" />
      </svg>
      <input
        id="documents-search"
        class="input ws-search__input"
        type="search"
        name="q"
        value={data.query.q ?? ""}
        placeholder='Search text, titles, issuers… e.g. invoice 2024 -draft or "payment terms"'
        autocomplete="off"
        maxLength={500}
      />
      <button type="submit" class="button button--primary">Search</button>
    </form>
  );
}

/** The documents workspace (issue #5): sidebar, source panel, and the listing. */
export function DocumentsPage(
  { data, maxUploadBytes }: { data: WorkspaceData; maxUploadBytes: number },
) {
  const { user } = usePage();
  const params = new URLSearchParams(data.search);
  const chips = chipsOf(data);
  const heading = data.query.q
    ? `Results for “${data.query.q}”`
    : VIEW_TITLES[data.query.view] ?? VIEW_TITLES.all;
  return (
    <AppFrame quota={data.quota}>
      <input
        type="checkbox"
        id="browse-toggle"
        class="browse-toggle"
        aria-hidden="true"
        tabIndex={-1}
      />
      <SourcePanel
        search={data.search}
        categories={data.categories}
        tags={data.tags}
        folders={data.folders}
        isAdmin={user?.role === "admin"}
      />
      <main id="main" class="ws-main" tabIndex={-1}>
        <header class="ws-header">
          <label for="browse-toggle" class="button button--small browse-button">
            Browse
          </label>
          <h1 class="ws-header__title">{heading}</h1>
          <UploadQueue maxUploadBytes={maxUploadBytes} />
        </header>
        <SearchForm data={data} />
        {data.ignored.length > 0 && (
          <p class="alert alert--warning" role="status">
            Part of this link was not understood and is left out ({data.ignored.join(", ")}).
          </p>
        )}
        <div class="ws-toolbar">
          <ul class="chips" aria-label="Active filters">
            {chips.map((chip) => (
              <li key={chip.remove} class="chip">
                <span class="chip__label">{chip.label}</span>
                <a
                  class="chip__remove"
                  href={chip.remove}
                  aria-label={`Remove filter ${chip.label}`}
                >
                  <svg class="icon" width="14" height="14" viewBox="0 0 24 24" aria-hidden="true">
                    <path d="M6 6l12 12M18 6 6 18" />
                  </svg>
                </a>
              </li>
            ))}
            {chips.length > 1 && (
              <li>
                <a class="chips__clear" href={viewHref(data.query.view)}>
                  Clear all
                </a>
              </li>
            )}
          </ul>
          <SortMenu data={data} />
        </div>
        <DocumentResults
          documents={data.list.documents}
          nextCursor={data.list.next_cursor}
          search={data.search}
          paged={data.paged}
          filtered={isFiltered(params)}
          view={data.query.view}
          open={data.open}
          openId={data.open?.id ?? null}
          types={data.types}
          categories={data.categories}
          tags={data.tags}
          folders={data.folders}
        />
      </main>
    </AppFrame>
  );
}
