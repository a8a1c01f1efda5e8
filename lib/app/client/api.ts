/**
 * The islands' way to call our JSON API: same-origin fetch with the session cookies,
 * JSON in and out, and every failure turned into an ApiError that carries the server's
 * message (SPEC §5 error shape) — or a plain-language one when the network failed.
 */

export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the request never got an answer. */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const NETWORK_MESSAGE =
  "DocuVault could not be reached. Check your connection and try again.";

/** The ApiError of a failed response (its JSON error body, or a generic message). */
export async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = await response.json();
    if (body?.error?.message) {
      return new ApiError(response.status, body.error.code, body.error.message, body.error.details);
    }
  } catch {
    // Not JSON: fall through.
  }
  return new ApiError(
    response.status,
    "http_error",
    response.status >= 500
      ? "Something went wrong on the server. Try again in a moment."
      : `The request failed (HTTP ${response.status}).`,
  );
}

export async function api<T = unknown>(
  path: string,
  options: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? (options.body === undefined ? "GET" : "POST"),
      headers: options.body === undefined
        ? { accept: "application/json" }
        : { accept: "application/json", "content-type": "application/json" },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError(0, "network", NETWORK_MESSAGE);
  }
  if (!response.ok) throw await errorOf(response);
  if (response.status === 204) return undefined as T;
  return await response.json() as T;
}
