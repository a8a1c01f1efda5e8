/**
 * All SQL of the job system. Times come from the database's clock (`now()`), not the
 * process's: leases are compared across processes and hosts, so they need one clock.
 * Every state change is a conditional UPDATE, so two processes can never both own a job.
 */
import { type ExpressionBuilder, type Kysely, type Selectable, sql } from "kysely";
import { jsonb } from "../app/db.ts";
import type { Database, JobsTable, JobStatus } from "../app/db_schema.ts";

export type JobRow = Selectable<JobsTable>;

export interface NewJob {
  kind: string;
  payload: unknown;
  maxAttempts: number;
  delayMs: number;
  dedupeKey?: string;
  /** Whether a delivery is already arranged (then sweeps leave it alone for a while). */
  dispatched: boolean;
}

const ACTIVE: JobStatus[] = ["queued", "running"];

function msInterval(ms: number) {
  return sql<string>`make_interval(secs => ${ms / 1000})`;
}

export function createJobsRepo(db: Kysely<Database>) {
  return {
    /**
     * Insert a job. With a dedupe key, an active job with the same key wins and its id is
     * returned with `deduplicated: true`.
     */
    async insert(job: NewJob): Promise<{ id: string; deduplicated: boolean }> {
      const runAfter = sql<Date>`now() + ${msInterval(job.delayMs)}`;
      const inserted = await db.insertInto("jobs")
        .values({
          kind: job.kind,
          payload: jsonb(job.payload) as never,
          max_attempts: job.maxAttempts,
          dedupe_key: job.dedupeKey ?? null,
          run_after: runAfter as never,
          // A dispatched job counts as handed over at its due time (see takeReady).
          dispatched_at: job.dispatched ? runAfter as never : null,
        })
        // The predicate must be literal SQL: PostgreSQL matches a partial unique index to
        // ON CONFLICT only when it can prove the predicates equal, which it cannot with
        // bound parameters.
        .onConflict((oc) =>
          oc.column("dedupe_key").where(sql<boolean>`status in ('queued', 'running')`).doNothing()
        )
        .returning("id")
        .executeTakeFirst();
      if (inserted) return { id: inserted.id, deduplicated: false };
      const existing = await db.selectFrom("jobs").select("id")
        .where("dedupe_key", "=", job.dedupeKey!)
        .where("status", "in", ACTIVE)
        .executeTakeFirstOrThrow();
      return { id: existing.id, deduplicated: true };
    },

    async get(id: string): Promise<JobRow | undefined> {
      return await db.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirst();
    },

    /** Take a due, queued job for `workerId`: running, leased, attempt counted. */
    async claim(id: string, workerId: string, leaseMs: number): Promise<JobRow | undefined> {
      return await db.updateTable("jobs")
        .set({
          status: "running",
          attempts: sql`attempts + 1`,
          locked_by: workerId,
          lease_expires_at: sql`now() + ${msInterval(leaseMs)}`,
          started_at: sql`now()`,
          updated_at: sql`now()`,
        })
        .where("id", "=", id)
        .where("status", "=", "queued")
        // A KV delivery can arrive a moment before the database's clock says the job is
        // due; a little tolerance keeps such a job from waiting for the next sweep.
        .where("run_after", "<=", sql<Date>`now() + interval '2 seconds'`)
        .returningAll()
        .executeTakeFirst();
    },

    /** Extend the lease; false means the job is no longer ours. */
    async renewLease(id: string, workerId: string, leaseMs: number): Promise<boolean> {
      const result = await db.updateTable("jobs")
        .set({ lease_expires_at: sql`now() + ${msInterval(leaseMs)}`, updated_at: sql`now()` })
        .where("id", "=", id)
        .where("status", "=", "running")
        .where("locked_by", "=", workerId)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async complete(id: string, workerId: string): Promise<boolean> {
      const result = await db.updateTable("jobs")
        .set({
          status: "succeeded",
          last_error: null,
          locked_by: null,
          lease_expires_at: null,
          finished_at: sql`now()`,
          updated_at: sql`now()`,
        })
        .where("id", "=", id)
        .where("status", "=", "running")
        .where("locked_by", "=", workerId)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /** The most recent dead jobs, newest first (no payloads: they may name documents). */
    async listDead(limit: number) {
      return await db.selectFrom("jobs")
        .select(["id", "kind", "attempts", "last_error", "finished_at"])
        .where("status", "=", "dead").orderBy("finished_at", "desc").limit(limit).execute();
    },

    /** Give a dead job a fresh set of attempts; false when it is not dead (any more). */
    async requeueDead(id: string): Promise<boolean> {
      const result = await db.updateTable("jobs")
        .set({
          status: "queued",
          attempts: 0,
          last_error: null,
          run_after: sql`now()`,
          dispatched_at: null,
          finished_at: null,
          updated_at: sql`now()`,
        })
        .where("id", "=", id).where("status", "=", "dead").executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /** Record a failed run: back to queued after `retryInMs`, or dead when that is null. */
    async fail(
      id: string,
      workerId: string,
      error: string,
      retryInMs: number | null,
    ): Promise<"retry" | "dead" | "lost"> {
      const retry = retryInMs !== null;
      const result = await db.updateTable("jobs")
        .set({
          status: retry ? "queued" : "dead",
          last_error: error.slice(0, 2000),
          locked_by: null,
          lease_expires_at: null,
          run_after: retry ? sql`now() + ${msInterval(retryInMs)}` : sql`run_after`,
          dispatched_at: retry ? sql`now() + ${msInterval(retryInMs)}` : sql`dispatched_at`,
          finished_at: retry ? null : sql`now()`,
          updated_at: sql`now()`,
        })
        .where("id", "=", id)
        .where("status", "=", "running")
        .where("locked_by", "=", workerId)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) return "lost";
      return retry ? "retry" : "dead";
    },

    /** Mark a job dead without running it (unknown kind, bad payload). */
    async bury(id: string, error: string): Promise<void> {
      await db.updateTable("jobs")
        .set({
          status: "dead",
          last_error: error.slice(0, 2000),
          locked_by: null,
          lease_expires_at: null,
          finished_at: sql`now()`,
          updated_at: sql`now()`,
        })
        .where("id", "=", id)
        .where("status", "in", ACTIVE)
        .execute();
    },

    /** Give a job back untouched (shutdown before it could finish): the run does not count. */
    async release(id: string, workerId: string): Promise<void> {
      await db.updateTable("jobs")
        .set({
          status: "queued",
          attempts: sql`greatest(attempts - 1, 0)`,
          locked_by: null,
          lease_expires_at: null,
          dispatched_at: null,
          run_after: sql`now()`,
          updated_at: sql`now()`,
        })
        .where("id", "=", id)
        .where("status", "=", "running")
        .where("locked_by", "=", workerId)
        .execute();
    },

    /** Forget that these jobs were handed to a worker, so the next sweep takes them. */
    async undispatch(ids: string[]): Promise<void> {
      if (ids.length === 0) return;
      await db.updateTable("jobs").set({ dispatched_at: null })
        .where("id", "in", ids).where("status", "=", "queued").execute();
    },

    /** Forget every delivery in flight (embedded start: this process owns them all). */
    async undispatchAll(): Promise<void> {
      await db.updateTable("jobs").set({ dispatched_at: null })
        .where("status", "=", "queued").where("dispatched_at", "is not", null).execute();
    },

    /**
     * Put running jobs whose worker is gone back in the queue (or bury them when out of
     * attempts). With `all`, every running job counts as orphaned: only right for the
     * embedded mode, where this process holds the data-dir lock.
     */
    async recoverOrphans(options: { all: boolean }): Promise<{ requeued: number; dead: number }> {
      const orphaned = (eb: ExpressionBuilder<Database, "jobs">) =>
        options.all
          ? eb("status", "=", "running")
          : eb.and([eb("status", "=", "running"), eb("lease_expires_at", "<", sql<Date>`now()`)]);
      const dead = await db.updateTable("jobs").where(orphaned)
        .where("attempts", ">=", sql<number>`max_attempts`)
        .set({
          status: "dead",
          last_error: "The worker running this job stopped before it finished (no attempts left).",
          locked_by: null,
          lease_expires_at: null,
          finished_at: sql`now()`,
          updated_at: sql`now()`,
        })
        .executeTakeFirst();
      const requeued = await db.updateTable("jobs").where(orphaned)
        .set({
          status: "queued",
          last_error: "The worker running this job stopped before it finished.",
          locked_by: null,
          lease_expires_at: null,
          dispatched_at: null,
          run_after: sql`now()`,
          updated_at: sql`now()`,
        })
        .executeTakeFirst();
      return { requeued: Number(requeued.numUpdatedRows), dead: Number(dead.numUpdatedRows) };
    },

    /**
     * Hand up to `limit` due jobs to the caller: those never dispatched, or dispatched so
     * long ago that the delivery must have been lost. SKIP LOCKED lets several workers
     * sweep at once without taking the same job.
     */
    async takeReady(limit: number, staleDispatchMs: number): Promise<string[]> {
      if (limit <= 0) return [];
      const rows = await db.updateTable("jobs")
        .set({ dispatched_at: sql`now()` })
        .where("id", "in", (eb) =>
          eb.selectFrom("jobs").select("id")
            .where("status", "=", "queued")
            .where("run_after", "<=", sql<Date>`now()`)
            .where((w) =>
              w.or([
                w("dispatched_at", "is", null),
                w("dispatched_at", "<", sql<Date>`now() - ${msInterval(staleDispatchMs)}`),
              ])
            )
            .orderBy("run_after")
            .limit(limit)
            .forUpdate()
            .skipLocked())
        .returning("id")
        .execute();
      return rows.map((row) => row.id);
    },

    async setProgress(id: string, workerId: string, progress: unknown): Promise<void> {
      await db.updateTable("jobs")
        .set({ progress: jsonb(progress) as never, updated_at: sql`now()` })
        .where("id", "=", id)
        .where("locked_by", "=", workerId)
        .execute();
    },

    async countByStatus(): Promise<Record<JobStatus, number>> {
      const rows = await db.selectFrom("jobs")
        .select(["status", (eb) => eb.fn.countAll<number>().as("count")])
        .groupBy("status")
        .execute();
      const counts: Record<JobStatus, number> = {
        queued: 0,
        running: 0,
        succeeded: 0,
        dead: 0,
        cancelled: 0,
      };
      for (const row of rows) counts[row.status] = Number(row.count);
      return counts;
    },

    /** Delete finished jobs older than `olderThanMs`; dead ones are kept for `deadOlderThanMs`. */
    async pruneFinished(olderThanMs: number, deadOlderThanMs: number): Promise<number> {
      const result = await db.deleteFrom("jobs")
        .where((w) =>
          w.or([
            w.and([
              w("status", "in", ["succeeded", "cancelled"]),
              w("finished_at", "<", sql<Date>`now() - ${msInterval(olderThanMs)}`),
            ]),
            w.and([
              w("status", "=", "dead"),
              w("finished_at", "<", sql<Date>`now() - ${msInterval(deadOlderThanMs)}`),
            ]),
          ])
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type JobsRepo = ReturnType<typeof createJobsRepo>;
