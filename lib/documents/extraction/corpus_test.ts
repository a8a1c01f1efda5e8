/**
 * Every PDF of the shared corpus through the real extractor (child processes and all):
 * each ends as a result or an ExtractionError within the time limit, and the results match
 * what MANIFEST.tsv says — except where noted below, with the reason.
 */
import { silentLogger } from "../../app/logger.ts";
import { assert, assertEquals, assertStringIncludes } from "../../shared/assert.ts";
import { createExtractor } from "./extractor.ts";
import { ExtractionError, type ExtractionResult } from "./extraction_types.ts";
import {
  type CorpusEntry,
  corpusTestOptions,
  EDGE_OUTCOMES,
  readCorpus,
} from "./testing_corpus.ts";

const corpus = readCorpus();
const TIMEOUT_MS = 20_000;
/** A job may also wait for its child to start (about 0.2 s; far more on a loaded machine). */
const STARTUP_ALLOWANCE_MS = 10_000;

/**
 * Text PDFs whose language is not detected (null — never a wrong language) although the
 * manifest gives one.
 */
const LANGUAGE_NOT_DETECTED: Record<string, string> = {
  "bank_statement__monopoly__01.pdf": "mostly Lorem ipsum (Latin) under an English header",
  "letter__awesomecv__01.pdf": "the letter's body is Lorem ipsum (Latin)",
  "letter__rendercv__01.pdf": "the letter's body is Lorem ipsum (Latin)",
  "payslip__paystubanalyzer__03.pdf": "a pay stub's labels and figures, no sentence",
  "payslip__paystubanalyzer__04.pdf": "a pay stub's labels and figures, no sentence",
};

const DETECTED_LANGUAGES = new Set(["en", "de", "fr", "es", "nl"]);

interface Outcomes {
  result?: ExtractionResult;
  error?: unknown;
  ms: number;
}

/** Extract every entry, two at a time, so that each job's time is its own. */
async function extractAll(entries: CorpusEntry[]): Promise<Map<string, Outcomes>> {
  await using extractor = createExtractor({
    poolSize: 2,
    timeoutMs: TIMEOUT_MS,
    logger: silentLogger,
  });
  const outcomes = new Map<string, Outcomes>();
  const todo = [...entries];
  const work = async () => {
    for (let entry; (entry = todo.shift());) {
      const pdf = await Deno.readFile(entry.path);
      const started = performance.now();
      try {
        const result = await extractor.extract(pdf);
        outcomes.set(entry.file, { result, ms: performance.now() - started });
      } catch (error) {
        outcomes.set(entry.file, { error, ms: performance.now() - started });
      }
    }
  };
  await Promise.all([work(), work()]);
  return outcomes;
}

function checkEdge(entry: CorpusEntry, { result, error }: Outcomes) {
  const expected = EDGE_OUTCOMES[entry.file];
  assert(expected, `${entry.file} is a new edge file: add what it ends as to EDGE_OUTCOMES`);
  if ("error" in expected) {
    assert(
      error instanceof ExtractionError,
      `expected an ExtractionError, got ${error ?? "a result"}`,
    );
    assertEquals(error.reason, expected.error);
    return;
  }
  assert(result, `expected a result, got ${error}`);
  assertEquals(result.pageCount, expected.pages);
  assertEquals(result.hasTextLayer, expected.hasTextLayer);
  assertStringIncludes(result.text, expected.includes);
}

function checkNormal(entry: CorpusEntry, { result, error }: Outcomes) {
  if (!entry.hasTextLayer) {
    // Scans: a result without a text layer, or at worst an ExtractionError.
    if (error) assert(error instanceof ExtractionError, `unexpected ${error}`);
    else assertEquals(result!.hasTextLayer, false, "a scan has no text layer");
    return;
  }
  assert(result, `a text PDF must be read, got ${error}`);
  if (entry.pages !== null) assertEquals(result.pageCount, entry.pages, "page count");
  assertEquals(result.hasTextLayer, true, "text layer");
  assert(result.text.trim().length > 0, "text");
  if (!DETECTED_LANGUAGES.has(entry.language)) return;
  const expected = entry.file in LANGUAGE_NOT_DETECTED ? null : entry.language;
  assertEquals(result.language, expected, LANGUAGE_NOT_DETECTED[entry.file] ?? "language");
}

const { suffix, ignore } = corpusTestOptions(corpus);
Deno.test({
  name: "extractor - reads every corpus PDF as its manifest describes" + suffix,
  ignore,
  async fn(t) {
    const outcomes = await extractAll(corpus!);
    for (const entry of corpus!) {
      await t.step(entry.file, () => {
        const outcome = outcomes.get(entry.file)!;
        assert(
          outcome.ms < TIMEOUT_MS + STARTUP_ALLOWANCE_MS,
          `took ${Math.round(outcome.ms)} ms`,
        );
        if (outcome.error !== undefined) {
          assert(
            outcome.error instanceof ExtractionError,
            `not an ExtractionError: ${outcome.error}`,
          );
          assert(!/[{}]|Exception|undefined/.test(outcome.error.message), "a message for users");
        }
        if (entry.file.startsWith("edge__")) checkEdge(entry, outcome);
        else checkNormal(entry, outcome);
      });
    }
  },
});
