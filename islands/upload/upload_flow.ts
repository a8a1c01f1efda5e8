/**
 * The steps of one browser upload (SPEC §4.3), without any UI: check the file, hash it,
 * PUT it to the signed URL with progress, and turn every failure into one sentence a
 * person can act on. The UploadQueue island strings these together.
 */
import { ApiError } from "../../lib/app/client/api.ts";
import { formatBytes } from "../../lib/shared/format.ts";

/** The answer of `POST /api/documents/upload-url`. */
export interface UploadTicket {
  document_id: string;
  upload_url: string;
  upload_method: string;
  upload_headers: Record<string, string>;
  expires_at: string;
  duplicate_of: string | null;
}

/** The fields of a document (GET /api/documents/{id}) the queue needs. */
export interface DocumentState {
  id: string;
  status: "pending" | "uploaded" | "processing" | "ready" | "error";
  error_message: string | null;
  duplicate_of: string | null;
}

/** A failure with the sentence to show and whether trying again could help. */
export class UploadError extends Error {
  constructor(message: string, readonly retryable: boolean) {
    super(message);
  }
}

export const NETWORK_ERROR = "Network error — check your connection, then retry.";

function tooLarge(bytes: number, limit: number): UploadError {
  return new UploadError(
    `Too large: ${formatBytes(bytes)}; the limit is ${formatBytes(limit)}.`,
    false,
  );
}

/** Was the file refused before any byte left the browser? Null when it may go. */
export async function checkFile(file: File, maxBytes: number): Promise<UploadError | null> {
  const named = /\.pdf$/i.test(file.name) || file.type === "application/pdf";
  if (!named) return new UploadError("Not a PDF.", false);
  if (file.size === 0) return new UploadError("The file is empty.", false);
  if (maxBytes > 0 && file.size > maxBytes) return tooLarge(file.size, maxBytes);
  let head: string;
  try {
    // Like the server: "%PDF-" somewhere in the first KiB (PDF allows a little junk first).
    head = new TextDecoder("latin1").decode(await file.slice(0, 1024).arrayBuffer());
  } catch {
    return new UploadError("The file could not be read. Was it moved or deleted?", true);
  }
  return head.includes("%PDF-") ? null : new UploadError("Not a PDF.", false);
}

/** Hex SHA-256 of the file, or undefined where Web Crypto is missing (plain-HTTP hosts). */
export async function sha256Of(file: File): Promise<string | undefined> {
  if (!globalThis.crypto?.subtle) return undefined;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", await file.arrayBuffer()));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The sentence for an API failure: the server's words, made concrete where it gives figures. */
export function apiFailure(error: unknown): UploadError {
  if (!(error instanceof ApiError)) {
    return new UploadError("Something went wrong. Try again in a moment.", true);
  }
  if (error.status === 0) return new UploadError(NETWORK_ERROR, true);
  const details = (error.details ?? {}) as Record<string, number>;
  if (error.code === "quota.exceeded" && details.limit_bytes !== undefined) {
    return new UploadError(
      `Not enough space: ${formatBytes(details.used_bytes)} of ${
        formatBytes(details.limit_bytes)
      } used; ` +
        `this file needs ${formatBytes(details.rejected_bytes)}.`,
      true,
    );
  }
  if (error.code === "documents.too_large" && details.max_bytes !== undefined) {
    return tooLarge(details.size_bytes, details.max_bytes);
  }
  // Not a PDF, too large, invalid: the same bytes will be refused again.
  const final = error.status === 413 || error.status === 415 || error.status === 422;
  return new UploadError(error.message, !final);
}

/** The `{"error":{"message"}}` of a storage answer, when it is ours (S3 answers XML). */
function storageMessage(xhr: XMLHttpRequest): string | null {
  try {
    const message = JSON.parse(xhr.responseText)?.error?.message;
    return typeof message === "string" ? message : null;
  } catch {
    return null;
  }
}

// The browser sets these itself and refuses (loudly) to let a script set them.
const FORBIDDEN_HEADERS = new Set(["content-length", "host", "connection"]);

/**
 * PUT the file to the signed URL, reporting bytes sent. Resolves when storage accepted
 * it; rejects with an UploadError, or with an AbortError after `signal` aborted.
 */
export function putFile(
  ticket: UploadTicket,
  file: File,
  onProgress: (sent: number) => void,
  signal: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new DOMException("Upload cancelled", "AbortError"));
    const xhr = new XMLHttpRequest();
    xhr.open(ticket.upload_method || "PUT", ticket.upload_url);
    for (const [name, value] of Object.entries(ticket.upload_headers ?? {})) {
      if (!FORBIDDEN_HEADERS.has(name.toLowerCase())) xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(file.size);
        return resolve();
      }
      const expired = Date.now() >= Date.parse(ticket.expires_at);
      if (xhr.status === 403 && expired) {
        return reject(new UploadError("The upload link expired. Retry to get a new one.", true));
      }
      const message = storageMessage(xhr);
      if (xhr.status === 413) return reject(new UploadError(message ?? "Too large.", false));
      if (xhr.status >= 500) {
        return reject(
          new UploadError("The storage did not accept the file. Try again in a moment.", true),
        );
      }
      const refused = message ?? `The storage refused the file (HTTP ${xhr.status}).`;
      reject(new UploadError(`${refused} Retry to get a new link.`, true));
    };
    xhr.onerror = () => reject(new UploadError(NETWORK_ERROR, true));
    xhr.onabort = () => reject(new DOMException("Upload cancelled", "AbortError"));
    signal.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
