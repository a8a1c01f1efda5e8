/**
 * The storage contract: what every `ObjectStorage` driver must do, checked the way a user
 * of the vault would notice it (bytes, sizes, hashes, errors, links that work or do not).
 * Each driver's test file runs it on a fresh, empty storage.
 */
import { assert, assertEquals, assertInstanceOf, assertRejects } from "../shared/assert.ts";
import { InvalidObjectKeyError } from "./object_keys.ts";
import {
  InvalidRangeError,
  ObjectNotFoundError,
  type ObjectStorage,
  ObjectTooLargeError,
} from "./storage_types.ts";

export interface StorageContractOptions {
  /** Let more than `seconds` pass as the driver's signed URLs see time. */
  waitPastExpiry(seconds: number): Promise<void>;
}

const MiB = 1024 * 1024;
const CHUNK = 64 * 1024;

/** Keys no driver may accept, whatever the method. */
export const INVALID_KEYS = ["../x", "/abs", "a//b", "a/../b", "", "with space.pdf", "a/b c"];

/** Random bytes (getRandomValues fills at most 64 KiB per call). */
export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  for (let offset = 0; offset < length; offset += CHUNK) {
    crypto.getRandomValues(bytes.subarray(offset, Math.min(length, offset + CHUNK)));
  }
  return bytes;
}

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

export async function readAll(
  stream: ReadableStream<Uint8Array>,
): Promise<Uint8Array<ArrayBuffer>> {
  return await new Response(stream).bytes();
}

/** `bytes` as a stream of `chunkSize` pieces, produced one pull at a time. */
export function chunkedStream(bytes: Uint8Array, chunkSize = CHUNK): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

/** The file name a browser would show for a Content-Disposition value (RFC 6266). */
export function dispositionFilename(header: string): string | null {
  const extended = /filename\*=UTF-8''([^;\s]+)/i.exec(header);
  if (extended) return decodeURIComponent(extended[1]);
  return /filename="([^"]*)"/.exec(header)?.[1] ?? null;
}

async function assertRejectsWith(
  fn: () => unknown,
  type: abstract new (...args: never[]) => Error,
  status: number,
  what: string,
): Promise<void> {
  const error = await assertRejects(fn, `${what}: expected ${type.name}`);
  assertInstanceOf(error, type, `${what}: got ${error}`);
  assertEquals((error as { status?: number }).status, status, what);
}

/** Run every rule of the contract on `storage`, which must start empty. */
export async function storageContract(
  t: Deno.TestContext,
  storage: ObjectStorage,
  options: StorageContractOptions,
): Promise<void> {
  const get = async (key: string, range?: { start: number; end?: number }) => {
    const result = await storage.get(key, { range });
    return { ...result, bytes: await readAll(result.body) };
  };

  await t.step("put stores a Uint8Array and returns its size and SHA-256", async () => {
    const bytes = randomBytes(1000);
    const result = await storage.put("put/bytes.bin", bytes, { contentType: "application/pdf" });
    assertEquals(result, { size: 1000, sha256: await sha256Hex(bytes) });
    assertEquals((await get("put/bytes.bin")).bytes, bytes);
  });

  await t.step("put streams 5 MiB in 64 KiB chunks, with the right size and hash", async () => {
    const bytes = randomBytes(5 * MiB);
    const result = await storage.put("put/stream.bin", chunkedStream(bytes));
    assertEquals(result, { size: 5 * MiB, sha256: await sha256Hex(bytes) });
    assertEquals((await storage.head("put/stream.bin"))?.size, 5 * MiB);
    const stored = await get("put/stream.bin");
    assertEquals(await sha256Hex(stored.bytes), result.sha256);
  });

  await t.step("put stores an empty body", async () => {
    const result = await storage.put("put/empty.bin", new Uint8Array());
    assertEquals(result.size, 0);
    assertEquals(result.sha256, await sha256Hex(new Uint8Array()));
    assertEquals((await storage.head("put/empty.bin"))?.size, 0);
  });

  await t.step("put replaces an existing object", async () => {
    await storage.put("put/replace.txt", new TextEncoder().encode("first version"));
    await storage.put("put/replace.txt", new TextEncoder().encode("second"));
    assertEquals(new TextDecoder().decode((await get("put/replace.txt")).bytes), "second");
  });

  const hundred = Uint8Array.from({ length: 100 }, (_, i) => i);
  await storage.put("get/hundred.bin", hundred);

  await t.step("get returns the whole object with its size and full range", async () => {
    const whole = await get("get/hundred.bin");
    assertEquals(whole.bytes, hundred);
    assertEquals(whole.size, 100);
    assertEquals(whole.range, { start: 0, end: 99 });
  });

  await t.step("get returns a start-end byte range, inclusive", async () => {
    const part = await get("get/hundred.bin", { start: 10, end: 19 });
    assertEquals(part.bytes, hundred.slice(10, 20));
    assertEquals(part.range, { start: 10, end: 19 });
    assertEquals(part.size, 100);
    const one = await get("get/hundred.bin", { start: 99, end: 99 });
    assertEquals(one.bytes, Uint8Array.of(99));
  });

  await t.step("get returns an open-ended range to the last byte", async () => {
    const tail = await get("get/hundred.bin", { start: 90 });
    assertEquals(tail.bytes, hundred.slice(90));
    assertEquals(tail.range, { start: 90, end: 99 });
    assertEquals(tail.size, 100);
  });

  await t.step("get clamps a range end past the object to its last byte", async () => {
    const tail = await get("get/hundred.bin", { start: 95, end: 5000 });
    assertEquals(tail.bytes, hundred.slice(95));
    assertEquals(tail.range, { start: 95, end: 99 });
  });

  await t.step("a range starting at or past the end is InvalidRangeError (416)", async () => {
    for (const start of [100, 101, 10_000]) {
      await assertRejectsWith(
        () => storage.get("get/hundred.bin", { range: { start } }),
        InvalidRangeError,
        416,
        `range ${start}-`,
      );
    }
  });

  await t.step("get of a missing key is ObjectNotFoundError; head is null", async () => {
    await assertRejectsWith(
      () => storage.get("missing/nothing.pdf"),
      ObjectNotFoundError,
      404,
      "get missing",
    );
    assertEquals(await storage.head("missing/nothing.pdf"), null);
    assertEquals(await storage.head("get"), null, "a 'directory' is not an object");
  });

  await t.step("head reports the size and a modification date", async () => {
    const info = await storage.head("get/hundred.bin");
    assertEquals(info?.size, 100);
    assert(info?.lastModified instanceof Date, "lastModified is a Date");
    assert(Math.abs(info.lastModified.getTime() - Date.now()) < 10 * 60_000, "a recent date");
  });

  await t.step("delete removes the object; deleting a missing key is not an error", async () => {
    await storage.put("del/gone.txt", new TextEncoder().encode("bye"));
    await storage.put("del/kept.txt", new TextEncoder().encode("stay"));
    await storage.delete("del/gone.txt");
    assertEquals(await storage.head("del/gone.txt"), null);
    await assertRejectsWith(() => storage.get("del/gone.txt"), ObjectNotFoundError, 404, "get");
    assertEquals((await storage.head("del/kept.txt"))?.size, 4, "a neighbour survives");
    await storage.delete("del/gone.txt");
    await storage.delete("del/never/existed.txt");
  });

  await t.step("list returns exactly the keys under a prefix, nested ones included", async () => {
    const keys = [
      "lst/u1/doc/a.pdf",
      "lst/u1/doc/b.pdf",
      "lst/u1/doc/deep/c.pdf",
      "lst/u1/docs2/d.pdf",
      "lst/u1/other/e.pdf",
      "lst/u2/doc/f.pdf",
      "lst/u10/g.pdf",
    ];
    for (const [i, key] of keys.entries()) await storage.put(key, new Uint8Array(i + 1));
    const list = async (prefix: string) =>
      (await Array.fromAsync(storage.list(prefix))).sort((a, b) => a.key < b.key ? -1 : 1);

    assertEquals(await list("lst/u1/doc/"), [
      { key: "lst/u1/doc/a.pdf", size: 1 },
      { key: "lst/u1/doc/b.pdf", size: 2 },
      { key: "lst/u1/doc/deep/c.pdf", size: 3 },
    ]);
    assertEquals((await list("lst/u1/do")).map((o) => o.key), [
      "lst/u1/doc/a.pdf",
      "lst/u1/doc/b.pdf",
      "lst/u1/doc/deep/c.pdf",
      "lst/u1/docs2/d.pdf",
    ], "a partial last segment matches like a string prefix");
    assertEquals((await list("lst/u1/")).length, 5);
    assertEquals((await list("lst/u1")).length, 6, "lst/u1 matches lst/u1/… and lst/u10/…");
    assertEquals((await list("lst/u2/")).map((o) => o.key), ["lst/u2/doc/f.pdf"]);
    assertEquals(await list("lst/nobody/"), []);
    const all = (await list("")).map((o) => o.key);
    for (const key of keys) assert(all.includes(key), `list("") includes ${key}`);
  });

  await t.step("a put over maxBytes is ObjectTooLargeError (413) and stores nothing", async () => {
    await assertRejectsWith(
      () => storage.put("big/bytes.bin", randomBytes(2000), { maxBytes: 1999 }),
      ObjectTooLargeError,
      413,
      "Uint8Array",
    );
    assertEquals(await storage.head("big/bytes.bin"), null);
    await assertRejectsWith(
      () => storage.put("big/stream.bin", chunkedStream(randomBytes(2 * MiB)), { maxBytes: MiB }),
      ObjectTooLargeError,
      413,
      "stream",
    );
    assertEquals(await storage.head("big/stream.bin"), null);
    const exact = await storage.put("big/exact.bin", randomBytes(1999), { maxBytes: 1999 });
    assertEquals(exact.size, 1999, "exactly maxBytes is allowed");
  });

  await t.step("a put over maxBytes leaves an existing object as it was", async () => {
    const original = randomBytes(10);
    await storage.put("big/existing.bin", original);
    await assertRejects(() => storage.put("big/existing.bin", randomBytes(50), { maxBytes: 20 }));
    assertEquals((await get("big/existing.bin")).bytes, original);
  });

  await t.step("every method refuses invalid keys with InvalidObjectKeyError", async () => {
    const signOptions = { expiresInSeconds: 60, contentType: "application/pdf" };
    for (const key of INVALID_KEYS) {
      const calls: [string, () => unknown][] = [
        ["put", () => storage.put(key, new Uint8Array(1))],
        ["get", () => storage.get(key)],
        ["head", () => storage.head(key)],
        ["delete", () => storage.delete(key)],
        ["signUpload", () => storage.signUpload(key, { ...signOptions, size: 1 })],
        ["signDownload", () =>
          storage.signDownload(key, {
            ...signOptions,
            filename: "x.pdf",
            disposition: "attachment",
          })],
      ];
      // "" is the one valid prefix: it lists everything.
      if (key !== "") calls.push(["list", () => Array.fromAsync(storage.list(key))]);
      for (const [method, call] of calls) {
        await assertRejectsWith(
          call,
          InvalidObjectKeyError,
          400,
          `${method}(${JSON.stringify(key)})`,
        );
      }
    }
  });

  await t.step("a signed upload URL takes a PUT of exactly `size` bytes", async () => {
    const bytes = randomBytes(3000);
    const signed = await storage.signUpload("sig/up.pdf", {
      size: bytes.length,
      contentType: "application/pdf",
      expiresInSeconds: 600,
    });
    assertEquals(signed.method, "PUT");
    assert(signed.expiresAt.getTime() > Date.now() - 60_000, "expiresAt lies ahead");
    assertEquals(await storage.head("sig/up.pdf"), null, "signing stores nothing");
    const res = await fetch(signed.url, { method: "PUT", headers: signed.headers, body: bytes });
    await res.body?.cancel();
    assertEquals(res.status, 200);
    assertEquals((await get("sig/up.pdf")).bytes, bytes);
  });

  await t.step("a signed download URL serves the bytes, type and file name asked for", async () => {
    const bytes = randomBytes(2048);
    await storage.put("sig/down.pdf", bytes, { contentType: "application/octet-stream" });
    for (const filename of ["Rechnung März.pdf", "report.pdf"]) {
      const signed = await storage.signDownload("sig/down.pdf", {
        expiresInSeconds: 600,
        filename,
        disposition: "attachment",
        contentType: "application/pdf",
      });
      const res = await fetch(signed.url);
      const body = await res.bytes();
      assertEquals(res.status, 200, filename);
      assertEquals(body, bytes);
      assertEquals(res.headers.get("content-type"), "application/pdf");
      const disposition = res.headers.get("content-disposition") ?? "";
      assert(disposition.startsWith("attachment;"), `attachment: ${disposition}`);
      assertEquals(dispositionFilename(disposition), filename);
    }
  });

  await t.step("expired signed URLs are refused with 403", async () => {
    await storage.put("exp/down.pdf", randomBytes(10));
    const upload = await storage.signUpload("exp/up.pdf", {
      size: 10,
      contentType: "application/pdf",
      expiresInSeconds: 1,
    });
    const download = await storage.signDownload("exp/down.pdf", {
      expiresInSeconds: 1,
      filename: "x.pdf",
      disposition: "inline",
      contentType: "application/pdf",
    });
    await options.waitPastExpiry(1);
    const put = await fetch(upload.url, {
      method: "PUT",
      headers: upload.headers,
      body: randomBytes(10),
    });
    await put.body?.cancel();
    assertEquals(put.status, 403, "expired upload");
    assertEquals(await storage.head("exp/up.pdf"), null, "an expired upload stores nothing");
    const got = await fetch(download.url);
    await got.body?.cancel();
    assertEquals(got.status, 403, "expired download");
  });

  await t.step("cleanupIncomplete returns a count and keeps committed objects", async () => {
    const bytes = randomBytes(64);
    await storage.put("clean/kept.bin", bytes);
    const removed = await storage.cleanupIncomplete(new Date(Date.now() + 60_000));
    assert(Number.isInteger(removed) && removed >= 0, `a count, got ${removed}`);
    assertEquals((await get("clean/kept.bin")).bytes, bytes);
    assertEquals((await get("get/hundred.bin")).bytes, hundred);
  });

  await t.step("check passes on a working backend", async () => {
    await storage.check();
  });
}
