/**
 * The URL of the documents workspace is its state (issue #5): view, search, filters, sort
 * and the open document live in the query string, so reload, back/forward and shared
 * links show exactly the same screen. Pure functions over URLSearchParams, used by the
 * server page and by the islands alike.
 */

/** The parameters that choose which documents are listed (everything but paging and `open`). */
export const LIST_PARAMS = [
  "view",
  "q",
  "status",
  "type",
  "category",
  "tag",
  "folder",
  "from",
  "to",
  "uploaded_from",
  "uploaded_to",
  "sort",
  "order",
] as const;

export type ListParam = typeof LIST_PARAMS[number];

export const DOCUMENTS_PATH = "/documents";

function copy(params: URLSearchParams | string): URLSearchParams {
  const next = new URLSearchParams(params);
  // A change of what is listed starts again at the first page, with nothing open.
  next.delete("cursor");
  next.delete("open");
  return next;
}

function href(params: URLSearchParams): string {
  // "all" is the default view: keep links short.
  if (params.get("view") === "all") params.delete("view");
  const query = params.toString();
  return query ? `${DOCUMENTS_PATH}?${query}` : DOCUMENTS_PATH;
}

/** The listing with `key` set to `value` (or removed when null). */
export function withParam(
  params: URLSearchParams | string,
  key: ListParam,
  value: string | null,
): string {
  const next = copy(params);
  if (value === null || value === "") next.delete(key);
  else next.set(key, value);
  return href(next);
}

/** The listing with one more value of a repeatable filter (type, category, tag, status). */
export function withValue(params: URLSearchParams | string, key: ListParam, value: string): string {
  const next = copy(params);
  if (!next.getAll(key).includes(value)) next.append(key, value);
  return href(next);
}

/** The listing without one value of a filter: what a chip's remove button links to. */
export function withoutValue(
  params: URLSearchParams | string,
  key: ListParam,
  value: string,
): string {
  const next = copy(params);
  const kept = next.getAll(key).filter((v) => v !== value);
  next.delete(key);
  for (const v of kept) next.append(key, v);
  return href(next);
}

/** A view of the library: the view alone, every other filter dropped. */
export function viewHref(view: string): string {
  return href(new URLSearchParams(view === "all" ? "" : { view }));
}

/** The same listing with a document open in the slide-over. */
export function withOpen(params: URLSearchParams | string, id: string | null): string {
  const next = new URLSearchParams(params);
  next.delete("open");
  if (id) next.set("open", id);
  const query = next.toString();
  return query ? `${DOCUMENTS_PATH}?${query}` : DOCUMENTS_PATH;
}

/** Whether any parameter narrows the listing (for "no results" versus "no documents yet"). */
export function isFiltered(params: URLSearchParams): boolean {
  return LIST_PARAMS.some((key) =>
    !["sort", "order", "view"].includes(key) &&
    params.getAll(key).some((v) => v !== "" && v !== "all")
  );
}
