/**
 * Measure the built-in classifier on the shared test corpus (`../shared/corpus`, described
 * by its MANIFEST.tsv): each labelled PDF's text is extracted in-process with the
 * extraction child's code (unpdf, the same cleanup and language detection), and classified as an upload named "document.pdf" by a user with no
 * confirmed documents — so neither the label in the corpus file name nor any learning
 * can help. Used by bench/classification.ts and corpus_accuracy_test.ts.
 */
import type { ClassificationInput } from "../classifier_types.ts";
import { extractPdfText } from "../../documents/extraction/pdf_text.ts";
import {
  CORPUS_DIR,
  type CorpusEntry,
  readCorpus,
} from "../../documents/extraction/testing_corpus.ts";
import { createBuiltinClassifier } from "./builtin_classifier.ts";
import { STANDARD_DOCUMENT_TYPES } from "./seeds/seed_knowledge.ts";

export { CORPUS_DIR };

/** What the classifier made of one file. */
export interface CorpusResult extends CorpusEntry {
  predicted: string;
  confidence: number;
  /** Milliseconds to classify the extracted text (extraction not included). */
  classifyMs: number;
  extractMs: number;
}

/** Whether the corpus is there to be measured. */
export function corpusAvailable(): boolean {
  return readCorpus() !== null;
}

/**
 * The labelled files of the manifest that exist: every row but the "edge" ones (broken,
 * encrypted, empty … PDFs that test extraction, not classification).
 */
export function readCorpusManifest(): CorpusEntry[] {
  return (readCorpus() ?? []).filter((entry) => entry.type !== "edge");
}

/**
 * Text, page count and metadata as the pipeline gets them (the extraction child's code,
 * run in this process), or no text when the PDF cannot be read.
 */
async function extractPdf(bytes: Uint8Array) {
  const message = await extractPdfText(bytes, { maxPages: 2_000, maxTextChars: 2_000_000 });
  if (message.type !== "done") {
    return { text: "", pageCount: 0, language: null, metadata: {} };
  }
  const { text, pageCount, language, metadata } = message.result;
  return { text, pageCount, language, metadata };
}

export interface CorpusEvaluation {
  results: CorpusResult[];
  /** Milliseconds the first classification took: building the seed model included. */
  firstClassifyMs: number;
  /** Per-document classification times of the repeat rounds (a warmed-up worker). */
  repeatClassifyMs: number[];
}

export interface EvaluateOptions {
  /** How many more times to classify every extracted text, for steady-state timings. */
  repeatRounds?: number;
}

/**
 * Classify every labelled corpus file as a fresh upload; results in manifest order.
 * `classifyMs` of the first pass includes whatever the JIT and GC do meanwhile (the PDF
 * extraction runs between documents); the repeat rounds time classification alone.
 */
export async function evaluateCorpus(options: EvaluateOptions = {}): Promise<CorpusEvaluation> {
  const { repeatRounds = 0 } = options;
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
  for (const entry of readCorpusManifest()) {
    const extractStarted = performance.now();
    const extracted = await extractPdf(await Deno.readFile(entry.path));
    const extractMs = performance.now() - extractStarted;
    const input: ClassificationInput = {
      text: extracted.text,
      filename: "document.pdf",
      language: extracted.language,
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
