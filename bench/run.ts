/**
 * `deno task bench`: cold start, HTTP load (latency, throughput, memory), storage
 * throughput and authentication (login latency, auth overhead, a login burst), one after
 * the other so they do not disturb each other, then one table of
 * figures. Every figure is a median (with percentiles or ranges) over repeated runs.
 */
import { buildAssets, buildStaleReason } from "../lib/app/assets.ts";
import { fail, parseTaskArgs, say } from "../lib/app/cli.ts";
import { type BenchReport, runPendingCleanups } from "./_util.ts";
import { runAuthBench } from "./auth.ts";
import { runColdStartBench } from "./cold_start.ts";
import { runHttpLoadBench } from "./http_load.ts";
import { runStorageBench } from "./storage.ts";

const { values } = parseTaskArgs({
  usage: `
Usage: deno task bench [--only cold|http|storage|auth]

Runs the benchmarks and prints a markdown table of the figures:
  cold     first start and 7 restarts of main.ts to GET /ready (embedded default)
  http     GET /health and GET / under 50 connections (autocannon), server RSS
  storage  put/get MB/s of 1 MB and 20 MB objects on the fs driver and on s3rver
  auth     login latency (argon2id), GET /api/users/me vs GET /health under 50
           connections, 200 concurrent logins with /health sampled meanwhile

Options:
  --only <bench>  run one bench: cold, http, storage or auth
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
const stale = values.only === "storage" ? null : await buildStaleReason();
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
