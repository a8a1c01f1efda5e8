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
import type {
  ClassificationInput,
  ClassificationResult,
  Classifier,
  ClassifyOptions,
} from "../classifier_types.ts";
import { parseClassificationAnswer } from "./llm_answer.ts";
import { createLlmClient, type LlmClientOptions } from "./llm_client.ts";
import { badAnswerError, toClassifyError } from "./llm_errors.ts";
import {
  buildClassificationMessages,
  buildCorrectionMessages,
  type ChatMessage,
} from "./llm_prompt.ts";

export interface LlmClassifierOptions extends LlmClientOptions {
  systemPrompt: string;
}

/** LM Studio (and some proxies) accept `json_schema` or `text` only. */
const JSON_MODE_UNSUPPORTED = /response_format/i;

interface Completion {
  content: string | null;
  usage?: { prompt_tokens: number; completion_tokens: number };
}

/** Create a classifier that asks an OpenAI-compatible chat endpoint. */
export function createLlmClassifier(options: LlmClassifierOptions): Classifier {
  const { client, context, logger } = createLlmClient(options);
  const { model } = context;
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

function isJsonModeRejection(error: unknown): boolean {
  return error instanceof OpenAI.BadRequestError &&
    JSON_MODE_UNSUPPORTED.test(JSON.stringify(error.error ?? error.message));
}
