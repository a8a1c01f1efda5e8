/**
 * Real services for tests and benchmarks, started on loopback in temp dirs and stopped
 * afterwards: a throwaway PostgreSQL cluster (the machine's initdb/pg_ctl), an s3rver
 * (npm, run by node), and the path of a Chromium binary. Each finder says why a service
 * is unavailable, so callers can print a clear "skipped because …".
 */
import { join } from "node:path";
import { PROJECT_ROOT } from "./assets.ts";

export type Found<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface RunningService {
  url: string;
  stop(): Promise<void>;
}

async function which(command: string): Promise<string | null> {
  for (const dir of (Deno.env.get("PATH") ?? "").split(":")) {
    if (!dir) continue;
    const path = join(dir, command);
    try {
      const info = await Deno.stat(path);
      if (info.isFile && (info.mode ?? 0o111) & 0o111) return path;
    } catch {
      // not here
    }
  }
  return null;
}

export function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

async function run(command: string, args: string[], options: { cwd?: string } = {}) {
  const output = await new Deno.Command(command, {
    args,
    cwd: options.cwd,
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (!output.success) {
    const text = new TextDecoder().decode(output.stderr) + new TextDecoder().decode(output.stdout);
    throw new Error(`${command} ${args.join(" ")} failed:\n${text.trim()}`);
  }
  return new TextDecoder().decode(output.stdout);
}

/** PostgreSQL server binaries: on PATH, or Debian's /usr/lib/postgresql/<version>/bin. */
export async function findPostgres(): Promise<Found<{ bin: string }>> {
  const initdb = await which("initdb");
  if (initdb && (await which("pg_ctl"))) return { ok: true, value: { bin: join(initdb, "..") } };
  try {
    const versions = (await Array.fromAsync(Deno.readDir("/usr/lib/postgresql")))
      .map((e) => e.name).sort((a, b) => Number(b) - Number(a));
    for (const version of versions) {
      const bin = `/usr/lib/postgresql/${version}/bin`;
      try {
        await Deno.stat(`${bin}/initdb`);
        return { ok: true, value: { bin } };
      } catch {
        // try the next version
      }
    }
  } catch {
    // no Debian PostgreSQL
  }
  return {
    ok: false,
    reason: "PostgreSQL server binaries (initdb, pg_ctl) not found; apt-get install postgresql-15",
  };
}

/** Start a throwaway cluster on 127.0.0.1 (never on a public interface). */
export async function startPostgres(bin: string): Promise<RunningService> {
  const dir = await Deno.makeTempDir({ prefix: "docuvault-pg-" });
  const data = join(dir, "data");
  const port = freePort();
  // initdb refuses to run as root: run the server as an unprivileged user then.
  const asUser = Deno.uid() === 0 ? await unprivilegedUser() : null;
  if (asUser) await run("chown", ["-R", asUser, dir]);
  const exec = (tool: string, args: string[]) =>
    asUser
      ? run("runuser", ["-u", asUser, "--", join(bin, tool), ...args], { cwd: dir })
      : run(join(bin, tool), args, { cwd: dir });
  await exec("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  await exec("pg_ctl", [
    "-D",
    data,
    "-l",
    join(dir, "server.log"),
    "-o",
    `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories='${dir}' ` +
    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
    "-w",
    "-t",
    "60",
    "start",
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await exec("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => {});
      await Deno.remove(dir, { recursive: true }).catch(() => {});
    },
  };
}

async function unprivilegedUser(): Promise<string> {
  const passwd = await Deno.readTextFile("/etc/passwd").catch(() => "");
  for (const user of ["postgres", "nobody"]) {
    if (passwd.split("\n").some((line) => line.startsWith(`${user}:`))) return user;
  }
  throw new Error("running as root and no unprivileged user (postgres, nobody) to run PostgreSQL");
}

/** s3rver from node_modules (a dependency in deno.json), run by node. */
export async function findS3rver(): Promise<Found<{ node: string; script: string }>> {
  const node = await which("node");
  if (!node) return { ok: false, reason: "node not found (s3rver runs on Node.js)" };
  const script = join(PROJECT_ROOT, "node_modules", "s3rver", "bin", "s3rver.js");
  try {
    await Deno.stat(script);
  } catch {
    return { ok: false, reason: `s3rver not installed (${script}); run \`deno install\`` };
  }
  return { ok: true, value: { node, script } };
}

export async function startS3rver(
  found: { node: string; script: string },
): Promise<RunningService> {
  const dir = await Deno.makeTempDir({ prefix: "docuvault-s3rver-" });
  const port = freePort();
  // Through a wrapper that makes a PUT answer only once the object is on disk.
  const wrapper = join(PROJECT_ROOT, "lib", "app", "testdata", "s3rver_read_after_write.cjs");
  const child = new Deno.Command(found.node, {
    args: [wrapper, found.script, "-d", dir, "-a", "127.0.0.1", "-p", String(port), "--silent"],
    stdout: "null",
    stderr: "piped",
  }).spawn();
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (true) {
    try {
      const res = await fetch(url);
      await res.body?.cancel();
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill("SIGKILL");
        throw new Error("s3rver did not start within 20 s");
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    async stop() {
      try {
        child.kill("SIGTERM");
      } catch {
        // already gone
      }
      await child.stderr.cancel().catch(() => {});
      await child.status;
      await Deno.remove(dir, { recursive: true }).catch(() => {});
    },
  };
}

export async function findChromium(): Promise<Found<string>> {
  for (const name of ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]) {
    const path = await which(name);
    if (path) return { ok: true, value: path };
  }
  return { ok: false, reason: "no Chromium on PATH; apt-get install chromium" };
}
