/**
 * Signed URLs for the local filesystem driver. They are app routes (`/files/<key>`)
 * carrying an expiry, the limits of the grant and an HMAC-SHA256 over all of it:
 * method, key, expiry, size / content type / disposition. Verification uses
 * `crypto.subtle.verify`, which compares in constant time.
 */
import { ForbiddenError } from "../shared/errors.ts";

export const SIGNED_URL_PREFIX = "/files/";
const VERSION = "v1";

export interface UploadGrant {
  method: "PUT";
  key: string;
  expiresAt: number; // unix seconds
  size: number;
  contentType: string;
}

export interface DownloadGrant {
  method: "GET";
  key: string;
  expiresAt: number; // unix seconds
  contentType: string;
  disposition: string;
}

export type Grant = UploadGrant | DownloadGrant;

function canonical(grant: Grant): string {
  const limits = grant.method === "PUT"
    ? [String(grant.size), grant.contentType]
    : [grant.contentType, grant.disposition];
  return [VERSION, grant.method, grant.key, String(grant.expiresAt), ...limits].join("\n");
}

function toBase64Url(bytes: ArrayBuffer): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replaceAll("+", "-")
    .replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  // 43 characters carry 258 bits for 256: the last one must have its 2 spare bits zero,
  // or four different strings would decode to the same signature.
  if (!/^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/.test(text)) return null;
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/") + "=");
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export async function importSigningKey(secret: string): Promise<CryptoKey> {
  return await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign", "verify"],
  );
}

/** The path and query of a signed URL for `grant` (append to the public origin). */
export async function signGrant(key: CryptoKey, grant: Grant): Promise<string> {
  const sig = toBase64Url(
    await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(canonical(grant))),
  );
  const params = new URLSearchParams({ exp: String(grant.expiresAt) });
  if (grant.method === "PUT") {
    params.set("size", String(grant.size));
    params.set("ct", grant.contentType);
  } else {
    params.set("ct", grant.contentType);
    params.set("disp", grant.disposition);
  }
  params.set("sig", sig);
  const path = grant.key.split("/").map(encodeURIComponent).join("/");
  return `${SIGNED_URL_PREFIX}${path}?${params}`;
}

/**
 * Rebuild the grant from a request's method, key and query, and check its signature and
 * expiry. Throws 403 for anything tampered, expired or malformed.
 */
export async function verifyGrant(
  key: CryptoKey,
  request: { method: string; objectKey: string; query: URLSearchParams; nowMs: number },
): Promise<Grant> {
  const { method, objectKey, query } = request;
  const denied = () =>
    new ForbiddenError("storage.bad_signature", "This link is invalid or has expired.");
  const exp = Number(query.get("exp"));
  const sig = fromBase64Url(query.get("sig") ?? "");
  const contentType = query.get("ct");
  if (!Number.isSafeInteger(exp) || !sig || contentType === null) throw denied();

  let grant: Grant;
  if (method === "PUT") {
    const size = Number(query.get("size"));
    if (!Number.isSafeInteger(size) || size < 0) throw denied();
    grant = { method: "PUT", key: objectKey, expiresAt: exp, size, contentType };
  } else if (method === "GET" || method === "HEAD") {
    const disposition = query.get("disp");
    if (disposition === null) throw denied();
    grant = { method: "GET", key: objectKey, expiresAt: exp, contentType, disposition };
  } else {
    throw denied();
  }
  const valid = await crypto.subtle.verify(
    "HMAC",
    key,
    sig,
    new TextEncoder().encode(canonical(grant)),
  );
  // Check the signature before the expiry, and fail both the same way.
  if (!valid || exp * 1000 < request.nowMs) throw denied();
  return grant;
}

/** A `Content-Disposition` value with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function contentDisposition(type: "attachment" | "inline", name: string): string {
  // A lone surrogate would make encodeURIComponent throw.
  const filename = name.toWellFormed();
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  // encodeURIComponent leaves ' ( ) * alone, which RFC 8187 does not allow in filename*.
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
