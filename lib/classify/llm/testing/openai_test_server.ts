/**
 * A small OpenAI-compatible server for tests: `POST /v1/chat/completions` and `GET /v1/models`
 * with the real API's response and error shapes, scripted by a queue of modes.
 *
 * The queue is consumed one request at a time and its last mode sticks, so `["valid"]` answers
 * every request and `["500", "500", "valid"]` fails twice, then answers. A "valid" answer is
 * derived from the request — the first allowed type, the first existing category and tag, the
 * file name and the text's first line — so tests can see that the classifier sent them.
 */
import { sleep } from "../../../shared/clock.ts";

export type OpenAiTestMode =
  /** A valid classification derived from the request. */
  | "valid"
  /** Prose with broken JSON. */
  | "invalid_json"
  /** JSON that breaks the schema (confidence 7, no title …). */
  | "schema_violation"
  /** Valid JSON whose document_type is not among the allowed slugs. */
  | "unknown_type"
  /** Sleeps `slowMs` (longer than any client timeout in tests), then answers "valid". */
  | "slow"
  | "401"
  | "403"
  | "404"
  | "429"
  | "500"
  | "503"
  /** 500 for every request (the same as a sticky "500", named for readability). */
  | "always_500"
  /** Like LM Studio: 400 when response_format is json_object, otherwise "valid". */
  | "json_mode_unsupported"
  /** Answers exactly this message content. */
  | { content: string };

export interface RecordedRequest {
  method: string;
  path: string;
  /** Request headers; the Authorization value is replaced by "[masked]". */
  headers: Record<string, string>;
  authorization: "absent" | "bearer" | "other";
  /** Whether the bearer token equals the server's `apiKey` option (null without one). */
  bearerMatches: boolean | null;
  /** The parsed JSON body, or null. */
  body: unknown;
  /** The mode that answered. */
  mode: string;
  /** `performance.now()` when the request arrived. */
  receivedAt: number;
}

export interface OpenAiTestServerOptions {
  modes?: OpenAiTestMode | OpenAiTestMode[];
  /** The key the server expects; only recorded as `bearerMatches`, never enforced. */
  apiKey?: string;
  /** How long "slow" sleeps; default 10 s. */
  slowMs?: number;
  /** Retry-After sent with 429, 500 and 503 answers; default 0 to keep tests fast. */
  retryAfterSeconds?: number;
  /** The model listed by /v1/models. */
  model?: string;
}

export interface OpenAiTestServer {
  /** The base URL to give a client, ending in /v1. */
  url: string;
  requests: RecordedRequest[];
  setMode(mode: OpenAiTestMode | OpenAiTestMode[]): void;
  close(): Promise<void>;
  /** For `await using server = await startOpenAiTestServer()`. */
  [Symbol.asyncDispose](): Promise<void>;
}

interface Context {
  filename: string;
  document_types: { slug: string; label: string }[];
  existing_categories: string[];
  existing_tags: string[];
}

const ERROR_BODIES: Record<
  string,
  { status: number; message: string; type: string; code: string | null }
> = {
  "401": {
    status: 401,
    message: "Incorrect API key provided: sk-te****************cdef. You can find your API key " +
      "at https://platform.openai.com/account/api-keys.",
    type: "invalid_request_error",
    code: "invalid_api_key",
  },
  "403": {
    status: 403,
    message: "You are not allowed to access this model.",
    type: "invalid_request_error",
    code: "model_not_allowed",
  },
  "404": {
    status: 404,
    message: "The model does not exist or you do not have access to it.",
    type: "invalid_request_error",
    code: "model_not_found",
  },
  "429": {
    status: 429,
    message: "Rate limit reached for requests. Please try again in 1s.",
    type: "requests",
    code: "rate_limit_exceeded",
  },
  "500": {
    status: 500,
    message: "The server had an error while processing your request. Sorry about that!",
    type: "server_error",
    code: null,
  },
  "503": {
    status: 503,
    message: "The engine is currently overloaded, please try again later.",
    type: "server_error",
    code: null,
  },
};

/**
 * Start the server on 127.0.0.1 with a free port. It returns a promise so that callers need
 * not change if the server ever has to wait for something before it listens.
 */
export function startOpenAiTestServer(
  options: OpenAiTestServerOptions = {},
): Promise<OpenAiTestServer> {
  const requests: RecordedRequest[] = [];
  let queue = toQueue(options.modes ?? "valid");
  let counter = 0;
  const closing = new AbortController();

  function nextMode(): OpenAiTestMode {
    return queue.length > 1 ? queue.shift()! : queue[0];
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const body = request.method === "POST" ? await request.json().catch(() => null) : null;
    const mode = nextMode();
    requests.push(record(request, url.pathname, body, mode, options.apiKey));
    counter++;

    const failure = errorFor(mode, options.retryAfterSeconds ?? 0);
    if (failure) return failure;
    if (mode === "slow") {
      // Sleeps on after the client gave up, like a busy model would; close() wakes it.
      await sleep(options.slowMs ?? 10_000, closing.signal).catch(() => {});
      if (closing.signal.aborted) return new Response(null, { status: 503 });
    }

    if (request.method === "GET" && url.pathname === "/v1/models") {
      return json(200, {
        object: "list",
        data: [{
          id: options.model ?? "docuvault-test-model",
          object: "model",
          created: 1_700_000_000,
          owned_by: "docuvault-test",
        }],
      });
    }
    if (request.method !== "POST" || url.pathname !== "/v1/chat/completions") {
      return errorJson(
        404,
        `Invalid URL (${request.method} ${url.pathname})`,
        "invalid_request_error",
        null,
      );
    }
    if (mode === "json_mode_unsupported" && jsonObjectRequested(body)) {
      // LM Studio's shape: the error is a bare string.
      return json(400, { error: "'response_format.type' must be 'json_schema' or 'text'" });
    }
    const content = typeof mode === "object" ? mode.content : answerFor(mode, body);
    if (content instanceof Response) return content;
    return json(200, completion(counter, body, content), { "x-request-id": `req_test_${counter}` });
  }

  const server = Deno.serve({
    hostname: "127.0.0.1",
    port: 0,
    onListen: () => {},
    onError: (error) => errorJson(500, String(error), "server_error", null),
  }, handle);
  const { port } = server.addr;

  let closed: Promise<void> | undefined;
  function close(): Promise<void> {
    closing.abort();
    return closed ??= server.shutdown();
  }

  return Promise.resolve({
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    setMode(mode) {
      queue = toQueue(mode);
    },
    close,
    [Symbol.asyncDispose]: close,
  });
}

function toQueue(mode: OpenAiTestMode | OpenAiTestMode[]): OpenAiTestMode[] {
  const queue = Array.isArray(mode) ? [...mode] : [mode];
  if (!queue.length) throw new Error("the test server needs at least one mode");
  return queue;
}

function record(
  request: Request,
  path: string,
  body: unknown,
  mode: OpenAiTestMode,
  apiKey: string | undefined,
): RecordedRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of request.headers) {
    headers[name] = name === "authorization" ? "[masked]" : value;
  }
  const authorization = request.headers.get("authorization");
  const bearer = authorization?.match(/^Bearer (.+)$/)?.[1];
  return {
    method: request.method,
    path,
    headers,
    authorization: authorization === null ? "absent" : bearer ? "bearer" : "other",
    bearerMatches: apiKey === undefined ? null : bearer === apiKey,
    body,
    mode: typeof mode === "object" ? "content" : mode,
    receivedAt: performance.now(),
  };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers });
}

function errorJson(
  status: number,
  message: string,
  type: string,
  code: string | null,
  headers: Record<string, string> = {},
): Response {
  return json(status, { error: { message, type, param: null, code } }, headers);
}

function errorFor(mode: OpenAiTestMode, retryAfterSeconds: number): Response | undefined {
  const key = mode === "always_500" ? "500" : typeof mode === "string" ? mode : "";
  const error = ERROR_BODIES[key];
  if (!error) return undefined;
  const headers: Record<string, string> = error.status === 429 || error.status >= 500
    ? { "retry-after": String(retryAfterSeconds) }
    : {};
  return errorJson(error.status, error.message, error.type, error.code, headers);
}

function jsonObjectRequested(body: unknown): boolean {
  const format = (body as { response_format?: { type?: string } } | null)?.response_format;
  return format?.type === "json_object";
}

/** The first user message, as the classifier builds it. */
function userMessage(body: unknown): string {
  const messages = (body as { messages?: { role: string; content: unknown }[] } | null)?.messages;
  const content = messages?.find((m) => m.role === "user")?.content;
  return typeof content === "string" ? content : "";
}

function answerFor(mode: OpenAiTestMode, body: unknown): string | Response {
  if (mode === "invalid_json") return 'Sure! Here is the classification: {"document_type": "inv';
  if (mode === "schema_violation") {
    return JSON.stringify({ document_type: "invoice", confidence: 7, categories: "Finance" });
  }
  const message = userMessage(body);
  const contextJson = /```json\n([\s\S]*?)\n```/.exec(message)?.[1];
  if (!contextJson) {
    return errorJson(
      400,
      "test server: no ```json context block in the user message",
      "invalid_request_error",
      null,
    );
  }
  const context = JSON.parse(contextJson) as Context;
  const text = /<document>\n([\s\S]*?)\n<\/document>/.exec(message)?.[1] ?? "";
  const firstLine = text.split("\n").find((line) => line.trim())?.trim().slice(0, 200);
  const category = context.existing_categories[0];
  const tag = context.existing_tags[0];
  return JSON.stringify({
    document_type: mode === "unknown_type"
      ? "not_a_listed_type"
      : context.document_types[0]?.slug ?? "other",
    confidence: 0.87,
    title: `Test answer for ${context.filename}`,
    summary: firstLine ? `It starts with: ${firstLine}` : null,
    document_date: "2024-03-15",
    issuer: "DocuVault Test Server",
    amount: { value: 42.5, currency: "eur" },
    categories: [
      ...(category === undefined ? [] : [{ path: category, is_new: false }]),
      { path: "Test / Proposed", is_new: true },
    ],
    tags: [
      ...(tag === undefined ? [] : [{ name: tag, is_new: false }]),
      { name: "test-server", is_new: true },
    ],
  });
}

function completion(id: number, body: unknown, content: string) {
  const model = (body as { model?: string } | null)?.model ?? "unknown";
  const promptTokens = Math.ceil(JSON.stringify(body ?? "").length / 4);
  const completionTokens = Math.ceil(content.length / 4);
  return {
    id: `chatcmpl-test-${id}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model,
    system_fingerprint: null,
    choices: [{
      index: 0,
      message: { role: "assistant", content, refusal: null },
      logprobs: null,
      finish_reason: "stop",
    }],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    },
  };
}
