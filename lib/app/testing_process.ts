/**
 * Tests that need real processes (SIGKILL, SIGTERM, a second process on one data dir,
 * start-up errors) spawn Deno scripts through this helper, which collects their JSON log
 * lines and stderr and lets a test wait for a line.
 */
import { join } from "node:path";
import { PROJECT_ROOT } from "./assets.ts";
import { testEnv } from "./testing.ts";
import { createPostgresTestDatabase } from "./testing.ts";

export type LogLine = Record<string, unknown>;

export interface Spawned extends AsyncDisposable {
  readonly pid: number;
  readonly lines: LogLine[];
  readonly status: Promise<Deno.CommandStatus>;
  stderr(): string;
  waitForLog(predicate: (line: LogLine) => boolean, what: string, ms?: number): Promise<LogLine>;
  kill(signal: Deno.Signal): void;
}

/** Run `script` (relative to the project) with `deno run -A`. */
export function spawnDeno(
  script: string,
  options: { args?: string[]; env?: Record<string, string>; stdin?: string } = {},
): Spawned {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-all", join(PROJECT_ROOT, script), ...(options.args ?? [])],
    cwd: PROJECT_ROOT,
    env: options.env,
    stdin: options.stdin === undefined ? "null" : "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  if (options.stdin !== undefined) {
    const writer = child.stdin.getWriter();
    writer.write(new TextEncoder().encode(options.stdin)).then(() => writer.close()).catch(
      () => {},
    );
  }
  const lines: LogLine[] = [];
  let stderrText = "";
  const waiters = new Set<() => void>();
  const decoder = new TextDecoder();

  const stdoutDone = (async () => {
    let buffer = "";
    for await (const chunk of child.stdout) {
      buffer += decoder.decode(chunk, { stream: true });
      let newline: number;
      while ((newline = buffer.indexOf("\n")) >= 0) {
        const text = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        try {
          lines.push(JSON.parse(text));
        } catch {
          lines.push({ msg: text });
        }
        for (const wake of waiters) wake();
      }
    }
  })();
  const stderrDone = (async () => {
    for await (const chunk of child.stderr) stderrText += decoder.decode(chunk, { stream: true });
  })();
  const status = child.status.then(async (s) => {
    await Promise.allSettled([stdoutDone, stderrDone]);
    for (const wake of waiters) wake();
    return s;
  });
  let exited = false;
  status.then(() => (exited = true));

  return {
    pid: child.pid,
    lines,
    status,
    stderr: () => stderrText,
    kill(signal) {
      if (!exited) child.kill(signal);
    },
    async waitForLog(predicate, what, ms = 30_000) {
      const deadline = Date.now() + ms;
      while (true) {
        const found = lines.find(predicate);
        if (found) return found;
        if (exited || Date.now() > deadline) {
          throw new Error(
            `${exited ? "process exited" : "timed out"} waiting for ${what}\n` +
              `stderr: ${stderrText.slice(-2000)}\nlast lines: ${JSON.stringify(lines.slice(-5))}`,
          );
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, 200);
          function done() {
            clearTimeout(timer);
            waiters.delete(done);
            resolve();
          }
          waiters.add(done);
        });
      }
    },
    async [Symbol.asyncDispose]() {
      if (!exited) child.kill("SIGKILL");
      await status;
    },
  };
}

export interface ProcessEnv {
  env: Record<string, string>;
  dataDir: string;
  databaseUrl?: string;
  cleanup(): Promise<void>;
}

/**
 * Environment for a DocuVault process in a fresh data dir: embedded by default, or on a
 * fresh PostgreSQL database when the test run has one.
 */
export async function createProcessEnv(extra: Record<string, string> = {}): Promise<ProcessEnv> {
  const dataDir = await Deno.makeTempDir({ prefix: "docuvault-proc-" });
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    LOG_LEVEL: "info",
    LOG_FORMAT: "json",
    PORT: "0",
    ...extra,
  };
  let drop = async () => {};
  if (testEnv.databaseUrl) {
    const database = await createPostgresTestDatabase(testEnv.databaseUrl);
    env.DATABASE_URL = database.url;
    drop = database.drop;
  }
  return {
    env,
    dataDir,
    databaseUrl: env.DATABASE_URL,
    async cleanup() {
      await drop().catch(() => {});
      await Deno.remove(dataDir, { recursive: true }).catch(() => {});
    },
  };
}

export async function waitForFile(path: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await Deno.stat(path).then(() => true, () => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${path}`);
}

/** The pids of the processes whose parent is `pid` (read from /proc; Linux only). */
export async function childPids(pid: number): Promise<number[]> {
  const pids: number[] = [];
  for await (const entry of Deno.readDir("/proc")) {
    if (!/^\d+$/.test(entry.name)) continue;
    try {
      const stat = await Deno.readTextFile(`/proc/${entry.name}/stat`);
      // "pid (comm) state ppid …", where comm may hold spaces and parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) pids.push(Number(entry.name));
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}
