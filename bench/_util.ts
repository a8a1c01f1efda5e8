/**
 * Shared helpers for the benchmarks: statistics, the server under test as a child process
 * (spawned the way `deno task start` runs it), RSS readings from /proc, and cleanup that
 * also runs when the bench is interrupted, so no server, load generator or temp dir is
 * left behind.
 */
import { join } from "node:path";
import { PROJECT_ROOT } from "../lib/app/assets.ts";
import { SERVER_PERMISSIONS } from "../lib/app/process.ts";
import { type Found, freePort } from "../lib/app/test_services.ts";

/** The permission flags of the `start` task in deno.json. */
export const START_PERMISSIONS = SERVER_PERMISSIONS;

/** One bench's figures, printed by run.ts as a markdown table. */
export interface BenchReport {
  title: string;
  columns: string[];
  rows: string[][];
  /** What a reader needs to judge the figures: caveats, skips and their reasons. */
  notes: string[];
  /**
   * Checks that failed (e.g. requests that should have succeeded): run.ts prints the
   * table as usual, lists these under "Failed" and exits non-zero.
   */
  failures?: string[];
}

// ── statistics ──────────────────────────────────────────────────────────────────────

/**
 * The `p`-th percentile (0–100) of `values`, interpolating linearly between the two
 * nearest ranks (numpy's default), so the 50th percentile is the usual median.
 */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

/** The median of `values`. */
export function median(values: number[]): number {
  return percentile(values, 50);
}

/** Milliseconds for a table cell: one decimal below 10 ms, whole numbers above. */
export function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

/** KiB (as /proc reports them) as MiB for a table cell. */
export function formatKiB(kib: number | null): string {
  return kib === null ? "n/a" : `${(kib / 1024).toFixed(0)} MiB`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// ── cleanup ─────────────────────────────────────────────────────────────────────────

const pendingCleanups = new Set<() => Promise<void>>();

/**
 * Remember `cleanup` until it has run. Returns a function that runs it (once) and forgets
 * it; whatever is still pending when the run is interrupted is run by
 * `runPendingCleanups`.
 */
export function registerCleanup(cleanup: () => void | Promise<void>): () => Promise<void> {
  let done: Promise<void> | null = null;
  const once = () => {
    pendingCleanups.delete(once);
    done ??= Promise.resolve().then(cleanup).catch(() => {});
    return done;
  };
  pendingCleanups.add(once);
  return once;
}

/** Run every cleanup that has not run yet (on SIGINT / SIGTERM). */
export async function runPendingCleanups(): Promise<void> {
  await Promise.all([...pendingCleanups].map((cleanup) => cleanup()));
}

/** A temp dir that is removed when disposed (or when the run is interrupted). */
export async function createTempDir(prefix: string): Promise<{ path: string } & AsyncDisposable> {
  const path = await Deno.makeTempDir({ prefix });
  const remove = registerCleanup(() => Deno.remove(path, { recursive: true }));
  return { path, [Symbol.asyncDispose]: remove };
}

/**
 * Spawn a command with stdout piped and wait for it, killing it if the run is
 * interrupted meanwhile. Throws with its stderr when it fails.
 */
export async function runCommand(command: string[]): Promise<string> {
  const child = new Deno.Command(command[0], {
    args: command.slice(1),
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const kill = registerCleanup(() => {
    try {
      child.kill("SIGKILL");
    } catch {
      // already gone
    }
  });
  const output = await child.output();
  await kill();
  const decoder = new TextDecoder();
  if (!output.success) {
    const stderr = decoder.decode(output.stderr).trim().split("\n").slice(-20).join("\n");
    throw new Error(`${command.join(" ")} exited with ${output.code}:\n${stderr}`);
  }
  return decoder.decode(output.stdout);
}

// ── the server under test ───────────────────────────────────────────────────────────

export interface ServerProcess extends AsyncDisposable {
  readonly pid: number;
  /** Origin of the server, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** `performance.now()` just before the spawn. */
  readonly spawnedAt: number;
  readonly status: Promise<Deno.CommandStatus>;
  /** Whether the process has exited. */
  exited(): boolean;
  /** The last few KB the server printed, for error messages. */
  outputTail(): string;
}

/**
 * Variables passed through to the server. Everything else is left out on purpose: a
 * DATABASE_URL or STORAGE_DRIVER in the caller's shell would otherwise turn the
 * "embedded default" into something else.
 */
const PASSED_ENV = /^(PATH|HOME|TMPDIR|LANG|NO_COLOR|XDG_CACHE_HOME|DENO_.*)$/;

const OUTPUT_TAIL_CHARS = 8_000;

/**
 * Start `main.ts` as `deno task start` does, but with the Deno binary itself (so the
 * child's pid is the server's, for /proc readings), on a free loopback port, with
 * LOG_LEVEL=warn and the given DATA_DIR. Nothing else is configured: the embedded default.
 */
export async function spawnServer(
  options: {
    dataDir: string;
    env?: Record<string, string>;
    /** The port to listen on (default: a free one); pick it first to put it in PUBLIC_URL. */
    port?: number;
  },
): Promise<ServerProcess> {
  const port = options.port ?? await freePort();
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(Deno.env.toObject())) {
    if (PASSED_ENV.test(name)) env[name] = value;
  }
  Object.assign(env, {
    PORT: String(port),
    DATA_DIR: options.dataDir,
    LOG_LEVEL: "warn",
    ...options.env,
  });
  const spawnedAt = performance.now();
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", ...START_PERMISSIONS, "main.ts"],
    cwd: PROJECT_ROOT,
    env,
    clearEnv: true,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();

  // Drain both pipes, or a chatty server would block on a full pipe.
  let tail = "";
  const collect = async (stream: typeof child.stdout) => {
    for await (const text of stream.pipeThrough(new TextDecoderStream())) {
      tail = (tail + text).slice(-OUTPUT_TAIL_CHARS);
    }
  };
  const drained = Promise.all([collect(child.stdout), collect(child.stderr)]).catch(() => {});
  let hasExited = false;
  const status = child.status.then(async (status) => {
    hasExited = true;
    await drained;
    return status;
  });

  const server: ServerProcess = {
    pid: child.pid,
    url: `http://127.0.0.1:${port}`,
    spawnedAt,
    status,
    exited: () => hasExited,
    outputTail: () => tail.trim(),
    [Symbol.asyncDispose]: () => stop(),
  };
  const stop = registerCleanup(async () => {
    await stopServer(server);
  });
  return server;
}

/**
 * Poll GET /ready every `intervalMs` until it answers 200; returns the milliseconds since
 * the spawn. Throws (with the server's output) when the server exits or the time is up.
 */
export async function waitReady(
  server: ServerProcess,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<number> {
  const { timeoutMs = 90_000, intervalMs = 10 } = options;
  // No connection pool: each probe opens a new connection, like an orchestrator's probe,
  // and no kept-alive socket outlives the server.
  const client = Deno.createHttpClient({ poolMaxIdlePerHost: 0 });
  try {
    while (true) {
      const attempt = performance.now();
      try {
        // Typed apart: the DOM lib's RequestInit does not know Deno's `client` option.
        const init: RequestInit & { client: Deno.HttpClient } = {
          client,
          signal: AbortSignal.timeout(2_000),
        };
        const res = await fetch(`${server.url}/ready`, init);
        await res.body?.cancel();
        if (res.status === 200) return performance.now() - server.spawnedAt;
      } catch {
        // not listening yet
      }
      if (server.exited()) {
        throw new Error(`the server exited before it was ready:\n${server.outputTail()}`);
      }
      if (performance.now() - server.spawnedAt > timeoutMs) {
        throw new Error(
          `the server was not ready within ${timeoutMs} ms:\n${server.outputTail()}`,
        );
      }
      await sleep(Math.max(0, intervalMs - (performance.now() - attempt)));
    }
  } finally {
    client.close();
  }
}

/**
 * SIGTERM, then wait for the exit (SIGKILL after `graceMs`, longer than the server's own
 * 10 s shutdown deadline). Returns the milliseconds from the signal to the exit.
 */
export async function stopServer(server: ServerProcess, graceMs = 15_000): Promise<number> {
  if (server.exited()) return 0;
  const signalled = performance.now();
  try {
    Deno.kill(server.pid, "SIGTERM");
  } catch {
    // exited meanwhile
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = await Promise.race([
    server.status.then(() => false),
    new Promise<boolean>((resolve) => timer = setTimeout(() => resolve(true), graceMs)),
  ]);
  clearTimeout(timer);
  if (timedOut) {
    try {
      Deno.kill(server.pid, "SIGKILL");
    } catch {
      // exited meanwhile
    }
  }
  await server.status;
  return performance.now() - signalled;
}

/**
 * Resident set size of a process in KiB (VmRSS, or another /proc status field such as
 * VmHWM, the peak), or null when it cannot be read (not Linux, process gone).
 */
export async function readRssKiB(pid: number, field = "VmRSS"): Promise<number | null> {
  try {
    const status = await Deno.readTextFile(`/proc/${pid}/status`);
    const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, "m").exec(status);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** Sample VmRSS every `intervalMs` until stopped; `stop()` returns the highest sample. */
export function sampleRssPeak(pid: number, intervalMs = 100): { stop(): Promise<number | null> } {
  let peak: number | null = null;
  let running = true;
  const loop = (async () => {
    while (running) {
      const rss = await readRssKiB(pid);
      if (rss !== null && (peak === null || rss > peak)) peak = rss;
      await sleep(intervalMs);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return peak;
    },
  };
}

// ── load generation (autocannon) ────────────────────────────────────────────────────

/** The version `npx` fetches when autocannon is not installed in node_modules. */
export const AUTOCANNON_VERSION = "9.0.0";

export interface Autocannon {
  /** `node <autocannon.js>`: run by node directly, so a kill reaches the load generator. */
  command: string[];
  version: string;
}

export interface AutocannonRound {
  /** autocannon's latency percentiles, in whole milliseconds. */
  p50: number;
  p99: number;
  /** Mean latency in ms (fractional, unlike the percentiles). */
  mean: number;
  requestsPerSecond: number;
  /** Connection errors, timeouts and non-2xx answers. */
  failures: number;
}

/**
 * The autocannon command: node_modules' copy when deno.json lists it, else the pinned
 * version fetched by npx (resolved once, so rounds start without npx's overhead).
 */
export async function findAutocannon(): Promise<Found<Autocannon>> {
  try {
    let script = join(PROJECT_ROOT, "node_modules", "autocannon", "autocannon.js");
    try {
      await Deno.stat(script);
    } catch {
      const bin = await runCommand([
        "npx",
        "--yes",
        "--package",
        `autocannon@${AUTOCANNON_VERSION}`,
        "--call",
        "command -v autocannon",
      ]);
      script = await Deno.realPath(bin.trim());
    }
    const command = ["node", script];
    const version = (await runCommand([...command, "--version"])).trim().replaceAll("\n", ", ");
    return { ok: true, value: { command, version } };
  } catch (error) {
    return {
      ok: false,
      reason: `autocannon unavailable: ${(error as Error).message.split("\n")[0]}`,
    };
  }
}

/** One autocannon run of `seconds` against `url` with `connections` keep-alive connections. */
export async function runAutocannon(
  autocannon: Autocannon,
  url: string,
  options: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<AutocannonRound> {
  const headerArgs = Object.entries(options.headers ?? {}).flatMap((
    [name, value],
  ) => ["--headers", `${name}:${value}`]);
  const stdout = await runCommand([
    ...autocannon.command,
    "--connections",
    String(options.connections),
    "--duration",
    String(options.seconds),
    ...headerArgs,
    "--json",
    "--no-progress",
    url,
  ]);
  const result = JSON.parse(stdout.trim().split("\n").at(-1)!);
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: result.latency.mean,
    requestsPerSecond: result.requests.total / result.duration,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}
