/**
 * Failures of the LLM endpoint, as `AppError`s a person can act on. The messages are written
 * to be shown (on the document's error line and the admin's "test connection"), so they name
 * the endpoint's host and the model, and never contain the API key — not even the masked
 * fragment some providers echo in their 401 bodies.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, OpenAIError } from "openai";
import { AppError, type ErrorStatus } from "../../shared/errors.ts";
import type { AnswerProblemKind } from "./llm_answer.ts";

/** What the messages may name about the endpoint. */
export interface EndpointContext {
  host: string;
  model: string;
  timeoutMs: number;
  maxRetries: number;
  /** Only to scrub it from upstream messages. */
  apiKey?: string;
}

/** Longest upstream message we pass on. */
const MAX_UPSTREAM_MESSAGE = 200;

function classifyError(
  code: string,
  status: ErrorStatus,
  message: string,
  options: { cause?: unknown; retryAfterSeconds?: number; details?: unknown } = {},
): AppError {
  // The messages are made for people; the app decides who gets to see them.
  return new AppError(code, status, message, { expose: true, ...options });
}

/**
 * Map anything the openai client threw to an `AppError`. An abort by the caller is not a
 * failure of the endpoint: the signal's reason is returned as is.
 */
export function toClassifyError(
  error: unknown,
  context: EndpointContext,
  signal?: AbortSignal,
): unknown {
  if (signal?.aborted) return signal.reason;
  if (error instanceof AppError) return error;
  const { host, model } = context;
  const attempts = context.maxRetries + 1;
  const tries = attempts === 1 ? "" : ` after ${attempts} attempts`;

  if (error instanceof APIConnectionTimeoutError) {
    const seconds = Math.round(context.timeoutMs / 100) / 10;
    return classifyError(
      "classify.timeout",
      504,
      `The AI endpoint at ${host} did not answer within ${seconds} s${tries} (model "${model}"). ` +
        "It may be overloaded or still loading the model; try again later.",
      { cause: error },
    );
  }
  if (error instanceof APIConnectionError) {
    const reason = connectionReason(error);
    return classifyError(
      "classify.unreachable",
      502,
      `The AI endpoint at ${host} cannot be reached${reason ? ` (${reason})` : ""}. ` +
        "Check that the server is running and that the base URL in the AI settings is right.",
      { cause: error },
    );
  }
  if (error instanceof APIError && typeof error.status === "number") {
    return fromStatus(error, error.status, context, tries);
  }
  if (error instanceof OpenAIError) {
    return classifyError(
      "classify.failed",
      502,
      `The request to the AI endpoint at ${host} failed: ${scrub(error.message, context)}`,
      { cause: error },
    );
  }
  return error;
}

function fromStatus(
  error: APIError,
  status: number,
  context: EndpointContext,
  tries: string,
): AppError {
  const { host, model } = context;
  // No `cause` for 401/403: their bodies may quote part of the key.
  if (status === 401) {
    return classifyError(
      "classify.auth_failed",
      502,
      `The AI endpoint at ${host} rejected the API key (401). ` +
        "Check the API key in the AI provider settings.",
    );
  }
  if (status === 403) {
    return classifyError(
      "classify.auth_failed",
      502,
      `The AI endpoint at ${host} refused access (403). ` +
        `Check that the API key may use the model "${model}".`,
    );
  }
  if (status === 404) {
    return classifyError(
      "classify.model_not_found",
      502,
      `The AI endpoint at ${host} does not know the model "${model}" (404). ` +
        "Check the model name, and that the base URL is right (it usually ends in /v1).",
      { cause: error },
    );
  }
  if (status === 429) {
    const retryAfterSeconds = retryAfter(error.headers);
    const message = error.code === "insufficient_quota"
      ? `The account behind the API key for ${host} has used up its quota (429). ` +
        "Check the plan and billing with the provider."
      : `The AI endpoint at ${host} is limiting requests (429) and still refused${tries}. ` +
        "Try again later.";
    return classifyError("classify.rate_limited", 503, message, {
      cause: error,
      retryAfterSeconds,
    });
  }
  if (status === 503) {
    return classifyError(
      "classify.unavailable",
      503,
      `The AI endpoint at ${host} is unavailable (503)${tries}. Try again later.`,
      { cause: error, retryAfterSeconds: retryAfter(error.headers) },
    );
  }
  if (status >= 500) {
    return classifyError(
      "classify.endpoint_failed",
      502,
      `The AI endpoint at ${host} failed with status ${status}${tries}. Try again later.`,
      { cause: error },
    );
  }
  return classifyError(
    "classify.rejected",
    502,
    `The AI endpoint at ${host} rejected the request (${status}): ${
      upstreamMessage(error, context)
    }`,
    { cause: error },
  );
}

/** The error the classifier throws after the model answered badly twice. */
export function badAnswerError(
  context: EndpointContext,
  kind: AnswerProblemKind,
  fields: string[],
): AppError {
  const what = {
    empty: "an empty answer",
    not_json: "an answer that is not JSON",
    schema: `an answer with invalid fields (${fields.join(", ")})`,
    unknown_type: "a document type that is not in the list",
  }[kind];
  return classifyError(
    "classify.bad_answer",
    502,
    `The AI model "${context.model}" at ${context.host} gave ${what}, also when asked again. ` +
      "A larger or instruction-tuned model may classify more reliably.",
    { details: { problem: kind, fields } },
  );
}

/** The endpoint's own words, without the key and within reason. */
function upstreamMessage(error: APIError, context: EndpointContext) {
  const body = error.error as { message?: unknown } | string | undefined;
  const raw = typeof body === "string"
    ? body
    : typeof body?.message === "string"
    ? body.message
    : error.message;
  const text = scrub(raw, context).replace(/\s+/g, " ").trim();
  return text.length > MAX_UPSTREAM_MESSAGE ? `${text.slice(0, MAX_UPSTREAM_MESSAGE)}…` : text;
}

function scrub(text: string, context: EndpointContext): string {
  return context.apiKey ? text.replaceAll(context.apiKey, "[api key]") : text;
}

function retryAfter(headers: Headers | undefined): number | undefined {
  const value = headers?.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** A short hint from the network error underneath, when it is a common one. */
function connectionReason(error: Error): string | undefined {
  let text = "";
  for (let current: unknown = error, i = 0; current && i < 5; i++) {
    if (current instanceof Error) text += ` ${current.message}`;
    current = (current as { cause?: unknown }).cause;
  }
  if (/refused/i.test(text)) return "connection refused";
  if (/dns|lookup|not known|getaddrinfo|no address|nodename/i.test(text)) {
    return "host name not found";
  }
  if (/certificate|tls|ssl/i.test(text)) return "TLS certificate problem";
  if (/reset|closed/i.test(text)) return "connection closed";
  // fetch refuses the "bad ports" of the Fetch standard (6000, 6665–6669 …) outright.
  if (/blocked/i.test(text)) return "requests to this port are blocked";
  return undefined;
}
