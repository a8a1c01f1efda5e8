/**
 * A job kind: its name, the zod schema of its payload and its handler. Handlers live in
 * their domain (e.g. lib/documents/jobs/extract_job.ts) and are listed in one registry
 * (workers/registry.ts). A handler must be idempotent: after a crash the same job may
 * run again, and it must then have the same effect once.
 */
import type { z } from "zod";
import type { Deps } from "../app/deps.ts";
import type { Logger } from "../app/logger.ts";
import { AppError } from "../shared/errors.ts";

export interface JobContext {
  jobId: string;
  /** 1 on the first run, 2 on the first retry … */
  attempt: number;
  maxAttempts: number;
  /** Aborted on timeout, on shutdown past the deadline, or when the lease was lost. */
  signal: AbortSignal;
  logger: Logger;
  deps: Deps;
  /** Record progress for long jobs (shown in admin pages). */
  reportProgress(progress: Record<string, unknown>): Promise<void>;
}

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  /** Stable name, `<domain>.<action>`, stored in the jobs table. */
  kind: string;
  schema: S;
  /** Runs before the job goes dead. Default 5. */
  maxAttempts?: number;
  /** The handler's time limit. Default 10 minutes. */
  timeoutMs?: number;
  /** First retry delay; doubles each attempt up to `maxBackoffMs`. Default 2 s. */
  backoffMs?: number;
  maxBackoffMs?: number;
  handle(payload: z.output<S>, ctx: JobContext): Promise<void>;
}

/** Identity helper that keeps the payload type tied to the schema. */
export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}

// deno-lint-ignore no-explicit-any
export type AnyJobDefinition = JobDefinition<any>;

/** Throw this from a handler when retrying cannot help: the job goes dead at once. */
export class PermanentJobError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("jobs.permanent_failure", 500, message, { expose: true, cause: options?.cause });
  }
}

export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_TIMEOUT_MS = 10 * 60_000;
const DEFAULT_BACKOFF_MS = 2_000;
const DEFAULT_MAX_BACKOFF_MS = 10 * 60_000;

/** Delay before retry number `attempt` (1-based): exponential, capped, ±20 % jitter. */
export function backoffDelay(
  definition: Pick<JobDefinition, "backoffMs" | "maxBackoffMs">,
  attempt: number,
  random: () => number = Math.random,
): number {
  const base = definition.backoffMs ?? DEFAULT_BACKOFF_MS;
  const cap = definition.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS;
  const raw = Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(raw * (0.8 + 0.4 * random()));
}
