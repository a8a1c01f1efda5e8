/**
 * Classifier answers on documents: stored as a suggestion for review, or applied — which
 * creates the suggestion's new categories and tags in the user's own namespace.
 */
import type { Deps } from "../app/deps.ts";
import { ensureCategoryPath } from "../categories/categories_service.ts";
import { createTagsRepo } from "../tags/tags_repo.ts";
import { createDocumentsRepo, type DocumentRow } from "./documents_repo.ts";

/** A classifier's answer as stored in `ai_suggestion`. */
export interface StoredSuggestion {
  classifier: "llm" | "builtin";
  confidence: number;
  document_type: string;
  title: string | null;
  summary: string | null;
  document_date: string | null;
  issuer: string | null;
  amount: { value: number; currency: string | null } | null;
  categories: { path: string; is_new: boolean }[];
  tags: { name: string; is_new: boolean }[];
}

/**
 * Write a classification onto a document, creating its new categories and tags. `by` is
 * "user" when a person accepted it: a later re-analysis then only suggests.
 */
export async function applyClassification(
  deps: Deps,
  doc: DocumentRow,
  suggestion: StoredSuggestion,
  by: DocumentRow["classified_by"] = suggestion.classifier,
) {
  await deps.db.transaction().execute(async (trx) => {
    const repo = createDocumentsRepo(trx);
    const known = await trx.selectFrom("document_types").select("slug")
      .where("slug", "=", suggestion.document_type).executeTakeFirst();
    await repo.update(doc.id, {
      document_type: known ? suggestion.document_type : "other",
      title: suggestion.title ?? doc.title,
      summary: suggestion.summary,
      document_date: suggestion.document_date,
      issuer: suggestion.issuer,
      amount: suggestion.amount?.value ?? null,
      currency: suggestion.amount?.currency ?? null,
      classified_by: by,
    });
    for (const { path } of suggestion.categories) {
      await repo.addCategories([doc.id], await ensureCategoryPath(trx, doc.user_id, path));
    }
    const tags = createTagsRepo(trx);
    for (const { name } of suggestion.tags) {
      await repo.addTags([doc.id], (await tags.findOrCreate(doc.user_id, name)).id);
    }
    await repo.setSuggestion(doc.id, null);
  });
}
