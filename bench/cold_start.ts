/**
 * Cold start on the embedded default (PGlite + local files + Deno KV in DATA_DIR): the
 * time from spawning `main.ts` until GET /ready answers 200. The first start on an empty
 * data dir also creates and migrates the database, so it is reported on its own; the
 * figure that matters is the restart on an existing data dir (target < 1.5 s).
 */
import { say } from "../lib/app/cli.ts";
import {
  type BenchReport,
  createTempDir,
  formatMs,
  median,
  percentile,
  spawnServer,
  stopServer,
  waitReady,
} from "./_util.ts";

const RESTART_TARGET_MS = 1_500;

export interface ColdStartOptions {
  /** How many restarts on the same data dir to time after the first start. */
  restarts: number;
}

/** One start: spawn, wait for /ready, stop. Returns both durations in ms. */
async function startOnce(dataDir: string): Promise<{ readyMs: number; stopMs: number }> {
  await using server = await spawnServer({ dataDir });
  const readyMs = await waitReady(server);
  const stopMs = await stopServer(server);
  const status = await server.status;
  if (!status.success) {
    throw new Error(`the server exited with ${status.code} on SIGTERM:\n${server.outputTail()}`);
  }
  return { readyMs, stopMs };
}

/** Time the first start and `restarts` restarts of the server on one fresh data dir. */
export async function runColdStartBench(options: ColdStartOptions): Promise<BenchReport[]> {
  await using dataDir = await createTempDir("docuvault-bench-cold-");

  const first = await startOnce(dataDir.path);
  say(`  first start (creates the database): ${formatMs(first.readyMs)}`);

  const ready: number[] = [];
  const stops: number[] = [first.stopMs];
  for (let i = 1; i <= options.restarts; i++) {
    const run = await startOnce(dataDir.path);
    ready.push(run.readyMs);
    stops.push(run.stopMs);
    say(`  restart ${i}/${options.restarts}: ${formatMs(run.readyMs)}`);
  }

  const restartMedian = median(ready);
  const row = (what: string, values: number[], target = "") => [
    what,
    String(values.length),
    formatMs(median(values)),
    formatMs(percentile(values, 90)),
    formatMs(Math.min(...values)),
    formatMs(Math.max(...values)),
    target,
  ];
  return [{
    title: "Cold start to /ready (embedded: PGlite, fs storage, Deno KV)",
    columns: ["", "runs", "median", "p90", "min", "max", "target"],
    rows: [
      row("first start (empty data dir)", [first.readyMs]),
      row(
        "restart (existing data dir)",
        ready,
        `< ${formatMs(RESTART_TARGET_MS)} (median): ` +
          (restartMedian < RESTART_TARGET_MS ? "met" : "MISSED"),
      ),
      row("shutdown (SIGTERM → exit)", stops),
    ],
    notes: [
      "Spawn of `deno run` (permissions of `deno task start`) until GET /ready = 200, " +
      "polled every 10 ms on a new connection each time.",
      `p90 interpolates between ranks; with ${ready.length} restarts it lies near the maximum.`,
    ],
  }];
}
