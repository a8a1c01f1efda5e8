/**
 * Measure the built-in classifier on the shared test corpus (`../shared/corpus`, described
 * by its MANIFEST.tsv): each labelled PDF's text is extracted in-process with unpdf, as
 * the worker does, and classified as an upload named "document.pdf" by a user with no
 * confirmed documents — so neither the label in the corpus file name nor any learning
 * can help. Used by bench/classification.ts and corpus_accuracy_test.ts.
 */
import { franc } from "franc-min";
import { join } from "node:path";
import { extractText, getDocumentProxy, getMeta } from "unpdf";
import { PROJECT_ROOT } from "../../app/assets.ts";
import type { ClassificationInput } from "../classifier_types.ts";
import { createBuiltinClassifier } from "./builtin_classifier.ts";
import { STANDARD_DOCUMENT_TYPES } from "./seeds/seed_knowledge.ts";

/** Where the corpus lives when the repository is checked out next to `shared/`. */
export const CORPUS_DIR = join(PROJECT_ROOT, "..", "shared", "corpus");

/** One labelled file of the manifest. */
export interface CorpusEntry {
  file: string;
  type: string;
  language: string;
  hasTextLayer: boolean;
}

/** What the classifier made of one file. */
export interface CorpusResult extends CorpusEntry {
  predicted: string;
  confidence: number;
  /** Milliseconds to classify the extracted text (extraction not included). */
  classifyMs: number;
  extractMs: number;
}

/** franc's ISO 639-3 codes → the ISO 639-1 codes the pipeline stores. */
const ISO_639_1: Record<string, string> = {
  eng: "en",
  deu: "de",
  fra: "fr",
  spa: "es",
  nld: "nl",
  ita: "it",
  por: "pt",
};

/** Whether the corpus is there to be measured. */
export async function corpusAvailable(dir = CORPUS_DIR): Promise<boolean> {
  return await Deno.stat(join(dir, "MANIFEST.tsv")).then(() => true, () => false);
}

/**
 * The labelled files of the manifest that exist: every row but the "edge" ones (broken,
 * encrypted, empty … PDFs that test extraction, not classification).
 */
export async function readCorpusManifest(dir = CORPUS_DIR): Promise<CorpusEntry[]> {
  const [header, ...rows] = (await Deno.readTextFile(join(dir, "MANIFEST.tsv")))
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => line.split("\t"));
  const column = (name: string) => header.indexOf(name);
  const entries: CorpusEntry[] = [];
  for (const row of rows) {
    const entry = {
      file: row[column("file")],
      type: row[column("type")],
      language: row[column("language")],
      hasTextLayer: row[column("has_text_layer")] === "yes",
    };
    if (entry.type === "edge") continue;
    if (await Deno.stat(join(dir, entry.file)).then(() => true, () => false)) entries.push(entry);
  }
  return entries;
}

/** Text (pages joined by form feeds), page count and metadata of a PDF, via unpdf. */
export async function extractPdf(bytes: Uint8Array) {
  const pdf = await getDocumentProxy(bytes, { verbosity: 0 });
  try {
    const { text, totalPages } = await extractText(pdf, { mergePages: false });
    const info: Record<string, unknown> = await getMeta(pdf).then((meta) => meta.info, () => ({}));
    const field = (name: string) => {
      const value = info[name];
      return typeof value === "string" && value.trim() ? value : undefined;
    };
    return {
      text: text.join("\f"),
      pageCount: totalPages,
      metadata: { title: field("Title"), author: field("Author"), subject: field("Subject") },
    };
  } finally {
    await pdf.loadingTask.destroy();
  }
}

function detectLanguage(text: string): string | null {
  const code = franc(text.slice(0, 5_000), { minLength: 20 });
  return ISO_639_1[code] ?? null;
}

export interface CorpusEvaluation {
  results: CorpusResult[];
  /** Milliseconds the first classification took: building the seed model included. */
  firstClassifyMs: number;
  /** Per-document classification times of the repeat rounds (a warmed-up worker). */
  repeatClassifyMs: number[];
}

export interface EvaluateOptions {
  dir?: string;
  /** How many more times to classify every extracted text, for steady-state timings. */
  repeatRounds?: number;
}

/**
 * Classify every labelled corpus file as a fresh upload; results in manifest order.
 * `classifyMs` of the first pass includes whatever the JIT and GC do meanwhile (the PDF
 * extraction runs between documents); the repeat rounds time classification alone.
 */
export async function evaluateCorpus(options: EvaluateOptions = {}): Promise<CorpusEvaluation> {
  const { dir = CORPUS_DIR, repeatRounds = 0 } = options;
  const classifier = createBuiltinClassifier({ loadExamples: () => Promise.resolve([]) });
  // The first call builds the seed model; timed apart, so the per-document figures are
  // those of a running worker.
  const warmup = performance.now();
  await classifier.classify({
    text: "",
    filename: "document.pdf",
    language: null,
    pageCount: 1,
    metadata: {},
    documentTypes: [...STANDARD_DOCUMENT_TYPES],
    categories: [],
    tags: [],
    userId: "corpus-evaluation",
  });
  const firstClassifyMs = performance.now() - warmup;
  const results: CorpusResult[] = [];
  const inputs: ClassificationInput[] = [];
  for (const entry of await readCorpusManifest(dir)) {
    const extractStarted = performance.now();
    const extracted = await extractPdf(await Deno.readFile(join(dir, entry.file)));
    const extractMs = performance.now() - extractStarted;
    const input: ClassificationInput = {
      text: extracted.text,
      filename: "document.pdf",
      language: detectLanguage(extracted.text),
      pageCount: extracted.pageCount,
      metadata: extracted.metadata,
      documentTypes: [...STANDARD_DOCUMENT_TYPES],
      categories: [],
      tags: [],
      userId: "corpus-evaluation",
    };
    inputs.push(input);
    const started = performance.now();
    const result = await classifier.classify(input);
    const classifyMs = performance.now() - started;
    results.push({
      ...entry,
      predicted: result.document_type,
      confidence: result.confidence,
      classifyMs,
      extractMs,
    });
  }
  const repeatClassifyMs: number[] = [];
  for (let round = 0; round < repeatRounds; round++) {
    for (const input of inputs) {
      const started = performance.now();
      await classifier.classify(input);
      repeatClassifyMs.push(performance.now() - started);
    }
  }
  return { results, firstClassifyMs, repeatClassifyMs };
}

/** Share of `results` whose predicted type is the labelled one (NaN for none). */
export function accuracy(results: readonly CorpusResult[]): number {
  return results.filter((r) => r.predicted === r.type).length / results.length;
}
