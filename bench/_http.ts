/**
 * HTTP for the benches that talk to a spawned server: a client with its own connection
 * pool whose answers carry their timing, and the session cookie of a sign-in answer.
 */
import { registerCleanup, type ServerProcess } from "./_util.ts";

const REQUEST_TIMEOUT_MS = 120_000;

// ── HTTP ────────────────────────────────────────────────────────────────────────────

export interface Answer {
  status: number;
  /** From sending the request until the whole body was read. */
  ms: number;
  body: string;
  setCookies: string[];
}

export interface BenchApi extends Disposable {
  /** A request to the server; `json` is sent as the body with its content type. */
  send(
    method: string,
    path: string,
    options?: { json?: unknown; headers?: Record<string, string> },
  ): Promise<Answer>;
  /** A request to an absolute URL (a signed upload URL). */
  fetchUrl(url: string, init: RequestInit): Promise<Answer>;
}

/**
 * An HTTP client with its own connection pool (as a separate client would have), sending
 * `headers` with every request; closed on dispose or when the run is interrupted.
 */
export function createApi(server: ServerProcess, headers: Record<string, string> = {}): BenchApi {
  const client = Deno.createHttpClient({});
  const close = registerCleanup(() => client.close());
  async function fetchUrl(url: string, init: RequestInit): Promise<Answer> {
    // Typed apart: the DOM lib's RequestInit does not know Deno's `client` option.
    const options: RequestInit & { client: Deno.HttpClient } = {
      ...init,
      client,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    };
    const started = performance.now();
    try {
      const res = await fetch(url, options);
      const body = await res.text();
      return {
        status: res.status,
        ms: performance.now() - started,
        body,
        setCookies: res.headers.getSetCookie(),
      };
    } catch (error) {
      // A refused or reset connection counts as a failed request (status 0), not a crash.
      return { status: 0, ms: performance.now() - started, body: String(error), setCookies: [] };
    }
  }
  return {
    send: (method, path, options = {}) =>
      fetchUrl(server.url + path, {
        method,
        headers: {
          ...headers,
          ...(options.json === undefined ? {} : { "content-type": "application/json" }),
          ...options.headers,
        },
        body: options.json === undefined ? undefined : JSON.stringify(options.json),
      }),
    fetchUrl,
    [Symbol.dispose]: () => void close(),
  };
}

/** "POST /x answered 500: {…}" for error messages. */
export function describeAnswer(what: string, answer: Answer): string {
  return `${what} answered ${answer.status || "nothing"}: ${
    answer.body.slice(0, 300).replaceAll("\n", " ")
  }`;
}

/** `dv_access=…; dv_refresh=…` from a sign-in answer's Set-Cookie headers. */
export function sessionCookie(answer: Answer): string {
  const pairs = answer.setCookies.map((header) => header.split(";")[0].trim());
  const access = pairs.find((pair) => /^(__Host-)?dv_access=./.test(pair));
  const refresh = pairs.find((pair) => /^(__Host-)?dv_refresh=./.test(pair));
  if (!access || !refresh) {
    throw new Error(`no dv_access/dv_refresh in Set-Cookie: ${JSON.stringify(answer.setCookies)}`);
  }
  return `${access}; ${refresh}`;
}
