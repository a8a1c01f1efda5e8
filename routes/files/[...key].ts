/**
 * The local storage driver's signed URLs: PUT uploads and GET downloads authorised by an
 * HMAC in the query (see lib/storage/signed_urls.ts). Only the fs driver uses them; with
 * S3, clients talk to S3 directly and this route does not exist.
 */
import { defineHandlers } from "../../lib/app/routing.ts";
import { ForbiddenError, NotFoundError } from "../../lib/shared/errors.ts";
import type { FsStorage } from "../../lib/storage/fs_storage.ts";
import { isValidKey } from "../../lib/storage/object_keys.ts";
import {
  type DownloadGrant,
  type UploadGrant,
  verifyGrant,
} from "../../lib/storage/signed_urls.ts";
import { type ByteRange, ObjectTooLargeError } from "../../lib/storage/storage_types.ts";
import type { AppContext } from "../../lib/app/routing.ts";

function denied() {
  return new ForbiddenError("storage.bad_signature", "This link is invalid or has expired.");
}

async function grantFor(c: AppContext, method: "PUT" | "GET") {
  const { storage, secrets, clock } = c.var.deps;
  if (storage.driver !== "fs") throw new NotFoundError();
  const key = c.req.param("key") ?? "";
  if (!isValidKey(key)) throw denied();
  const grant = await verifyGrant(secrets.storageSigningKey, {
    method: c.req.method === "HEAD" ? "GET" : c.req.method,
    objectKey: key,
    query: new URL(c.req.url).searchParams,
    nowMs: clock.now().getTime(),
  });
  if (grant.method !== method) throw denied();
  return { storage: storage as FsStorage, key, grant };
}

/** One `bytes=a-b`, `bytes=a-` or `bytes=-n` range; anything else means the whole file. */
function parseRange(header: string | undefined, size: () => Promise<number>) {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === "" && match[2] === "")) return Promise.resolve(undefined);
  if (match[1] === "") {
    return size().then((total): ByteRange => ({
      start: Math.max(0, total - Number(match[2])),
      end: total - 1,
    }));
  }
  return Promise.resolve<ByteRange>({
    start: Number(match[1]),
    end: match[2] === "" ? undefined : Number(match[2]),
  });
}

export const handler = defineHandlers({
  async PUT(c) {
    const { storage, key, grant } = await grantFor(c, "PUT");
    const upload = grant as UploadGrant;
    const contentType = (c.req.header("content-type") ?? "").split(";")[0].trim().toLowerCase();
    if (contentType !== upload.contentType.toLowerCase()) throw denied();
    const declared = c.req.header("content-length");
    if (declared !== undefined && Number(declared) > upload.size) {
      throw new ObjectTooLargeError(upload.size);
    }
    const result = await storage.put(key, c.req.raw.body ?? new Uint8Array(), {
      exactSize: upload.size,
      createOnly: true,
      contentType,
    });
    c.header("ETag", `"${result.sha256}"`);
    return c.body(null, 200);
  },

  async GET(c) {
    const { storage, key, grant } = await grantFor(c, "GET");
    const download = grant as DownloadGrant;
    const range = await parseRange(
      c.req.header("range"),
      async () => (await storage.head(key))?.size ?? 0,
    );
    const object = await storage.get(key, { range });
    const length = object.size === 0 ? 0 : object.range.end - object.range.start + 1;
    const headers = new Headers({
      "Content-Type": download.contentType,
      "Content-Disposition": download.disposition,
      "Content-Length": String(length),
      "Accept-Ranges": "bytes",
      "Cache-Control": "private, no-store",
    });
    if (range) {
      headers.set(
        "Content-Range",
        `bytes ${object.range.start}-${object.range.end}/${object.size}`,
      );
    }
    if (c.req.method === "HEAD") {
      // Hono answers HEAD with this handler and drops the body unread: close the file.
      await object.body.cancel();
      return new Response(null, { status: range ? 206 : 200, headers });
    }
    return new Response(object.body, { status: range ? 206 : 200, headers });
  },
});
