import { z } from "zod";
import { defineJob } from "../../jobs/job_definition.ts";
import { AppError } from "../../shared/errors.ts";
import { createDocumentsRepo } from "../documents_repo.ts";
import { processDocument } from "../pipeline.ts";

/** Extract, classify and index one document (see pipeline.ts). */
export const processDocumentJob = defineJob({
  kind: "documents.process",
  schema: z.object({ document_id: z.uuid() }),
  maxAttempts: 4,
  backoffMs: 10_000,
  timeoutMs: 15 * 60_000,
  async handle({ document_id }, ctx) {
    try {
      await processDocument(ctx.deps, document_id, ctx);
    } catch (error) {
      // The last attempt: the document must not stay "processing" for ever.
      if (ctx.attempt >= ctx.maxAttempts) {
        await createDocumentsRepo(ctx.deps.db).setStatus(
          document_id,
          "error",
          `Processing failed ${ctx.maxAttempts} times: ${userFacing(error, ctx.jobId)} ` +
            "Re-analyse it to try again.",
        ).catch((cause) =>
          ctx.logger.error("could not mark the document as failed", { error: String(cause) })
        );
      }
      throw error;
    }
  },
});

/** Our own errors say what happened; anything else is named by the job in the server log. */
function userFacing(error: unknown, jobId: string): string {
  if (error instanceof AppError && error.expose) return error.message;
  return `an unexpected error (job ${jobId} in the server log).`;
}
