/**
 * Categories and tags suggested from the user's own confirmed documents: a weighted vote
 * of the most similar ones (cosine similarity of TF-IDF vectors). Labels are free-form and
 * personal, so there is nothing to seed them with; a nearest-neighbour vote needs no
 * training, works from the first confirmed document, and only speaks when a document is
 * really like ones the user has labelled.
 */
import { cosine, type SparseVector } from "./naive_bayes.ts";
import type { VectorisedExample } from "./type_model.ts";

/** Neighbours less similar than this are not evidence (unrelated documents score ~0.1). */
export const MIN_SIMILARITY = 0.3;
/** How many neighbours vote. */
export const NEIGHBOURS = 5;
/** The share of the neighbours' similarity a label needs to be suggested. */
export const MIN_SUPPORT = 0.5;

export interface LabelSuggestions {
  categories: { path: string; is_new: false }[];
  tags: { name: string; is_new: false }[];
}

/**
 * The labels of the neighbours that carry at least MIN_SUPPORT of their vote, limited to
 * `allowed` (matched case-insensitively, answered in the allowed spelling): a category
 * the user has since deleted is not suggested back.
 */
function vote(
  neighbours: { similarity: number; labels: string[] }[],
  allowed: readonly string[],
  limit: number,
): string[] {
  const canonical = new Map(allowed.map((label) => [label.trim().toLowerCase(), label]));
  const total = neighbours.reduce((sum, n) => sum + n.similarity, 0);
  const support = new Map<string, number>();
  for (const { similarity, labels } of neighbours) {
    for (const label of new Set(labels.map((l) => canonical.get(l.trim().toLowerCase())))) {
      if (label) support.set(label, (support.get(label) ?? 0) + similarity);
    }
  }
  return [...support]
    .filter(([, s]) => s / total >= MIN_SUPPORT)
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([label]) => label);
}

/** Suggest categories and tags for a document from the user's labelled examples. */
export function suggestLabels(
  vector: SparseVector,
  examples: readonly VectorisedExample[],
  allowed: { categories: readonly string[]; tags: readonly string[] },
): LabelSuggestions {
  const neighbours = examples
    .map(({ example, vector: other }) => ({ example, similarity: cosine(vector, other) }))
    .filter(({ similarity }) => similarity >= MIN_SIMILARITY)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, NEIGHBOURS);
  if (neighbours.length === 0) return { categories: [], tags: [] };
  const categories = vote(
    neighbours.map(({ example, similarity }) => ({ similarity, labels: example.categories })),
    allowed.categories,
    10,
  );
  const tags = vote(
    neighbours.map(({ example, similarity }) => ({ similarity, labels: example.tags })),
    allowed.tags,
    20,
  );
  return {
    categories: categories.map((path) => ({ path, is_new: false })),
    tags: tags.map((name) => ({ name, is_new: false })),
  };
}
