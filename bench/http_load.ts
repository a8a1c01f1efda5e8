/**
 * Latency and throughput of GET /health (no I/O) and GET / (the server-rendered home
 * page) under 50 concurrent keep-alive connections, plus the server's memory when idle
 * and under that load. The load comes from autocannon, a separate Node.js process; on a
 * small machine it competes with the server for the same cores, which the figures include.
 */
import { say } from "../lib/app/cli.ts";
import {
  type Autocannon,
  type AutocannonRound,
  type BenchReport,
  createTempDir,
  findAutocannon,
  formatKiB,
  median,
  readRssKiB,
  runAutocannon,
  sampleRssPeak,
  type ServerProcess,
  sleep,
  spawnServer,
  waitReady,
} from "./_util.ts";

const CONNECTIONS = 50;
const HOME_P99_TARGET_MS = 25;

export interface HttpLoadOptions {
  /** Seconds of unmeasured load before the rounds (JIT, connection set-up). */
  warmupSeconds: number;
  /** Measured rounds per endpoint; the table shows the median of the rounds. */
  rounds: number;
  roundSeconds: number;
}

async function loadRound(autocannon: Autocannon, url: string, seconds: number) {
  return await runAutocannon(autocannon, url, { connections: CONNECTIONS, seconds });
}

/** Warm up, then run the rounds on one URL, sampling the server's RSS throughout. */
async function loadEndpoint(
  autocannon: Autocannon,
  url: string,
  pid: number,
  options: HttpLoadOptions,
): Promise<{ rounds: AutocannonRound[]; peakRssKiB: number | null }> {
  const sampler = sampleRssPeak(pid);
  const rounds: AutocannonRound[] = [];
  try {
    await loadRound(autocannon, url, options.warmupSeconds);
    for (let i = 0; i < options.rounds; i++) {
      rounds.push(await loadRound(autocannon, url, options.roundSeconds));
    }
  } catch (error) {
    await sampler.stop();
    throw error;
  }
  return { rounds, peakRssKiB: await sampler.stop() };
}

/** autocannon's whole milliseconds (a median of an even count may end in .5). */
function ms(value: number): string {
  return `${value} ms`;
}

/** VmRSS once the server is ready and its start-up work (worker, lazy imports) settled. */
async function readIdleRss(server: ServerProcess): Promise<number | null> {
  await waitReady(server);
  await sleep(2_000);
  return await readRssKiB(server.pid);
}

function range(values: number[], format: (n: number) => string): string {
  return `${format(Math.min(...values))}–${format(Math.max(...values))}`;
}

/** Load /health and / on one running server and report latency, throughput and RSS. */
export async function runHttpLoadBench(options: HttpLoadOptions): Promise<BenchReport[]> {
  const found = await findAutocannon();
  if (!found.ok) {
    say(`  skipped: ${found.reason}`);
    return [{
      title: "HTTP load",
      columns: ["", "result"],
      rows: [["GET /health, GET /", "skipped"]],
      notes: [found.reason],
    }];
  }
  const autocannon = found.value;

  await using dataDir = await createTempDir("docuvault-bench-http-");
  // The first start creates the database inside the server process, and PGlite keeps the
  // memory initdb used; measure a restarted server, as it runs from day to day, and show
  // the first start's idle RSS for comparison.
  let firstIdleRssKiB: number | null;
  {
    await using first = await spawnServer({ dataDir: dataDir.path });
    firstIdleRssKiB = await readIdleRss(first);
  }
  await using server = await spawnServer({ dataDir: dataDir.path });
  const idleRssKiB = await readIdleRss(server);
  say(
    `  server restarted (pid ${server.pid}), idle RSS ${formatKiB(idleRssKiB)} ` +
      `(${formatKiB(firstIdleRssKiB)} after the first start)`,
  );

  const endpoints = [
    { name: "GET /health", path: "/health", p99TargetMs: null },
    { name: "GET / (home page)", path: "/", p99TargetMs: HOME_P99_TARGET_MS },
  ];
  const latencyRows: string[][] = [];
  const rssRows: string[][] = [
    ["idle after the first start (empty data dir)", formatKiB(firstIdleRssKiB)],
    ["idle after a restart (the server loaded below)", formatKiB(idleRssKiB)],
  ];
  const notes = [
    `Load: ${autocannon.version} via \`${autocannon.command.join(" ")}\`, ` +
    `${CONNECTIONS} keep-alive connections, ${options.warmupSeconds} s warm-up, then ` +
    `${options.rounds} rounds of ${options.roundSeconds} s per endpoint; cells are the ` +
    "median of the rounds, the range column shows the rounds' p99 spread.",
    "autocannon records latency in whole milliseconds.",
    `The load generator shares the machine's ${navigator.hardwareConcurrency} cores with ` +
    "the server.",
  ];
  for (const endpoint of endpoints) {
    const { rounds, peakRssKiB } = await loadEndpoint(
      autocannon,
      server.url + endpoint.path,
      server.pid,
      options,
    );
    const p50 = median(rounds.map((r) => r.p50));
    const p99 = median(rounds.map((r) => r.p99));
    const requestsPerSecond = Math.round(median(rounds.map((r) => r.requestsPerSecond)));
    const failures = rounds.reduce((sum, r) => sum + r.failures, 0);
    say(`  ${endpoint.name}: p50 ${ms(p50)}, p99 ${ms(p99)}, ${requestsPerSecond} req/s`);
    latencyRows.push([
      endpoint.name,
      ms(p50),
      ms(p99),
      range(rounds.map((r) => r.p99), ms),
      String(requestsPerSecond),
      String(failures),
      endpoint.p99TargetMs === null
        ? ""
        : `p99 < ${ms(endpoint.p99TargetMs)}: ${p99 < endpoint.p99TargetMs ? "met" : "MISSED"}`,
    ]);
    rssRows.push([`peak during ${endpoint.name} load`, formatKiB(peakRssKiB)]);
    if (failures > 0) {
      notes.push(`${endpoint.name}: ${failures} failed requests (errors, timeouts, non-2xx).`);
    }
  }
  await sleep(2_000);
  rssRows.push(["2 s after the load", formatKiB(await readRssKiB(server.pid))]);
  rssRows.push([
    "VmHWM (kernel's peak since start)",
    formatKiB(await readRssKiB(server.pid, "VmHWM")),
  ]);

  return [
    {
      title: `HTTP latency and throughput (${CONNECTIONS} connections)`,
      columns: ["endpoint", "p50", "p99", "p99 range", "req/s", "failed", "target"],
      rows: latencyRows,
      notes,
    },
    {
      title: "Server memory (VmRSS of the deno process)",
      columns: ["when", "RSS"],
      rows: rssRows,
      notes: [
        "Peaks are the highest of VmRSS samples taken every 100 ms during warm-up and rounds.",
      ],
    },
  ];
}
