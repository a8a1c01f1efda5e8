/**
 * What the documents workspace shows, loaded for one request: the listing the URL asks
 * for, plus the names the sidebar and the editors need. Counts per category, tag and
 * folder are not here: at 100,000 documents they cost more than the whole page, so the
 * source panel fetches them after it is on screen.
 */
import type { Deps } from "../../lib/app/deps.ts";
import { createCategoriesRepo } from "../../lib/categories/categories_repo.ts";
import { categoryPaths } from "../../lib/categories/categories_service.ts";
import { listDocumentTypes } from "../../lib/document_types/document_types_service.ts";
import {
  type ListDocumentsQuery,
  listDocumentsSchema,
} from "../../lib/documents/documents_schemas.ts";
import {
  type DocumentList,
  listDocuments,
  withDefaultSort,
} from "../../lib/documents/documents_search.ts";
import { getDocument } from "../../lib/documents/documents_service.ts";
import type { PublicDocument } from "../../lib/documents/documents_view.ts";
import { createFoldersRepo } from "../../lib/folders/folders_repo.ts";
import { getQuota } from "../../lib/quotas/quotas_service.ts";
import type { Quota } from "../../lib/quotas/quotas_repo.ts";
import { AppError, NotFoundError } from "../../lib/shared/errors.ts";
import { createTagsRepo } from "../../lib/tags/tags_repo.ts";

export interface NamedCategory {
  id: string;
  name: string;
  path: string;
  parent_id: string | null;
  system: boolean;
}

export interface NamedFolder {
  id: string;
  name: string;
  path: string;
  parent_id: string | null;
}

export interface Labels {
  types: { slug: string; label: string }[];
  categories: NamedCategory[];
  tags: { id: string; name: string }[];
  folders: NamedFolder[];
}

export interface WorkspaceData extends Labels {
  /** The query string the listing came from, without `open` and `cursor`. */
  search: string;
  query: ListDocumentsQuery;
  list: DocumentList;
  /** Whether this is a later page reached by a cursor link (no JavaScript). */
  paged: boolean;
  quota: Quota;
  open: PublicDocument | null;
  /** Parameters of the link that were not understood and were left out. */
  ignored: string[];
}

/** Parse the URL's query; anything invalid is dropped (and reported), never a 422 page. */
export function parseWorkspaceQuery(
  url: URL,
): { query: ListDocumentsQuery; params: URLSearchParams; ignored: string[]; open: string | null } {
  const params = new URLSearchParams(url.search);
  const open = params.get("open");
  params.delete("open");
  for (const [key, value] of [...params]) if (value === "") params.delete(key, value);
  const ignored: string[] = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    const raw: Record<string, string | string[]> = {};
    for (const key of new Set(params.keys())) {
      const values = params.getAll(key);
      raw[key] = values.length > 1 ? values : values[0];
    }
    const parsed = listDocumentsSchema.safeParse(raw);
    if (parsed.success) {
      return {
        query: parsed.data,
        params,
        ignored,
        open: open && /^[0-9a-f-]{36}$/i.test(open) ? open : null,
      };
    }
    const issue = parsed.error.issues[0];
    const key = issue.code === "unrecognized_keys" ? issue.keys[0] : String(issue.path[0] ?? "");
    if (!key || !params.has(key)) break;
    ignored.push(key);
    params.delete(key);
  }
  return {
    query: listDocumentsSchema.parse({}),
    params: new URLSearchParams(),
    ignored,
    open: null,
  };
}

/** Category and folder names with their paths, and the types: for links, chips and pickers. */
export async function loadLabels(deps: Deps, userId: string): Promise<Labels> {
  const [types, categories, tags, folders] = await Promise.all([
    listDocumentTypes(deps),
    createCategoriesRepo(deps.db).listVisible(userId),
    createTagsRepo(deps.db).names(userId),
    createFoldersRepo(deps.db).list(userId),
  ]);
  const categoryPath = categoryPaths(categories);
  const folderPath = categoryPaths(folders);
  return {
    types: types.map(({ slug, label }) => ({ slug, label })),
    categories: categories.map((c) => ({
      id: c.id,
      name: c.name,
      path: categoryPath.get(c.id) ?? c.name,
      parent_id: c.parent_id,
      system: c.user_id === null,
    })).sort((a, b) => a.path.localeCompare(b.path)),
    tags,
    folders: folders.map((f) => ({
      id: f.id,
      name: f.name,
      path: folderPath.get(f.id) ?? f.name,
      parent_id: f.parent_id,
    })).sort((a, b) => a.path.localeCompare(b.path)),
  };
}

export async function loadWorkspace(deps: Deps, userId: string, url: URL): Promise<WorkspaceData> {
  const parsed = parseWorkspaceQuery(url);
  const { params, ignored, open } = parsed;
  // The app's default order, filled in here so that the sort menu names it.
  const query = await withDefaultSort(deps, parsed.query);
  const [list, labels, quota, openDocument] = await Promise.all([
    listDocuments(deps, userId, query).catch((error) => {
      // A cursor from another listing or an old link: start at the first page instead.
      if (!query.cursor || !(error instanceof AppError) || error.status >= 500) throw error;
      ignored.push("cursor");
      params.delete("cursor");
      return listDocuments(deps, userId, { ...query, cursor: undefined });
    }),
    loadLabels(deps, userId),
    getQuota(deps, userId),
    open
      ? getDocument(deps, userId, open).catch((error) => {
        if (error instanceof NotFoundError) return null;
        throw error;
      })
      : null,
  ]);
  const search = new URLSearchParams(params);
  search.delete("cursor");
  return {
    ...labels,
    search: search.toString(),
    query,
    list,
    paged: params.has("cursor"),
    quota,
    open: openDocument,
    ignored,
  };
}
