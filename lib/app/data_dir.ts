/**
 * The data directory holds what the embedded mode owns: the PGlite database, the KV
 * file, local files and generated secrets. The embedded database must only ever be
 * opened by one process, so we hold an OS-level exclusive lock (flock) on a lock file
 * for as long as the process runs. The OS releases it when the process dies, even on
 * SIGKILL, so a crash never leaves a stale lock behind.
 */
import { dirname } from "node:path";
import { AppError } from "../shared/errors.ts";

export class DataDirLockedError extends AppError {
  constructor(readonly path: string, what: string) {
    super(
      "data_dir.locked",
      503,
      `DocuVault is already running on this data dir (${what}: ${path}). ` +
        "Stop the running instance first, or point DATA_DIR (or KV_PATH) somewhere else.",
    );
  }
}

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

/**
 * Take the exclusive lock `lockPath` without waiting. Throws `DataDirLockedError` when
 * another process holds it.
 */
export async function acquireLock(lockPath: string, what: string): Promise<DataDirLock> {
  await Deno.mkdir(dirname(lockPath), { recursive: true });
  const file = await Deno.open(lockPath, { read: true, write: true, create: true });
  let locked = false;
  try {
    locked = await file.tryLock(true);
  } catch (error) {
    file.close();
    throw error;
  }
  if (!locked) {
    file.close();
    throw new DataDirLockedError(lockPath, what);
  }
  await file.truncate(0);
  await file.write(new TextEncoder().encode(`${Deno.pid}\n`));
  let released = false;
  return {
    path: lockPath,
    release() {
      if (released) return;
      released = true;
      try {
        file.unlockSync();
      } finally {
        file.close();
      }
    },
  };
}

/**
 * Read a secret from `path`, creating it with `generate()` on first use. The value is
 * written to a file of its own and then hard-linked to `path`, which fails if `path`
 * exists: two processes starting together agree on one value, and neither can read the
 * other's file half-written. Files are 0600.
 */
export async function loadOrCreateSecret(
  path: string,
  generate: () => string | Promise<string>,
): Promise<{ value: string; created: boolean }> {
  try {
    return { value: (await Deno.readTextFile(path)).trim(), created: false };
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  await Deno.mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const value = await generate();
  const draft = `${path}.${crypto.randomUUID()}.tmp`;
  await Deno.writeTextFile(draft, value + "\n", { createNew: true, mode: 0o600 });
  try {
    try {
      await Deno.link(draft, path);
    } catch (error) {
      if (error instanceof Deno.errors.AlreadyExists) throw error;
      // A file system without hard links (some network shares): an exclusive create.
      await Deno.writeTextFile(path, value + "\n", { createNew: true, mode: 0o600 });
    }
    return { value, created: true };
  } catch (error) {
    if (!(error instanceof Deno.errors.AlreadyExists)) throw error;
    return { value: (await Deno.readTextFile(path)).trim(), created: false };
  } finally {
    await Deno.remove(draft).catch(() => {});
  }
}

/** 32 random bytes as base64url: the shape of every generated symmetric secret. */
export function randomSecret(bytes = 32): string {
  const data = crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...data)).replaceAll("+", "-").replaceAll("/", "_")
    .replace(/=+$/, "");
}
