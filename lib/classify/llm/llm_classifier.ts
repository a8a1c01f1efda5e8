/**
 * The LLM classifier: one chat completion against any OpenAI-compatible endpoint (OpenAI,
 * Ollama, LM Studio, vLLM, llama.cpp …) with JSON output, validated with
 * `classificationResultSchema`.
 *
 * Two layers of retry, for two kinds of failure:
 * - transport (timeouts, connection errors, 408/409/429/5xx): the openai client retries up to
 *   `maxRetries` times with exponential back-off, honouring `Retry-After`;
 * - answer (not JSON, schema errors, unknown type): asked again exactly once, with the problem
 *   spelled out, then `classify.bad_answer`.
 */
import OpenAI from "openai";
import type { Logger } from "../../app/logger.ts";
import { ServiceUnavailableError } from "../../shared/errors.ts";
import type {
  ClassificationInput,
  ClassificationResult,
  Classifier,
  ClassifyOptions,
} from "../classifier_types.ts";
import { parseClassificationAnswer } from "./llm_answer.ts";
import { badAnswerError, type EndpointContext, toClassifyError } from "./llm_errors.ts";
import {
  buildClassificationMessages,
  buildCorrectionMessages,
  type ChatMessage,
} from "./llm_prompt.ts";

export interface LlmClassifierOptions {
  /** OpenAI-compatible base URL, usually ending in /v1; defaults to OpenAI's. */
  baseUrl?: string;
  /** Absent for local servers (Ollama, llama.cpp) that take no key. */
  apiKey?: string;
  model: string;
  systemPrompt: string;
  /** Per attempt; defaults to 60 s (local models on a CPU are slow). */
  timeoutMs?: number;
  /** Transport retries by the openai client; defaults to 2. */
  maxRetries?: number;
  logger: Logger;
  fetch?: typeof fetch;
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

/** LM Studio (and some proxies) accept `json_schema` or `text` only. */
const JSON_MODE_UNSUPPORTED = /response_format/i;

interface Completion {
  content: string | null;
  usage?: { prompt_tokens: number; completion_tokens: number };
}

/** Create a classifier that asks an OpenAI-compatible chat endpoint. */
export function createLlmClassifier(options: LlmClassifierOptions): Classifier {
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
  // Everything is passed explicitly: left undefined, the client reads OPENAI_* variables,
  // and only config.ts may read the environment.
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
  // Learned once per classifier: after a 400 about response_format, rely on the prompt.
  let jsonMode = true;

  async function complete(messages: ChatMessage[], signal?: AbortSignal): Promise<Completion> {
    try {
      const completion = await client.chat.completions.create({
        model,
        messages,
        ...(jsonMode ? { response_format: { type: "json_object" as const } } : {}),
      }, { signal });
      return {
        content: completion.choices?.[0]?.message?.content ?? null,
        usage: completion.usage,
      };
    } catch (error) {
      if (jsonMode && !signal?.aborted && isJsonModeRejection(error)) {
        logger.info("the AI endpoint does not support JSON mode; relying on the prompt");
        jsonMode = false;
        return await complete(messages, signal);
      }
      throw toClassifyError(error, context, signal);
    }
  }

  async function classify(
    input: ClassificationInput,
    { signal }: ClassifyOptions = {},
  ): Promise<ClassificationResult> {
    signal?.throwIfAborted();
    const started = performance.now();
    const messages = buildClassificationMessages(input, options.systemPrompt);
    let answer = await complete(messages, signal);
    let parsed = parseClassificationAnswer(answer.content, input);
    let answers = 1;
    if (!parsed.ok) {
      logger.warn("the AI answer is not a valid classification; asking again", {
        problem: parsed.kind,
        fields: parsed.fields,
      });
      messages.push(...buildCorrectionMessages(answer.content, parsed.problem));
      answer = await complete(messages, signal);
      parsed = parseClassificationAnswer(answer.content, input);
      answers = 2;
      if (!parsed.ok) {
        logger.warn("the AI answer is still not a valid classification", {
          problem: parsed.kind,
          fields: parsed.fields,
        });
        throw badAnswerError(context, parsed.kind, parsed.fields);
      }
    }
    logger.info("document classified", {
      user_id: input.userId,
      answers,
      duration_ms: Math.round(performance.now() - started),
      // Not "…_tokens": the logger redacts fields named like secrets.
      usage: answer.usage &&
        { prompt: answer.usage.prompt_tokens, completion: answer.usage.completion_tokens },
      dropped_categories: parsed.dropped.categories,
      dropped_tags: parsed.dropped.tags,
    });
    return parsed.result;
  }

  return { kind: "llm", classify };
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

function isJsonModeRejection(error: unknown): boolean {
  return error instanceof OpenAI.BadRequestError &&
    JSON_MODE_UNSUPPORTED.test(JSON.stringify(error.error ?? error.message));
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
