/**
 * The one interface every classifier implements (built-in statistical, LLM), and the
 * zod schema of what a classifier answers. Both classifiers are held to this schema: the
 * LLM's JSON is validated with it, and the contract suite checks the built-in one too.
 */
import { z } from "zod";

/** What a classifier gets to decide from. */
export interface ClassificationInput {
  /** Extracted text (pages separated by form feeds); may be long, classifiers truncate. */
  text: string;
  /** The original file name, as the user uploaded it. */
  filename: string;
  /** Detected language (ISO 639-1, e.g. "de"), or null when unknown. */
  language: string | null;
  pageCount: number | null;
  /** PDF metadata where the file has it. */
  metadata: { title?: string; author?: string; subject?: string; creationDate?: string };
  /** The allowed document types (slug and label); the answer must be one of the slugs. */
  documentTypes: { slug: string; label: string }[];
  /** The user's and the system's categories, as paths ("Finance / Taxes"). */
  categories: string[];
  /** The user's existing tags. */
  tags: string[];
  /** Whose document this is (the built-in classifier learns per user). */
  userId: string;
}

const shortText = (max: number) => z.string().trim().min(1).max(max);

export const classificationResultSchema = z.object({
  /** One of the given document type slugs. */
  document_type: z.string().min(1).max(64),
  /** How sure the classifier is of the type, 0..1. */
  confidence: z.number().min(0).max(1),
  title: shortText(200).nullable(),
  /** At most two sentences. */
  summary: shortText(600).nullable(),
  /** yyyy-mm-dd */
  document_date: z.iso.date().nullable(),
  issuer: shortText(200).nullable(),
  amount: z.object({
    value: z.number().finite(),
    currency: z.string().trim().length(3).toUpperCase().nullable(),
  }).nullable(),
  /**
   * Categories as paths. `is_new: false` must name one of the given categories;
   * `is_new: true` proposes a category to create in the user's own namespace.
   */
  categories: z.array(z.object({ path: shortText(300), is_new: z.boolean() })).max(10),
  /** Tags; `is_new` as for categories. */
  tags: z.array(z.object({ name: shortText(64), is_new: z.boolean() })).max(20),
}).strict();

export type ClassificationResult = z.output<typeof classificationResultSchema>;

export interface ClassifyOptions {
  signal?: AbortSignal;
}

export interface Classifier {
  readonly kind: "builtin" | "llm";
  /** Classify one document. Throws a readable AppError when it cannot. */
  classify(input: ClassificationInput, options?: ClassifyOptions): Promise<ClassificationResult>;
}

/** A user's confirmed labels for one document: what the built-in classifier learns from. */
export interface LabelledExample {
  documentId: string;
  text: string;
  language: string | null;
  documentType: string | null;
  categories: string[];
  tags: string[];
}
