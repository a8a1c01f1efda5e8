/**
 * Documents as the API shows them (one query per relation, never N+1). To someone a
 * document is shared with, the owner's private filing — personal categories, tags,
 * folder, pending suggestion, duplicate link — stays private.
 */
import type { Deps } from "../app/deps.ts";
import { categoryPaths } from "../categories/categories_service.ts";
import { createCategoriesRepo } from "../categories/categories_repo.ts";
import { createSharingRepo } from "../sharing/sharing_repo.ts";
import { createDocumentsRepo, type DocumentRow } from "./documents_repo.ts";

export interface PublicDocument {
  id: string;
  filename: string;
  /** The title, or the file name without ".pdf" while there is none. */
  display_title: string;
  title: string | null;
  status: DocumentRow["status"];
  error_message: string | null;
  document_type: string | null;
  document_date: string | null;
  issuer: string | null;
  summary?: string | null;
  amount: { value: number; currency: string | null } | null;
  language: string | null;
  page_count: number | null;
  has_text_layer: boolean | null;
  size_bytes: number;
  content_type: string;
  folder_id: string | null;
  categories: { id: string; name: string; path: string; system: boolean }[];
  tags: { id: string; name: string }[];
  ai_suggestion: Record<string, unknown> | null;
  classified_by: DocumentRow["classified_by"];
  duplicate_of: string | null;
  /** Whether the caller owns it (else it is shared with them). */
  owned: boolean;
  /** Users and groups it is shared with (0 when not the caller's). */
  share_count: number;
  created_at: string;
  updated_at: string;
  processed_at: string | null;
}

export async function documentsView(
  deps: Deps,
  userId: string,
  rows: DocumentRow[],
  options: { withSummary?: boolean } = {},
): Promise<PublicDocument[]> {
  const ids = rows.map((r) => r.id);
  const repo = createDocumentsRepo(deps.db);
  const owned = rows.filter((r) => r.user_id === userId).map((r) => r.id);
  const [categoryRows, tagRows, shareCounts] = await Promise.all([
    repo.categoriesOf(ids),
    repo.tagsOf(ids),
    createSharingRepo(deps.db).countsFor(owned),
  ]);
  // Paths need every ancestor: take them from the categories the user can see.
  const paths = categoryRows.length
    ? categoryPaths(await createCategoriesRepo(deps.db).listVisible(userId))
    : new Map<string, string>();
  const categoriesBy = new Map<string, PublicDocument["categories"]>();
  for (const c of categoryRows) {
    const list = categoriesBy.get(c.document_id) ?? [];
    list.push({
      id: c.id,
      name: c.name,
      path: paths.get(c.id) ?? c.name,
      system: c.user_id === null,
    });
    categoriesBy.set(c.document_id, list);
  }
  const tagsBy = new Map<string, PublicDocument["tags"]>();
  for (const t of tagRows) {
    const list = tagsBy.get(t.document_id) ?? [];
    list.push({ id: t.id, name: t.name });
    tagsBy.set(t.document_id, list);
  }
  return rows.map((row) => {
    const mine = row.user_id === userId;
    return {
      id: row.id,
      filename: row.filename,
      display_title: row.title ?? row.filename.replace(/\.pdf$/i, ""),
      title: row.title,
      status: row.status,
      error_message: row.error_message,
      document_type: row.document_type,
      document_date: row.document_date,
      issuer: row.issuer,
      ...(options.withSummary ? { summary: row.summary } : {}),
      amount: row.amount === null ? null : { value: Number(row.amount), currency: row.currency },
      language: row.language,
      page_count: row.page_count,
      has_text_layer: row.has_text_layer,
      size_bytes: row.size_bytes,
      content_type: row.content_type,
      folder_id: mine ? row.folder_id : null,
      categories: (categoriesBy.get(row.id) ?? []).filter((c) => mine || c.system),
      tags: mine ? tagsBy.get(row.id) ?? [] : [],
      ai_suggestion: mine ? row.ai_suggestion : null,
      classified_by: row.classified_by,
      duplicate_of: mine ? row.duplicate_of : null,
      owned: mine,
      share_count: shareCounts.get(row.id) ?? 0,
      created_at: row.created_at.toISOString(),
      updated_at: row.updated_at.toISOString(),
      processed_at: row.processed_at?.toISOString() ?? null,
    };
  });
}
