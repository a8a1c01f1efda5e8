/**
 * Every job kind the workers run, and the periodic ones. A job's handler lives in its
 * domain; this is the one list that wires them up.
 */
import type { AnyJobDefinition } from "../lib/jobs/job_definition.ts";
import type { PeriodicJob } from "../lib/jobs/worker.ts";
import { CLEANUP_EVERY_MS, cleanupJob } from "../lib/maintenance/cleanup_job.ts";

export const jobRegistry: readonly AnyJobDefinition[] = [cleanupJob];

export const periodicJobs: readonly PeriodicJob[] = [
  { definition: cleanupJob, everyMs: CLEANUP_EVERY_MS },
];
