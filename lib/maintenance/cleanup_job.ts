import { z } from "zod";
import { defineJob } from "../jobs/job_definition.ts";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/**
 * Hourly housekeeping: remove what interrupted uploads left in storage, and prune the
 * record of finished jobs (dead ones are kept longer, for inspection).
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
    logger.info("cleanup done", { incomplete_removed: incompleteRemoved, jobs_pruned: jobsPruned });
  },
});

export const CLEANUP_EVERY_MS = HOUR;
