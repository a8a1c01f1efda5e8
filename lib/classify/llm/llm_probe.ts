/**
 * "Test connection": one tiny chat completion with the same client the classifier uses,
 * so it proves what classification needs — the endpoint answers, accepts the key and
 * knows the model. A models listing would prove less: many servers list models without
 * checking the key, and a listed model may still be refused.
 */
import type { Logger } from "../../app/logger.ts";
import { AppError } from "../../shared/errors.ts";
import { createLlmClient } from "./llm_client.ts";
import { toClassifyError } from "./llm_errors.ts";

export interface LlmProbeOptions {
  baseUrl?: string;
  apiKey?: string;
  model: string;
  timeoutMs: number;
  logger: Logger;
}

export interface LlmProbeResult {
  ok: true;
  latency_ms: number;
  /** The model as the endpoint names it in its answer (or as asked for). */
  model: string;
  /** What the model said, shortened. */
  reply: string;
}

const MAX_REPLY = 200;

/**
 * Ask the endpoint to answer "OK". Failures are the classifier's readable errors (502
 * unreachable or refused, 504 timeout …); one attempt only, so the admin waits at most
 * `timeoutMs`.
 */
export async function probeLlmEndpoint(options: LlmProbeOptions): Promise<LlmProbeResult> {
  const { client, context } = createLlmClient({ ...options, maxRetries: 0 });
  const started = performance.now();
  try {
    const completion = await client.chat.completions.create({
      model: context.model,
      messages: [
        { role: "system", content: "You are a connection test. Reply with the word OK only." },
        { role: "user", content: "Say OK." },
      ],
    });
    const latency = Math.round(performance.now() - started);
    let reply = (completion.choices?.[0]?.message?.content ?? "").trim();
    if (options.apiKey) reply = reply.replaceAll(options.apiKey, "[api key]");
    return {
      ok: true,
      latency_ms: latency,
      model: typeof completion.model === "string" && completion.model
        ? completion.model
        : context.model,
      reply: reply.length > MAX_REPLY ? `${reply.slice(0, MAX_REPLY)}…` : reply,
    };
  } catch (error) {
    const mapped = toClassifyError(error, context);
    if (mapped instanceof AppError && mapped.code === "classify.auth_failed") {
      const status = (error as { status?: number }).status;
      if (status === 401) {
        throw new AppError(
          mapped.code,
          mapped.status,
          `The endpoint refused the API key. ${context.host} answered 401: check the key.`,
          { expose: true },
        );
      }
    }
    throw mapped;
  }
}
