import { z } from "zod";
import { defineJob } from "../../jobs/job_definition.ts";

/** Remove a deleted document's file when storage refused at delete time. */
export const deleteObjectJob = defineJob({
  kind: "documents.delete_object",
  schema: z.object({ object_key: z.string().min(1).max(512) }),
  maxAttempts: 10,
  backoffMs: 30_000,
  async handle({ object_key }, { deps }) {
    await deps.storage.delete(object_key);
  },
});
