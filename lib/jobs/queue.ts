/**
 * The enqueue side of the job system. A job is first a row in `jobs` (durable), then a
 * delivery: a Deno KV queue message when this process runs workers, or a PostgreSQL
 * NOTIFY that wakes the worker processes when it does not. Deno KV queues only deliver
 * within the process that opened the KV store, which is why the table, not KV, is the
 * channel between processes. A lost delivery is recovered by the workers' sweep.
 */
import { type Kysely, sql } from "kysely";
import { z } from "zod";
import type { Database } from "../app/db_schema.ts";
import type { Logger } from "../app/logger.ts";
import { DEFAULT_MAX_ATTEMPTS, type JobDefinition } from "./job_definition.ts";
import { createJobsRepo, type JobsRepo } from "./jobs_repo.ts";

export const JOBS_CHANNEL = "docuvault_jobs";

/** What travels through Deno KV: only the id; the row holds the rest. */
export const kvMessageSchema = z.object({ job_id: z.uuid() });

export interface EnqueueOptions {
  delayMs?: number;
  /** At most one queued or running job per key (periodic and per-document jobs). */
  dedupeKey?: string;
  maxAttempts?: number;
  /**
   * Insert inside this transaction. The job is then not delivered by `enqueue`: call
   * `queue.dispatch(id)` after the commit (or let the sweep find it).
   */
  trx?: Kysely<Database>;
}

export interface Queue {
  readonly repo: JobsRepo;
  enqueue<S extends z.ZodType>(
    definition: JobDefinition<S>,
    payload: z.input<S>,
    options?: EnqueueOptions,
  ): Promise<{ id: string; deduplicated: boolean }>;
  /** Deliver a queued job now (or after `delayMs`). */
  dispatch(id: string, delayMs?: number): Promise<void>;
  /** Called by a worker in this process: from now on deliver through the local KV queue. */
  attachLocalWorker(): void;
  detachLocalWorker(): void;
}

export interface CreateQueueOptions {
  db: Kysely<Database>;
  kv: Deno.Kv;
  logger: Logger;
  /** PostgreSQL: other processes may run the workers, so wake them with NOTIFY. */
  notifyOtherProcesses: boolean;
}

export function createQueue(options: CreateQueueOptions): Queue {
  const { db, kv, logger } = options;
  const repo = createJobsRepo(db);
  let localWorkers = 0;

  async function dispatch(id: string, delayMs = 0): Promise<void> {
    if (localWorkers > 0) {
      await kv.enqueue({ job_id: id }, { delay: Math.max(0, Math.round(delayMs)) });
    } else if (options.notifyOtherProcesses) {
      // A delayed job is found by the workers' sweep when it is due.
      if (delayMs <= 0) {
        await sql`select pg_notify(${JOBS_CHANNEL}, ${id})`.execute(db);
      }
    } else {
      logger.warn("job queued but no worker runs in this process (WORKERS=0)", { job_id: id });
    }
  }

  return {
    repo,
    async enqueue(definition, payload, enqueueOptions = {}) {
      const parsed = definition.schema.safeParse(payload);
      if (!parsed.success) {
        throw new Error(
          `invalid payload for job ${definition.kind}: ${z.prettifyError(parsed.error)}`,
        );
      }
      const delayMs = enqueueOptions.delayMs ?? 0;
      const inTransaction = enqueueOptions.trx !== undefined;
      const target = inTransaction ? createJobsRepo(enqueueOptions.trx!) : repo;
      const result = await target.insert({
        kind: definition.kind,
        payload: parsed.data,
        maxAttempts: enqueueOptions.maxAttempts ?? definition.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        delayMs,
        dedupeKey: enqueueOptions.dedupeKey,
        dispatched: !inTransaction && localWorkers > 0,
      });
      if (!result.deduplicated && !inTransaction) await dispatch(result.id, delayMs);
      logger.debug("job enqueued", { job_id: result.id, kind: definition.kind, ...result });
      return result;
    },
    dispatch,
    attachLocalWorker() {
      localWorkers++;
    },
    detachLocalWorker() {
      localWorkers = Math.max(0, localWorkers - 1);
    },
  };
}
