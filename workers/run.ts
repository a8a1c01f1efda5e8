/**
 * Start the job worker of a process with the app's configuration. Used by main.ts
 * (in-process workers) and workers/main.ts (a worker-only process).
 */
import type { Deps } from "../lib/app/deps.ts";
import type { AnyJobDefinition } from "../lib/jobs/job_definition.ts";
import { type PeriodicJob, startWorker, type Worker } from "../lib/jobs/worker.ts";
import { processDocumentJob } from "../lib/documents/jobs/process_document_job.ts";
import { jobRegistry, periodicJobs } from "./registry.ts";

export interface RunWorkerOptions {
  concurrency?: number;
  registry?: readonly AnyJobDefinition[];
  periodic?: readonly PeriodicJob[];
  leaseMs?: number;
  sweepIntervalMs?: number;
}

export async function runWorker(deps: Deps, options: RunWorkerOptions = {}): Promise<Worker> {
  const registry = options.registry ?? jobRegistry;
  // The first document should not wait for a PDF reader process to start.
  if (registry.some((job) => job.kind === processDocumentJob.kind)) deps.extractor.warm();
  return await startWorker({
    deps,
    registry,
    periodic: options.periodic ?? periodicJobs,
    // WORKERS PDF readers (deps.extractor's children) and one job more: while a reader
    // works on the next document, the previous one is classified and indexed here,
    // instead of the reader waiting for that (ingest of the corpus: 2.97 → 2.86× pdftotext).
    concurrency: options.concurrency ?? Math.max(1, deps.config.workers) + 1,
    // Holding the embedded data-dir lock proves no other process runs a job.
    recoverAllRunningAtStart: deps.config.mode === "embedded",
    leaseMs: options.leaseMs,
    sweepIntervalMs: options.sweepIntervalMs,
  });
}
