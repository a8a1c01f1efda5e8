/**
 * Every job kind the workers run, and the periodic ones. A job's handler lives in its
 * domain; this is the one list that wires them up.
 */
import type { AnyJobDefinition } from "../lib/jobs/job_definition.ts";
import type { PeriodicJob } from "../lib/jobs/worker.ts";
import {
  CLEANUP_PENDING_EVERY_MS,
  cleanupPendingJob,
} from "../lib/documents/jobs/cleanup_pending_job.ts";
import { deleteObjectJob } from "../lib/documents/jobs/delete_object_job.ts";
import { processDocumentJob } from "../lib/documents/jobs/process_document_job.ts";
import { CLEANUP_EVERY_MS, cleanupJob } from "../lib/maintenance/cleanup_job.ts";

export const jobRegistry: readonly AnyJobDefinition[] = [
  cleanupJob,
  processDocumentJob,
  deleteObjectJob,
  cleanupPendingJob,
];

export const periodicJobs: readonly PeriodicJob[] = [
  { definition: cleanupJob, everyMs: CLEANUP_EVERY_MS },
  { definition: cleanupPendingJob, everyMs: CLEANUP_PENDING_EVERY_MS },
];
