/**
 * `deno task bench`: cold start, HTTP load (latency, throughput, memory), storage
 * throughput and authentication (login latency, auth overhead, a login burst), one after
 * the other so they do not disturb each other, then one table of
 * figures. Every figure is a median (with percentiles or ranges) over repeated runs;
 * the classification bench adds the built-in classifier's accuracy on the shared corpus,
 * the extraction bench times PDF text extraction against pdftotext on it; the upload
 * bench times the two-step upload under concurrent clients (and checks the quota), the
 * ingest bench the whole pipeline from confirm to ready on the corpus, and the search
 * bench queries over 100,000 synthetic documents on PostgreSQL and 20,000 on PGlite.
 */
import { buildAssets, buildStaleReason } from "../lib/app/assets.ts";
import { fail, parseTaskArgs, say } from "../lib/app/cli.ts";
import { type BenchReport, runPendingCleanups } from "./_util.ts";
import { runAuthBench } from "./auth.ts";
import { runClassificationBench } from "./classification.ts";
import { runDocumentsPageBench } from "./documents_page.ts";
import { runColdStartBench } from "./cold_start.ts";
import { runExtractionBench } from "./extraction.ts";
import { runHttpLoadBench } from "./http_load.ts";
import { runIngestBench } from "./ingest.ts";
import { runSearchBench } from "./search.ts";
import { runStorageBench } from "./storage.ts";
import { runUploadBench } from "./upload.ts";

const { values } = parseTaskArgs({
  usage: `
Usage: deno task bench [--only cold|http|storage|auth|classification|extraction|upload|ingest|search|page]

Runs the benchmarks and prints a markdown table of the figures:
  cold     first start and 7 restarts of main.ts to GET /ready (embedded default)
  http     GET /health and GET / under 50 connections (autocannon), server RSS
  storage  put/get MB/s of 1 MB and 20 MB objects on the fs driver and on s3rver
  auth     login latency (argon2id), GET /api/users/me vs GET /health under 50
           connections, 200 concurrent logins with /health sampled meanwhile
  classification  built-in classifier on ../shared/corpus: accuracy, confusion
           matrix, time per document
  extraction  text of the corpus PDFs: our extractor (one warm child) vs pdftotext
  upload   200 uploads of 1 MiB PDFs by 20 concurrent clients (upload-url, PUT,
           confirm; WORKERS=0): throughput, latency per step, exact quota, RSS
  ingest   the corpus text PDFs through the whole pipeline (confirm → ready, built-in
           classifier, one worker) against pdftotext on the same files
  search   ten representative queries and the plain list over 100,000 synthetic
           documents on PostgreSQL and 20,000 on PGlite: p50/p95
  page     GET /documents (50 rows) at 100,000 documents on PostgreSQL: time to
           first byte; JavaScript and CSS the page ships, gzipped

Options:
  --only <bench>  run one bench: cold, http, storage, auth, classification, extraction,
                  upload, ingest, search or page
  -h, --help      show this help`,
  options: { only: { type: "string" } },
});

const BENCHES: Record<string, { title: string; run: () => Promise<BenchReport[]> }> = {
  cold: { title: "cold start", run: () => runColdStartBench({ restarts: 7 }) },
  http: {
    title: "HTTP load",
    run: () => runHttpLoadBench({ warmupSeconds: 3, rounds: 3, roundSeconds: 5 }),
  },
  storage: {
    title: "storage",
    run: () => runStorageBench({ sizes: [{ mb: 1, repeats: 9 }, { mb: 20, repeats: 5 }] }),
  },
  auth: {
    title: "authentication",
    run: () =>
      runAuthBench({
        loginUsers: 20,
        logins: 60,
        warmupSeconds: 2,
        rounds: 3,
        roundSeconds: 4,
        burstLogins: 200,
      }),
  },
  classification: {
    title: "classification",
    run: () => runClassificationBench({ repeatRounds: 5 }),
  },
  extraction: { title: "PDF text extraction", run: () => runExtractionBench({ rounds: 5 }) },
  upload: {
    title: "uploads",
    run: () => runUploadBench({ uploads: 200, concurrency: 20, sizeBytes: 1024 * 1024 }),
  },
  ingest: { title: "ingest pipeline", run: () => runIngestBench({ rounds: 3 }) },
  search: {
    title: "search at scale",
    run: () => runSearchBench({ postgresDocuments: 100_000, pgliteDocuments: 20_000, repeats: 20 }),
  },
  page: {
    title: "documents page",
    run: () => runDocumentsPageBench({ documents: 100_000, requests: 200 }),
  },
};
if (values.only && !(values.only in BENCHES)) {
  fail(`--only must be one of ${Object.keys(BENCHES).join(", ")}`);
}

// Ctrl-C or a SIGTERM must not leave servers, load generators or temp dirs behind.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  Deno.addSignalListener(signal, async () => {
    say(`\n${signal}: stopping child processes and removing temp dirs…`);
    await runPendingCleanups();
    Deno.exit(130);
  });
}

/** The 1-minute load average, to tell a quiet machine from a busy one. */
async function loadAverage(): Promise<number | null> {
  try {
    return Number((await Deno.readTextFile("/proc/loadavg")).split(" ")[0]);
  } catch {
    return null;
  }
}

function markdownTable(columns: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(columns), line(columns.map(() => "---")), ...rows.map(line)].join("\n");
}

// Start-up builds stale browser assets; build them now, or the first server start would
// time esbuild instead of the server.
const needsNoAssets = ["storage", "extraction", "search", "classification"].includes(
  values.only ?? "",
);
const stale = needsNoAssets ? null : await buildStaleReason();
if (stale) {
  say(`Browser assets are stale (${stale}); building them before measuring…`);
  await buildAssets();
}

const loadBefore = await loadAverage();
const reports: BenchReport[] = [];
const failures: string[] = [];
const started = performance.now();
for (const [name, bench] of Object.entries(BENCHES)) {
  if (values.only && values.only !== name) continue;
  say(`\n━━━ ${bench.title} ━━━`);
  try {
    const benchReports = await bench.run();
    reports.push(...benchReports);
    for (const report of benchReports) {
      for (const failure of report.failures ?? []) failures.push(`${report.title}: ${failure}`);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    say(`  FAILED: ${message}`);
    failures.push(`${bench.title}: ${message.split("\n")[0]}`);
  }
}
await runPendingCleanups();
const loadAfter = await loadAverage();

const cores = navigator.hardwareConcurrency;
say(`\n## DocuVault benchmarks\n`);
say(
  `Deno ${Deno.version.deno}, ${Deno.build.os}/${Deno.build.arch}, ${cores} cores, ` +
    `${new Date().toISOString()}, ${Math.round((performance.now() - started) / 1000)} s in all; ` +
    `load average ${loadBefore ?? "n/a"} before, ${loadAfter ?? "n/a"} after.`,
);
// The bench itself keeps the cores busy, so only the load before it says whether other
// work was running.
if (loadBefore !== null && loadBefore > cores / 2) {
  say(
    `\n> The machine was already busy before the run (load ${loadBefore} on ${cores} cores): ` +
      "expect slower and noisier figures than on a quiet machine.",
  );
}
for (const report of reports) {
  say(`\n### ${report.title}\n`);
  say(markdownTable(report.columns, report.rows));
  const failed = report.failures ?? [];
  if (report.notes.length + failed.length > 0) say();
  for (const failure of failed) say(`- **FAILED:** ${failure}`);
  for (const note of report.notes) say(`- ${note}`);
}
if (failures.length > 0) {
  say(`\n### Failed\n`);
  for (const failure of failures) say(`- ${failure}`);
  Deno.exit(1);
}
