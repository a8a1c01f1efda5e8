/**
 * The one place that builds an `openai` client for an OpenAI-compatible endpoint: the
 * classifier uses it for every document, the admin's "test connection" for one short
 * question. Everything is passed explicitly: left undefined, the client reads OPENAI_*
 * variables, and only config.ts may read the environment.
 */
import OpenAI from "openai";
import type { Logger } from "../../app/logger.ts";
import { ServiceUnavailableError } from "../../shared/errors.ts";
import type { EndpointContext } from "./llm_errors.ts";

export interface LlmClientOptions {
  /** OpenAI-compatible base URL, usually ending in /v1; defaults to OpenAI's. */
  baseUrl?: string;
  /** Absent for local servers (Ollama, llama.cpp) that take no key. */
  apiKey?: string;
  model: string;
  /** Per attempt; defaults to 60 s (local models on a CPU are slow). */
  timeoutMs?: number;
  /** Transport retries by the openai client; defaults to 2. */
  maxRetries?: number;
  logger: Logger;
  fetch?: typeof fetch;
}

export interface LlmClient {
  client: OpenAI;
  /** What error messages may name (and the key, only to scrub it from them). */
  context: EndpointContext;
  /** A child logger naming the endpoint's host and the model (never the key). */
  logger: Logger;
}

export const DEFAULT_BASE_URL = "https://api.openai.com/v1";
const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_RETRIES = 2;

/**
 * Sent when no key is configured: the client insists on one, and keyless servers ignore it.
 * A fixed value also stops the client from falling back to `OPENAI_API_KEY` from the
 * environment and handing the system key to some other endpoint.
 */
const NO_API_KEY = "no-api-key";

/** Build a client for one endpoint and model; refuses a missing model or a non-http URL. */
export function createLlmClient(options: LlmClientOptions): LlmClient {
  const baseUrl = options.baseUrl?.trim() || DEFAULT_BASE_URL;
  const model = options.model.trim();
  const host = endpointHost(baseUrl);
  if (!model) {
    throw new ServiceUnavailableError(
      "classify.not_configured",
      "No AI model is configured. Set one in the AI provider settings.",
    );
  }
  const context: EndpointContext = {
    host,
    model,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    apiKey: options.apiKey,
  };
  const logger = options.logger.child({ classifier: "llm", ai_host: host, ai_model: model });
  const client = new OpenAI({
    baseURL: baseUrl,
    apiKey: options.apiKey || NO_API_KEY,
    organization: null,
    project: null,
    adminAPIKey: null,
    webhookSecret: null,
    timeout: context.timeoutMs,
    maxRetries: context.maxRetries,
    fetch: options.fetch,
    logger: clientLogger(logger),
    logLevel: "info",
  });
  return { client, context, logger };
}

/** The host (and port) to name in messages; refuses base URLs that cannot work. */
function endpointHost(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    url = new URL("invalid:");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ServiceUnavailableError(
      "classify.not_configured",
      "The AI endpoint's base URL is not a valid http(s) URL. Check the AI provider settings.",
    );
  }
  return url.host;
}

/**
 * The client's own log lines (each attempt, each retry) go to our logger at debug level;
 * only the message is kept, not the request details that come with it.
 */
function clientLogger(logger: Logger) {
  return {
    error: (message: string) => logger.error(`openai client: ${message}`),
    warn: (message: string) => logger.warn(`openai client: ${message}`),
    info: (message: string) => logger.debug(`openai client: ${message}`),
    debug: (message: string) => logger.debug(`openai client: ${message}`),
  };
}
