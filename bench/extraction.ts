/**
 * PDF text extraction: our extractor (one warm child process, as the worker runs it)
 * against poppler's `pdftotext` on the same files in the same run — the corpus PDFs with a
 * text layer (no edge cases). The target is to stay within 3× of pdftotext's wall time;
 * pdftotext is spawned once per document, as a pipeline calling it would.
 */
import { say } from "../lib/app/cli.ts";
import { silentLogger } from "../lib/app/logger.ts";
import { createExtractor } from "../lib/documents/extraction/extractor.ts";
import type { Extractor } from "../lib/documents/extraction/extraction_types.ts";
import {
  CORPUS_DIR,
  type CorpusEntry,
  readCorpus,
} from "../lib/documents/extraction/testing_corpus.ts";
import { type BenchReport, formatMs, median, registerCleanup } from "./_util.ts";

const TARGET_RATIO = 3;
export const PDFTOTEXT_MISSING = "skipped: pdftotext not found (apt-get install poppler-utils)";

export interface ExtractionBenchOptions {
  /** Measured passes over the files, after one unmeasured warm-up pass. */
  rounds: number;
}

/** `pdftotext -v`'s first line, or null when it cannot be run. */
export async function pdftotextVersion(): Promise<string | null> {
  try {
    const output = await new Deno.Command("pdftotext", {
      args: ["-v"],
      stdout: "null",
      stderr: "piped",
    })
      .output();
    return new TextDecoder().decode(output.stderr).split("\n")[0].trim() || "pdftotext";
  } catch {
    return null;
  }
}

/** One pass with our extractor; returns ms and the pages read. */
async function passOurs(extractor: Extractor, files: CorpusEntry[]) {
  let pages = 0;
  const started = performance.now();
  for (const entry of files) {
    const result = await extractor.extract(await Deno.readFile(entry.path));
    if (!result.hasTextLayer) throw new Error(`${entry.file}: no text layer found`);
    pages += result.pageCount;
  }
  return { ms: performance.now() - started, pages };
}

/** One pass of `pdftotext <file> -` per file, reading its output as our caller would. */
export async function passPdftotext(files: CorpusEntry[]) {
  const started = performance.now();
  for (const entry of files) {
    const child = new Deno.Command("pdftotext", {
      args: ["-q", "-enc", "UTF-8", entry.path, "-"],
      stdin: "null",
      stdout: "piped",
      stderr: "null",
    }).spawn();
    const kill = registerCleanup(() => child.kill("SIGKILL"));
    const output = await child.output();
    await kill();
    if (!output.success || output.stdout.length === 0) {
      throw new Error(`pdftotext failed on ${entry.file} (exit code ${output.code})`);
    }
  }
  return performance.now() - started;
}

function rates(ms: number[], documents: number, pages: number) {
  const seconds = median(ms) / 1000;
  return [(documents / seconds).toFixed(1), (pages / seconds).toFixed(0)];
}

/** Wall time over the corpus text PDFs: ours (pool of 1, warm) and pdftotext. */
export async function runExtractionBench(options: ExtractionBenchOptions): Promise<BenchReport[]> {
  const title = "PDF text extraction, corpus text PDFs (sequential, wall time per pass)";
  const columns = ["tool", "docs", "pages", "median", "range", "docs/s", "pages/s", "vs pdftotext"];
  const corpus = readCorpus();
  const files = (corpus ?? []).filter((e) => e.hasTextLayer && !e.file.startsWith("edge__"));
  if (files.length === 0) {
    say(`  skipped: no corpus at ${CORPUS_DIR}`);
    return [{ title, columns, rows: [], notes: [`skipped: no corpus at ${CORPUS_DIR}`] }];
  }
  const version = await pdftotextVersion();
  if (!version) say(`  ${PDFTOTEXT_MISSING}`);

  await using extractor = createExtractor({ poolSize: 1, logger: silentLogger });
  // Unmeasured: starts the child, warms pdf.js' JIT and the page cache for both tools.
  const { pages } = await passOurs(extractor, files);
  if (version) await passPdftotext(files);

  const ours: number[] = [];
  const poppler: number[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    // Alternate who goes first, so neither always runs on a cooler machine.
    if (version && round % 2 === 0) poppler.push(await passPdftotext(files));
    ours.push((await passOurs(extractor, files)).ms);
    if (version && round % 2 === 1) poppler.push(await passPdftotext(files));
    say(
      `  round ${round}/${options.rounds}: ours ${formatMs(ours.at(-1)!)}` +
        (version ? `, pdftotext ${formatMs(poppler.at(-1)!)}` : ""),
    );
  }

  const range = (ms: number[]) => `${formatMs(Math.min(...ms))}–${formatMs(Math.max(...ms))}`;
  const ratio = version ? median(ours) / median(poppler) : null;
  const rows = [[
    "DocuVault extractor (1 child, warm)",
    String(files.length),
    String(pages),
    formatMs(median(ours)),
    range(ours),
    ...rates(ours, files.length, pages),
    ratio === null
      ? "n/a"
      : `${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×: ${
        ratio <= TARGET_RATIO ? "met" : "MISSED"
      })`,
  ]];
  rows.push(
    version
      ? [
        "pdftotext (one process per file)",
        String(files.length),
        String(pages),
        formatMs(median(poppler)),
        range(poppler),
        ...rates(poppler, files.length, pages),
        "1×",
      ]
      : ["pdftotext", "—", "—", PDFTOTEXT_MISSING, "", "", "", ""],
  );
  const notes = [
    `${options.rounds} measured passes after one unmeasured warm-up pass; each pass reads ` +
    "every file in turn (ours includes reading the file and detecting the language).",
    "Pages are as our extractor counts them; the same files and pages for both tools.",
  ];
  if (version) notes.push(`${version}, output read from stdout as UTF-8.`);
  else notes.push(PDFTOTEXT_MISSING);
  return [{ title, columns, rows, notes }];
}
