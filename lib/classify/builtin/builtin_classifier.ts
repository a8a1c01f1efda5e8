/**
 * The built-in classifier, the embedded default: no network, no model files. The type
 * comes from naive Bayes over the multilingual seed texts plus the user's confirmed
 * documents (type_model.ts); categories and tags from the user's most similar documents
 * (label_suggestions.ts); title, date, issuer, amount and summary from rules
 * (field_extraction.ts).
 */
import { AppError } from "../../shared/errors.ts";
import {
  type ClassificationInput,
  type ClassificationResult,
  classificationResultSchema,
  type Classifier,
  type ClassifyOptions,
  type LabelledExample,
} from "../classifier_types.ts";
import { extractFields } from "./field_extraction.ts";
import { suggestLabels } from "./label_suggestions.ts";
import { buildUserModel, predictTypes, type UserModel, vectoriseDocument } from "./type_model.ts";

/** The type answered when the text says too little to pick one. */
export const FALLBACK_TYPE = "other";
/**
 * The top type must be at least this many times as probable as a blind guess among the
 * candidate types; below it the text told the model nothing (a scan without a text layer,
 * a page of figures) and the answer falls back to "other" with that low probability.
 */
export const MIN_ODDS_OVER_CHANCE = 2;
/** Users whose models are kept; the least recently used is dropped beyond this. */
const MAX_CACHED_USERS = 200;
/** Words of file names that say nothing about the document ("scan_0001.pdf"). */
const GENERIC_FILE_WORDS =
  /^(document|dokument|doc|file|datei|fichier|archivo|scan|img|image|copy|kopie|final|new|neu|untitled|pdf|page)$/i;

export interface BuiltinClassifierOptions {
  /** The user's confirmed documents, to learn from. */
  loadExamples: (userId: string) => Promise<LabelledExample[]>;
  now?: () => Date;
}

export type BuiltinClassifier = Classifier & {
  /** Drop the user's learned model; the next classification reloads their examples. */
  forget(userId: string): void;
};

/** The file name's words, when they say something ("Rechnung_Stadtwerke_2024.pdf"). */
function filenameWords(filename: string): string {
  return filename
    .replace(/\.[a-z0-9]{2,4}$/i, "")
    .split(/[\s_.\-()[\]]+/)
    .filter((word) => /\p{L}{2}/u.test(word) && !GENERIC_FILE_WORDS.test(word))
    .join(" ");
}

/** Pick the type: the most probable allowed one, or "other" when that is a guess. */
function chooseType(
  ranked: { type: string; probability: number }[],
  allowed: string[],
): { type: string; confidence: number } {
  const top = ranked[0];
  const fallbackAllowed = allowed.includes(FALLBACK_TYPE);
  // Capped at one half, so that with two or three candidates a clear winner still wins.
  const threshold = Math.min(0.5, MIN_ODDS_OVER_CHANCE / Math.max(1, ranked.length));
  if (top && (top.probability > threshold || !fallbackAllowed)) {
    return { type: top.type, confidence: top.probability };
  }
  if (fallbackAllowed) {
    const other = ranked.find((r) => r.type === FALLBACK_TYPE)?.probability;
    return { type: FALLBACK_TYPE, confidence: other ?? 0 };
  }
  // No allowed type has training text and "other" is not allowed: the first, unconfident.
  return { type: allowed[0], confidence: 0 };
}

/** Classify one document with a user's model. Pure: the same input gives the same answer. */
export function classifyWithModel(
  model: UserModel,
  input: ClassificationInput,
  now: Date,
): ClassificationResult {
  const allowed = input.documentTypes.map((type) => type.slug);
  if (allowed.length === 0) {
    throw new AppError("classify.no_document_types", 422, "No document types are defined.");
  }
  const text = input.text;
  const extra = [input.metadata.title, input.metadata.subject, filenameWords(input.filename)]
    .filter((line): line is string => Boolean(line));
  const vector = vectoriseDocument(model, text, extra);
  const { type, confidence } = chooseType(predictTypes(model, vector, allowed), allowed);
  const typeLabel = input.documentTypes.find((t) => t.slug === type)?.label ?? type;
  const fields = extractFields({
    text,
    filename: input.filename,
    language: input.language,
    metadata: input.metadata,
    type,
    typeLabel,
    now,
  });
  const labels = suggestLabels(vector, model.examples, {
    categories: input.categories,
    tags: input.tags,
  });
  return classificationResultSchema.parse({
    document_type: type,
    confidence: Math.round(confidence * 1000) / 1000,
    ...fields,
    ...labels,
  });
}

/** Create the built-in classifier; user models are built on first use and cached. */
export function createBuiltinClassifier(options: BuiltinClassifierOptions): BuiltinClassifier {
  const now = options.now ?? (() => new Date());
  // Promises, so that concurrent uploads of one user share one load.
  const models = new Map<string, Promise<UserModel>>();

  function modelFor(userId: string): Promise<UserModel> {
    const cached = models.get(userId);
    if (cached) {
      models.delete(userId);
      models.set(userId, cached);
      return cached;
    }
    const loading = options.loadExamples(userId).then(
      (examples) => buildUserModel(examples),
      (error) => {
        throw new AppError(
          "classify.examples_unavailable",
          503,
          "The classifier could not load the confirmed documents to learn from.",
          { cause: error },
        );
      },
    );
    models.set(userId, loading);
    // A failed load is not cached: the next document tries again.
    loading.catch(() => {
      if (models.get(userId) === loading) models.delete(userId);
    });
    if (models.size > MAX_CACHED_USERS) models.delete(models.keys().next().value!);
    return loading;
  }

  return {
    kind: "builtin",
    async classify(input: ClassificationInput, classifyOptions?: ClassifyOptions) {
      classifyOptions?.signal?.throwIfAborted();
      const model = await modelFor(input.userId);
      classifyOptions?.signal?.throwIfAborted();
      return classifyWithModel(model, input, now());
    },
    forget(userId: string) {
      models.delete(userId);
    },
  };
}
