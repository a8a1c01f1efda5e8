import { z } from "zod";
import { defineJob } from "../../jobs/job_definition.ts";
import { createDocumentsRepo } from "../documents_repo.ts";

/**
 * Uploads that were never confirmed: their rows and objects go after an hour (SPEC
 * §4.3). Runs every ten minutes; nothing was charged to the quota for them.
 */
export const cleanupPendingJob = defineJob({
  kind: "documents.cleanup_pending",
  schema: z.object({}).strict(),
  maxAttempts: 3,
  async handle(_payload, { deps, logger }) {
    const repo = createDocumentsRepo(deps.db);
    let removed = 0;
    while (true) {
      const expired = await repo.deleteExpiredPending(deps.clock.now());
      for (const { object_key } of expired) {
        await deps.storage.delete(object_key).catch((error) =>
          logger.warn("could not delete an expired upload's object", { error: String(error) })
        );
      }
      removed += expired.length;
      if (expired.length === 0) break;
    }
    if (removed > 0) logger.info("removed expired uploads", { removed });
  },
});

export const CLEANUP_PENDING_EVERY_MS = 10 * 60_000;
