/**
 * Local filesystem storage (the embedded default). Writes go to a temp file in
 * `<root>/.tmp`, are fsynced, then renamed into place, so a crash never leaves a
 * half-written object under a real key. Signed URLs are app routes (see signed_urls.ts).
 */
import { dirname, join, relative, resolve, sep } from "node:path";
import { createSHA256 } from "hash-wasm";
import type { Clock } from "../shared/clock.ts";
import { BadRequestError, ConflictError } from "../shared/errors.ts";
import { assertValidKey, assertValidPrefix } from "./object_keys.ts";
import { contentDisposition, signGrant } from "./signed_urls.ts";
import {
  type ByteRange,
  type GetResult,
  InvalidRangeError,
  type ListedObject,
  type ObjectInfo,
  ObjectNotFoundError,
  type ObjectStorage,
  ObjectTooLargeError,
  type PutOptions,
  type PutResult,
} from "./storage_types.ts";

const TEMP_DIR = ".tmp";
const READ_CHUNK = 64 * 1024;

export interface FsStorageOptions {
  root: string;
  /** External origin used to build signed URLs. */
  publicUrl: string;
  signingKey: CryptoKey;
  clock: Clock;
}

export interface FsPutOptions extends PutOptions {
  /** The body must be exactly this many bytes; anything else stores nothing. */
  exactSize?: number;
  /** Refuse to replace an existing object (409), atomically. */
  createOnly?: boolean;
}

export class IncompleteUploadError extends BadRequestError {
  constructor(expected: number, received: number) {
    super(
      "storage.incomplete_upload",
      `The upload ended after ${received} of ${expected} bytes. Please try again.`,
      { details: { expected_bytes: expected, received_bytes: received } },
    );
  }
}

export class ObjectExistsError extends ConflictError {
  constructor() {
    super("storage.object_exists", "This upload link has already been used.");
  }
}

export type FsStorage = ObjectStorage & {
  readonly driver: "fs";
  put(
    key: string,
    body: ReadableStream<Uint8Array> | Uint8Array,
    options?: FsPutOptions,
  ): Promise<PutResult>;
};

function toStream(body: ReadableStream<Uint8Array> | Uint8Array): ReadableStream<Uint8Array> {
  if (body instanceof ReadableStream) return body;
  return new ReadableStream({
    start(controller) {
      controller.enqueue(body);
      controller.close();
    },
  });
}

async function writeAll(file: Deno.FsFile, chunk: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) offset += await file.write(chunk.subarray(offset));
}

function resolveRange(range: ByteRange | undefined, size: number): { start: number; end: number } {
  if (!range) return { start: 0, end: Math.max(0, size - 1) };
  const end = Math.min(range.end ?? size - 1, size - 1);
  if (range.start < 0 || range.start >= size || end < range.start) {
    throw new InvalidRangeError(size);
  }
  return { start: range.start, end };
}

export function createFsStorage(options: FsStorageOptions): FsStorage {
  const root = resolve(options.root);
  const tempDir = join(root, TEMP_DIR);

  /** The file path of a key; validated, and checked to stay inside the root. */
  function pathOf(key: string): string {
    assertValidKey(key);
    const path = resolve(root, key);
    if (!path.startsWith(root + sep)) throw new ObjectNotFoundError(key);
    return path;
  }

  async function statOrNull(path: string): Promise<Deno.FileInfo | null> {
    try {
      const info = await Deno.stat(path);
      return info.isFile ? info : null;
    } catch (error) {
      if (error instanceof Deno.errors.NotFound || error instanceof Deno.errors.NotADirectory) {
        return null;
      }
      throw error;
    }
  }

  async function removeEmptyParents(path: string): Promise<void> {
    let dir = dirname(path);
    while (dir.startsWith(root + sep)) {
      try {
        await Deno.remove(dir); // fails unless empty
      } catch {
        return;
      }
      dir = dirname(dir);
    }
  }

  async function* walk(dir: string): AsyncGenerator<string> {
    let entries: Deno.DirEntry[];
    try {
      entries = await Array.fromAsync(Deno.readDir(dir));
    } catch (error) {
      if (error instanceof Deno.errors.NotFound || error instanceof Deno.errors.NotADirectory) {
        return;
      }
      throw error;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory) {
        if (path === tempDir) continue;
        yield* walk(path);
      } else if (entry.isFile) {
        yield path;
      }
    }
  }

  return {
    driver: "fs",
    browserOrigins: [new URL(options.publicUrl).origin],

    async put(key, body, putOptions: FsPutOptions = {}) {
      const target = pathOf(key);
      const limit = putOptions.exactSize ?? putOptions.maxBytes;
      await Deno.mkdir(tempDir, { recursive: true });
      const tempPath = join(tempDir, crypto.randomUUID());
      const file = await Deno.open(tempPath, { write: true, createNew: true, mode: 0o600 });
      const hasher = await createSHA256();
      hasher.init();
      let size = 0;
      let closed = false;
      try {
        for await (const chunk of toStream(body)) {
          size += chunk.length;
          if (limit !== undefined && size > limit) throw new ObjectTooLargeError(limit);
          hasher.update(chunk);
          await writeAll(file, chunk);
        }
        if (putOptions.exactSize !== undefined && size !== putOptions.exactSize) {
          throw new IncompleteUploadError(putOptions.exactSize, size);
        }
        await file.syncData();
        file.close();
        closed = true;
        await Deno.mkdir(dirname(target), { recursive: true });
        if (putOptions.createOnly) {
          // link() fails if the target exists: an atomic "create only".
          try {
            await Deno.link(tempPath, target);
          } catch (error) {
            if (error instanceof Deno.errors.AlreadyExists) throw new ObjectExistsError();
            throw error;
          }
          await Deno.remove(tempPath);
        } else {
          await Deno.rename(tempPath, target);
        }
        return { size, sha256: hasher.digest("hex") };
      } catch (error) {
        if (!closed) file.close();
        await Deno.remove(tempPath).catch(() => {});
        throw error;
      }
    },

    async get(key, getOptions = {}) {
      const path = pathOf(key);
      const info = await statOrNull(path);
      if (!info) throw new ObjectNotFoundError(key);
      const range = resolveRange(getOptions.range, info.size);
      const file = await Deno.open(path, { read: true });
      let remaining = info.size === 0 ? 0 : range.end - range.start + 1;
      try {
        if (range.start > 0) await file.seek(range.start, Deno.SeekMode.Start);
      } catch (error) {
        file.close();
        throw error;
      }
      let open = true;
      const close = () => {
        if (open) {
          open = false;
          file.close();
        }
      };
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (remaining <= 0) {
            close();
            controller.close();
            return;
          }
          const buffer = new Uint8Array(Math.min(READ_CHUNK, remaining));
          try {
            const read = await file.read(buffer);
            if (read === null) {
              close();
              controller.close();
              return;
            }
            remaining -= read;
            controller.enqueue(buffer.subarray(0, read));
          } catch (error) {
            close();
            controller.error(error);
          }
        },
        cancel: close,
      });
      return { body, size: info.size, range } satisfies GetResult;
    },

    async head(key): Promise<ObjectInfo | null> {
      const info = await statOrNull(pathOf(key));
      return info ? { size: info.size, lastModified: info.mtime } : null;
    },

    async delete(key) {
      const path = pathOf(key);
      try {
        await Deno.remove(path);
      } catch (error) {
        if (error instanceof Deno.errors.NotFound) return;
        throw error;
      }
      await removeEmptyParents(path);
    },

    async *list(prefix): AsyncGenerator<ListedObject> {
      assertValidPrefix(prefix);
      // Walk only the deepest directory the prefix fully names.
      const slash = prefix.lastIndexOf("/");
      const start = slash === -1 ? root : join(root, prefix.slice(0, slash));
      for await (const path of walk(start)) {
        const key = relative(root, path).split(sep).join("/");
        if (!key.startsWith(prefix)) continue;
        const info = await statOrNull(path);
        if (info) yield { key, size: info.size };
      }
    },

    async signUpload(key, signOptions) {
      assertValidKey(key);
      const expiresAt = Math.floor(options.clock.now().getTime() / 1000) +
        signOptions.expiresInSeconds;
      const path = await signGrant(options.signingKey, {
        method: "PUT",
        key,
        expiresAt,
        size: signOptions.size,
        contentType: signOptions.contentType,
      });
      return {
        url: options.publicUrl + path,
        method: "PUT",
        headers: { "content-type": signOptions.contentType },
        expiresAt: new Date(expiresAt * 1000),
      };
    },

    async signDownload(key, signOptions) {
      assertValidKey(key);
      const expiresAt = Math.floor(options.clock.now().getTime() / 1000) +
        signOptions.expiresInSeconds;
      const path = await signGrant(options.signingKey, {
        method: "GET",
        key,
        expiresAt,
        contentType: signOptions.contentType,
        disposition: contentDisposition(signOptions.disposition, signOptions.filename),
      });
      return { url: options.publicUrl + path, expiresAt: new Date(expiresAt * 1000) };
    },

    async cleanupIncomplete(olderThan) {
      let removed = 0;
      try {
        for await (const entry of Deno.readDir(tempDir)) {
          const path = join(tempDir, entry.name);
          const info = entry.isFile ? await statOrNull(path) : null;
          if (info?.mtime && info.mtime < olderThan) {
            await Deno.remove(path).catch(() => {});
            removed++;
          }
        }
      } catch (error) {
        if (!(error instanceof Deno.errors.NotFound)) throw error;
      }
      return removed;
    },

    async check() {
      await Deno.mkdir(tempDir, { recursive: true });
      const probe = join(tempDir, `probe-${crypto.randomUUID()}`);
      await Deno.writeFile(probe, new Uint8Array([1]));
      await Deno.remove(probe);
    },

    close() {},
  };
}
