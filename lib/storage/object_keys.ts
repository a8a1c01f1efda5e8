/**
 * Object keys are built by the server only: `{user_id}/{document_id}/{uuid}{ext}`.
 * `assertValidKey` is the gate every driver calls, so a key can never address anything
 * outside the storage root, whatever a caller passes.
 */
import { AppError } from "../shared/errors.ts";

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const MAX_KEY_LENGTH = 512;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class InvalidObjectKeyError extends AppError {
  constructor() {
    super("storage.invalid_key", 400, "Invalid object key.");
  }
}

export function isValidKey(key: string): boolean {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) return false;
  return key.split("/").every((segment) => SEGMENT.test(segment) && !segment.includes(".."));
}

export function assertValidKey(key: string): void {
  if (!isValidKey(key)) throw new InvalidObjectKeyError();
}

/** A prefix for `list`: either empty or a run of valid segments, optionally ending in "/". */
export function assertValidPrefix(prefix: string): void {
  if (prefix === "") return;
  const trimmed = prefix.endsWith("/") ? prefix.slice(0, -1) : prefix;
  if (!isValidKey(trimmed)) throw new InvalidObjectKeyError();
}

/** The key for a new stored document file. Only ids and a fixed extension go in. */
export function documentObjectKey(userId: string, documentId: string, ext = ".pdf"): string {
  if (!UUID.test(userId) || !UUID.test(documentId) || !/^\.[a-z0-9]{1,8}$/.test(ext)) {
    throw new InvalidObjectKeyError();
  }
  return `${userId}/${documentId}/${crypto.randomUUID()}${ext}`;
}
