/**
 * Built-in classifier on the shared corpus: every labelled (non-edge) PDF of
 * ../shared/corpus/MANIFEST.tsv, text extracted in-process with unpdf, classified as an
 * upload named "document.pdf" by a user with no confirmed documents. Reports accuracy
 * (all files, text-layer files, per type), the confusion matrix, how meaningful the
 * confidence is, and how long a classification takes (target: well under 50 ms).
 */
import { say } from "../lib/app/cli.ts";
import {
  accuracy,
  CORPUS_DIR,
  corpusAvailable,
  type CorpusResult,
  evaluateCorpus,
} from "../lib/classify/builtin/corpus_evaluation.ts";
import { type BenchReport, formatMs, median, percentile } from "./_util.ts";

/** Accuracy the text-layer files must reach (the corpus test asserts the same). */
export const TEXT_LAYER_TARGET = 0.85;
const SPEED_TARGET_MS = 50;

export interface ClassificationBenchOptions {
  /** Extra rounds over the extracted texts for steady-state timings. */
  repeatRounds: number;
}

function percent(value: number): string {
  return Number.isNaN(value) ? "n/a" : `${(value * 100).toFixed(1)} %`;
}

function accuracyRow(what: string, results: CorpusResult[], target = ""): string[] {
  const correct = results.filter((r) => r.predicted === r.type).length;
  return [what, String(results.length), String(correct), percent(accuracy(results)), target];
}

function mean(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Rows are the labelled types, columns what the classifier said; empty cells are blank. */
function confusionMatrix(results: CorpusResult[]): BenchReport {
  const actual = [...new Set(results.map((r) => r.type))].sort();
  const predicted = [...new Set(results.map((r) => r.predicted))].sort();
  const rows = actual.map((type) => [
    type,
    ...predicted.map((guess) => {
      const n = results.filter((r) => r.type === type && r.predicted === guess).length;
      return n === 0 ? "" : type === guess ? `**${n}**` : String(n);
    }),
  ]);
  return {
    title: "Classification: confusion matrix (rows: labelled type, columns: answer)",
    columns: ["labelled \\ answered", ...predicted],
    rows,
    notes: ["Bold: correct answers. Image-only files come out as `other` (no text to read)."],
  };
}

/** Measure the built-in classifier on the corpus; one report when the corpus is missing. */
export async function runClassificationBench(
  options: ClassificationBenchOptions,
): Promise<BenchReport[]> {
  if (!corpusAvailable()) {
    return [{
      title: "Classification (built-in classifier on the corpus)",
      columns: ["", "value"],
      rows: [["skipped", `no corpus at ${CORPUS_DIR}`]],
      notes: ["Check out the shared corpus next to the repository to run this bench."],
    }];
  }
  const evaluation = await evaluateCorpus({ repeatRounds: options.repeatRounds });
  const { results } = evaluation;
  const textLayer = results.filter((r) => r.hasTextLayer);
  const imageOnly = results.filter((r) => !r.hasTextLayer);
  const textAccuracy = accuracy(textLayer);
  say(
    `  ${results.length} files: ${percent(accuracy(results))} overall, ` +
      `${percent(textAccuracy)} with a text layer`,
  );

  const types = [...new Set(results.map((r) => r.type))].sort();
  const correct = results.filter((r) => r.predicted === r.type);
  const wrong = results.filter((r) => r.predicted !== r.type && r.hasTextLayer);
  const times = evaluation.repeatClassifyMs;
  const p95 = percentile(times, 95);
  return [
    {
      title: "Classification accuracy (built-in classifier, no learned examples)",
      columns: ["files", "n", "correct", "accuracy", "target"],
      rows: [
        accuracyRow("all labelled files", results),
        accuracyRow(
          "with a text layer",
          textLayer,
          `≥ ${percent(TEXT_LAYER_TARGET)}: ${
            textAccuracy >= TEXT_LAYER_TARGET ? "met" : "MISSED"
          }`,
        ),
        accuracyRow("image-only (no text layer)", imageOnly),
      ],
      notes: [
        `Corpus: ${CORPUS_DIR}; "edge" rows of the manifest are left out (they test extraction).`,
        "Each file is classified as `document.pdf`, so the label in the corpus file name " +
        "cannot leak; PDF metadata (title, subject) is used, as for any upload.",
        "Image-only files have no text to classify (there is no OCR); they are counted as " +
        "they come out, normally `other` with a low confidence.",
        `Mean confidence: ${percent(mean(correct.map((r) => r.confidence)))} on correct ` +
        `answers, ${percent(mean(wrong.map((r) => r.confidence)))} on wrong ones ` +
        "(text-layer files).",
      ],
      failures: textAccuracy >= TEXT_LAYER_TARGET ? [] : [
        `accuracy on text-layer files ${percent(textAccuracy)} < ${percent(TEXT_LAYER_TARGET)}`,
      ],
    },
    {
      title: "Classification accuracy per type",
      columns: ["type", "files", "text layer", "correct", "accuracy", "wrong answers"],
      rows: types.map((type) => {
        const ofType = results.filter((r) => r.type === type);
        const misses = ofType.filter((r) => r.predicted !== type).map((r) => r.predicted);
        return [
          type,
          String(ofType.length),
          String(ofType.filter((r) => r.hasTextLayer).length),
          String(ofType.filter((r) => r.predicted === type).length),
          percent(accuracy(ofType)),
          misses.join(", "),
        ];
      }),
      notes: [],
    },
    confusionMatrix(results),
    {
      title: "Classification speed (text → answer, extraction excluded)",
      columns: ["", "runs", "median", "p95", "max", "target"],
      rows: [
        [
          "first classification (builds the seed model)",
          "1",
          formatMs(evaluation.firstClassifyMs),
          "",
          "",
          "",
        ],
        [
          "per document, warmed up",
          String(times.length),
          formatMs(median(times)),
          formatMs(p95),
          formatMs(Math.max(...times)),
          `< ${SPEED_TARGET_MS} ms (p95): ${p95 < SPEED_TARGET_MS ? "met" : "MISSED"}`,
        ],
        [
          "text extraction with unpdf (for scale)",
          String(results.length),
          formatMs(median(results.map((r) => r.extractMs))),
          formatMs(percentile(results.map((r) => r.extractMs), 95)),
          formatMs(Math.max(...results.map((r) => r.extractMs))),
          "",
        ],
      ],
      notes: [
        `Warmed-up figures: ${options.repeatRounds} more rounds over the extracted texts of ` +
        "all files; a classification reads at most the first 24,000 characters for the type " +
        "and 30,000 for the fields.",
      ],
    },
  ];
}
