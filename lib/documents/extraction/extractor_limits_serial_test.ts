/**
 * SPEC §6 "Worker limits": a job over its time or memory limit is killed and fails alone,
 * a child that dies is replaced, and the parent's event loop and memory stay untouched
 * while a child chews on a hostile PDF.
 */
import { PROJECT_ROOT } from "../../app/assets.ts";
import { createMemoryLogger, silentLogger } from "../../app/logger.ts";
import { SERVER_PERMISSIONS } from "../../app/process.ts";
import { childPids } from "../../app/testing_process.ts";
import {
  assert,
  assertEquals,
  assertInstanceOf,
  assertMatch,
  assertRejects,
  assertStringIncludes,
} from "../../shared/assert.ts";
import { createExtractor } from "./extractor.ts";
import { ExtractionError } from "./extraction_types.ts";
import { corpusTestOptions, readCorpus, readCorpusFile } from "./testing_corpus.ts";
import { buildLongPdf, buildPdf } from "./testing_pdf.ts";

const SMALL = buildPdf({ pages: [["A small PDF that any child reads in a few milliseconds."]] });
/** About 3 MB of text over 1,000 pages: 2–3 s of work and some 200 MB for a child. */
const LONG = buildLongPdf(1_000);

/** This process's extraction children, found in /proc. */
async function listExtractionChildren(): Promise<number[]> {
  const pids: number[] = [];
  for (const pid of await childPids(Deno.pid)) {
    const cmdline = await Deno.readTextFile(`/proc/${pid}/cmdline`).catch(() => "");
    if (cmdline.includes("extract_child.ts")) pids.push(pid);
  }
  return pids;
}

async function waitForChild(): Promise<number> {
  for (let tries = 0; tries < 100; tries++) {
    const [pid] = await listExtractionChildren();
    if (pid) return pid;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("no extraction child appeared");
}

async function extractionError(promise: Promise<unknown>): Promise<ExtractionError> {
  const error = await assertRejects(() => promise);
  assertInstanceOf(error, ExtractionError);
  return error;
}

Deno.test("extractor - a job over the time limit is killed as timeout; the next job succeeds", async () => {
  const logger = createMemoryLogger();
  const extractor = createExtractor({ logger, timeoutMs: 400 });
  try {
    assertEquals((await extractor.extract(SMALL)).pageCount, 1);
    const started = performance.now();
    const error = await extractionError(extractor.extract(LONG));
    assertEquals(error.reason, "timeout");
    assertEquals(
      error.message,
      "Reading this PDF took longer than 400 ms, so DocuVault stopped. The file may be " +
        "damaged or unusually complex.",
    );
    assert(performance.now() - started < 1_500, "the kill comes right at the limit");
    const killed = logger.lines.find((line) => String(line.msg).includes("timed out"));
    assert(killed, "the kill is logged");
    assertEquals(await listExtractionChildren(), [], "the child is gone");
    assertEquals((await extractor.extract(SMALL)).pageCount, 1, "a new child takes over");
  } finally {
    await extractor.close();
  }
  assertEquals(await listExtractionChildren(), [], "close() leaves no child behind");
});

Deno.test("extractor - a child over the memory bound is killed as too_big; the next job succeeds", async () => {
  const logger = createMemoryLogger();
  // A child idles at about 70 MB with pdf.js loaded; LONG takes it to about 200 MB.
  await using extractor = createExtractor({ logger, memoryLimitMb: 130 });
  assertEquals((await extractor.extract(SMALL)).pageCount, 1);
  const error = await extractionError(extractor.extract(LONG));
  assertEquals(error.reason, "too_big");
  assertStringIncludes(error.message, "more memory than DocuVault allows (130 MB)");
  const killed = logger.lines.find((line) =>
    line.msg === "pdf extraction used too much memory; killing the child"
  );
  assert(killed, "the watchdog, not V8's heap limit, stopped it");
  // Over 130 MB, logged rounded to whole MB: just over the bound reads 130.
  assert(Number(killed.rss_mb) >= 130, `rss_mb ${killed.rss_mb}`);
  assertEquals((await extractor.extract(SMALL)).pageCount, 1, "a new child takes over");
});

Deno.test("extractor - a child that dies mid-job fails that job only and is replaced", async () => {
  await using extractor = createExtractor({ logger: silentLogger });
  await extractor.extract(SMALL); // the child is up: what follows kills it mid-job
  const pid = await waitForChild();
  const outcome = extractor.extract(LONG).then(() => null, (error) => error);
  await new Promise((resolve) => setTimeout(resolve, 300));
  Deno.kill(pid, "SIGKILL");
  const error = await outcome;
  assertInstanceOf(error, ExtractionError);
  assertEquals(error.reason, "damaged");
  assertMatch(error.message, /stopped unexpectedly/);
  assertEquals((await extractor.extract(SMALL)).pageCount, 1);
  assert(!(await listExtractionChildren()).includes(pid));
});

Deno.test("extractor - enforces the memory bound in a process with the server's permissions", async () => {
  // The server and the worker run with SERVER_PERMISSIONS, not --allow-all, and Deno lets
  // only --allow-all read /proc: the memory readings must work without it.
  const script = `
    import { createExtractor } from "${new URL("./extractor.ts", import.meta.url)}";
    import { createLogger } from "${new URL("../../app/logger.ts", import.meta.url)}";
    import { buildLongPdf, buildPdf } from "${new URL("./testing_pdf.ts", import.meta.url)}";
    const logger = createLogger({ level: "warn" });
    await using extractor = createExtractor({ logger, memoryLimitMb: 130 });
    const small = await extractor.extract(buildPdf({ pages: [["Read by the server."]] }));
    console.log(JSON.stringify({ msg: "read", text: small.text }));
    const reason = await extractor.extract(buildLongPdf(1_000)).catch((error) => error.reason);
    console.log(JSON.stringify({ msg: "failed", reason }));
  `;
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", ...SERVER_PERMISSIONS, "--no-prompt", "--quiet", "-"],
    cwd: PROJECT_ROOT,
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(script));
  await writer.close();
  const output = await child.output();
  assert(output.success, new TextDecoder().decode(output.stderr));
  const lines = new TextDecoder().decode(output.stdout).trim().split("\n").map((line) =>
    JSON.parse(line).msg
  );
  // No "memory bound is not enforced" warning; the watchdog's kill instead.
  assertEquals(lines, [
    "read",
    "pdf extraction used too much memory; killing the child",
    "failed",
  ]);
  assertStringIncludes(new TextDecoder().decode(output.stdout), `"reason":"too_big"`);
});

const corpus = readCorpus();
const HOSTILE = [
  "edge__image_bomb__15.pdf",
  "edge__huge_page_count__08.pdf",
  "edge__unsupported_brotli_filter__10.pdf",
];
const { suffix, ignore } = corpusTestOptions(corpus, ...HOSTILE);
Deno.test({
  name: "extractor - the parent stays responsive and small while a child reads hostile PDFs" +
    suffix,
  ignore,
  async fn() {
    // Tight limits: the image bomb must get through within them, because text extraction
    // never decodes its images.
    await using bounded = createExtractor({
      logger: silentLogger,
      memoryLimitMb: 130,
      timeoutMs: 2_000,
    });
    await using extractor = createExtractor({ logger: silentLogger });
    const pdfs = await Promise.all(HOSTILE.map(readCorpusFile));
    await extractor.extract(SMALL); // start the child before measuring
    let maxLagMs = 0;
    const rssBefore = Deno.memoryUsage().rss;
    let maxRss = rssBefore;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      maxLagMs = Math.max(maxLagMs, now - last - 10);
      maxRss = Math.max(maxRss, Deno.memoryUsage().rss);
      last = now;
    }, 10);
    try {
      const bomb = await bounded.extract(pdfs[0]);
      assertEquals(bomb.hasTextLayer, true);
      assertStringIncludes(bomb.text, "GIANT JBIG2 BOMB");
      for (const pdf of pdfs) await extractor.extract(pdf);
    } finally {
      clearInterval(ticker);
    }
    assert(maxLagMs < 50, `the event loop stalled for ${Math.round(maxLagMs)} ms`);
    // Read in this process, these PDFs stall its event loop for up to 2 s and add some
    // 150 MB to its memory.
    const grownMb = (maxRss - rssBefore) / 1_048_576;
    assert(grownMb < 64, `the parent grew by ${Math.round(grownMb)} MB`);
  },
});
