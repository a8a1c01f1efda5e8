/**
 * The document-type model: naive Bayes trained on the seed texts, plus — per user — that
 * user's confirmed documents, each counting like several seed texts so that a handful of
 * confirmations visibly changes what the model answers for that user.
 */
import type { LabelledExample } from "../classifier_types.ts";
import {
  buildIdf,
  type IdfTable,
  logLikelihoods,
  type NaiveBayesModel,
  softmax,
  type SparseVector,
  tfidfVector,
  type TrainingExample,
  trainNaiveBayes,
} from "./naive_bayes.ts";
import { listSeedTexts } from "./seeds/seed_knowledge.ts";
import { countFeatures } from "./text_features.ts";

/**
 * Lidstone smoothing. Small, because feature values are TF-IDF weights of unit-length
 * vectors (about 0.05–0.3 each), not whole counts. ALPHA and KAPPA were chosen on the seed
 * texts alone, by a rule fixed beforehand: the best leave-one-out accuracy over a grid
 * (α 0.005–0.3, κ 1–6), then the lowest leave-one-out log-loss (type_model_test.ts keeps
 * the figure honest).
 */
export const ALPHA = 0.05;
/** Temperature of the posterior; see `softmax`. */
export const KAPPA = 5;
/** How many seed texts one confirmed document of the user counts as. */
export const USER_EXAMPLE_WEIGHT = 5;
/**
 * How much text is read. The type shows on the first pages; reading a whole 100-page
 * policy would cost time and add nothing but noise.
 */
export const MAX_TEXT_CHARS = 24_000;

/** A trained type model with the IDF table its vectors must be built with. */
export interface TypeModel {
  readonly naiveBayes: NaiveBayesModel;
  readonly idf: IdfTable;
}

/** A user's confirmed document, vectorised once for the type model and label suggestions. */
export interface VectorisedExample {
  readonly example: LabelledExample;
  readonly vector: SparseVector;
}

/** A user's model: the type model and their vectorised examples. */
export interface UserModel extends TypeModel {
  readonly examples: readonly VectorisedExample[];
}

interface SeedModel extends TypeModel {
  readonly seedExamples: readonly TrainingExample[];
}

// Pure data derived from constants, built lazily (not at import) and shared by every
// classifier instance: rebuilding it per instance would only cost time.
let seedModel: SeedModel | null = null;

/** The model of the seed texts alone, built on first use (some 50 ms) and kept. */
export function getSeedModel(): SeedModel {
  if (seedModel) return seedModel;
  const seeds = listSeedTexts().map((seed) => ({ seed, counts: countFeatures(seed.text) }));
  const idf = buildIdf(seeds.map(({ counts }) => counts));
  const seedExamples = seeds.map(({ seed, counts }) => ({
    label: seed.type,
    vector: tfidfVector(counts, idf),
    weight: 1,
  }));
  seedModel = {
    idf,
    seedExamples,
    naiveBayes: trainNaiveBayes(seedExamples, { alpha: ALPHA }),
  };
  return seedModel;
}

/** The feature vector of a document's text (truncated) and a few extra lines (title …). */
export function vectoriseDocument(
  model: TypeModel,
  text: string,
  extraLines: string[] = [],
): SparseVector {
  const body = text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
  return tfidfVector(countFeatures([...extraLines, body].join("\n")), model.idf);
}

/**
 * The seed model extended with a user's confirmed documents. The IDF table stays the
 * seed model's, so vectors of all users are comparable and the seed vectors need no
 * recomputing; a word only the user's documents have gets the rarest word's weight.
 */
export function buildUserModel(examples: readonly LabelledExample[]): UserModel {
  const seeds = getSeedModel();
  const vectorised = examples.map((example) => ({
    example,
    vector: vectoriseDocument(seeds, example.text),
  }));
  const typed = vectorised
    .filter(({ example, vector }) => example.documentType && vector.size > 0)
    .map(({ example, vector }) => ({
      label: example.documentType!,
      vector,
      weight: USER_EXAMPLE_WEIGHT,
    }));
  const naiveBayes = typed.length === 0
    ? seeds.naiveBayes
    : trainNaiveBayes([...seeds.seedExamples, ...typed], { alpha: ALPHA });
  return { naiveBayes, idf: seeds.idf, examples: vectorised };
}

/**
 * Below this many distinct known features a text is thin evidence (a scan's stray OCR
 * line, a one-word page): the posterior is flattened towards uniform in proportion, so
 * "Invoice" alone does not come out as a 99 % invoice.
 */
export const FULL_EVIDENCE_FEATURES = 15;

/**
 * Probability of each allowed type for a document vector, highest first. Types the model
 * has no training text for cannot be told apart from anything and are left out; an empty
 * vector gives every known type the same probability.
 */
export function predictTypes(
  model: TypeModel,
  vector: SparseVector,
  allowedTypes: Iterable<string>,
): { type: string; probability: number }[] {
  const scores = logLikelihoods(model.naiveBayes, vector, allowedTypes);
  if (scores.size === 0) return [];
  let known = 0;
  for (const feature of vector.keys()) if (model.naiveBayes.vocabulary.has(feature)) known++;
  const evidence = Math.min(1, known / FULL_EVIDENCE_FEATURES);
  return [...softmax(scores, KAPPA * evidence)]
    .map(([type, probability]) => ({ type, probability }))
    .sort((a, b) => b.probability - a.probability);
}
