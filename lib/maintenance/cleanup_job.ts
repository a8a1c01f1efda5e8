import { z } from "zod";
import { createSessionsRepo } from "../auth/sessions_repo.ts";
import { createThrottleRepo } from "../auth/throttle_repo.ts";
import { defineJob } from "../jobs/job_definition.ts";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/**
 * Hourly housekeeping: remove what interrupted uploads left in storage, prune the record
 * of finished jobs (dead ones are kept longer, for inspection), sessions that ended a
 * month ago, and stale failed-sign-in counters.
 */
export const cleanupJob = defineJob({
  kind: "maintenance.cleanup",
  schema: z.object({}).strict(),
  maxAttempts: 3,
  timeoutMs: 15 * 60_000,
  async handle(_payload, { deps, logger }) {
    const cutoff = new Date(deps.clock.now().getTime() - HOUR);
    const incompleteRemoved = await deps.storage.cleanupIncomplete(cutoff);
    const jobsPruned = await deps.queue.repo.pruneFinished(14 * DAY, 30 * DAY);
    const now = deps.clock.now().getTime();
    const sessionsPruned = await createSessionsRepo(deps.db).pruneEnded(new Date(now - 30 * DAY));
    const throttlesPruned = await createThrottleRepo(deps.db).pruneOlderThan(new Date(now - DAY));
    logger.info("cleanup done", {
      incomplete_removed: incompleteRemoved,
      jobs_pruned: jobsPruned,
      sessions_pruned: sessionsPruned,
      throttles_pruned: throttlesPruned,
    });
  },
});

export const CLEANUP_EVERY_MS = HOUR;
