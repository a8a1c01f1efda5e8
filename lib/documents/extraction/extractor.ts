/**
 * PDF text extraction isolated from the server (SPEC §4.4, §6 "Worker limits"): a small
 * pool of persistent child processes (child_handle.ts), each working on one PDF at a time
 * under a time limit and a memory bound. Jobs queue while every child is busy. A child
 * that is killed or dies fails its own job only and is replaced on the next job, so a
 * hostile PDF costs one extraction — never the process that asked.
 *
 * The children persist because starting one (a Deno process loading pdf.js) costs about
 * 200 ms, several times the extraction of a typical document.
 */
import type { Logger } from "../../app/logger.ts";
import { ServiceUnavailableError } from "../../shared/errors.ts";
import { type ExtractionChild, spawnExtractionChild } from "./child_handle.ts";
import {
  ExtractionError,
  type ExtractionResult,
  type ExtractOptions,
  type Extractor,
} from "./extraction_types.ts";
import { createRssSampler } from "./rss_sampler.ts";

export interface ExtractorOptions {
  /** Child processes, i.e. PDFs read at the same time. Default 1. */
  poolSize?: number;
  /** Per PDF; the child is killed when it is up. Default 60 s. */
  timeoutMs?: number;
  /** Bound on a working child's resident memory. Default 768 MB. */
  memoryLimitMb?: number;
  /** Pages whose text is read; the page count still counts them all. Default 2,000. */
  maxPages?: number;
  /** Characters of text kept. Default 2,000,000. */
  maxTextChars?: number;
  logger: Logger;
}

/** How long a new child may take to load pdf.js before extraction counts as unavailable. */
const STARTUP_TIMEOUT_MS = 30_000;
/** A child is replaced after this many jobs, so that a slow leak in pdf.js stays bounded. */
const JOBS_PER_CHILD = 500;
/** …or when it still holds this share of the memory bound after a job. */
const RETIRE_AT_MEMORY_SHARE = 0.75;
/** The protocol's frames carry 32-bit lengths. */
const MAX_PDF_BYTES = 0xffff_ffff;

interface Job {
  pdf: Uint8Array;
  signal?: AbortSignal;
  resolve(result: ExtractionResult): void;
  reject(error: unknown): void;
}

interface Slot {
  child: ExtractionChild | null;
  jobsDone: number;
  /** The job in progress, settled once the slot is free again. */
  running: Promise<void> | null;
}

/** Create the extractor; call `close()` (or `await using`) to stop its processes. */
export function createExtractor(options: ExtractorOptions): Extractor & AsyncDisposable {
  const poolSize = positiveInteger("poolSize", options.poolSize ?? 1);
  const timeoutMs = positiveInteger("timeoutMs", options.timeoutMs ?? 60_000);
  const rss = createRssSampler();
  const childOptions = {
    memoryLimitMb: positiveInteger("memoryLimitMb", options.memoryLimitMb ?? 768),
    maxPages: positiveInteger("maxPages", options.maxPages ?? 2_000),
    maxTextChars: positiveInteger("maxTextChars", options.maxTextChars ?? 2_000_000),
    readRssKiB: rss.read,
    logger: options.logger,
  };
  const slots: Slot[] = Array.from({ length: poolSize }, () => ({
    child: null,
    jobsDone: 0,
    running: null,
  }));
  const queue: Job[] = [];
  let closing: Promise<void> | null = null;

  function pump() {
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (slot.running) continue;
      const job = queue.shift()!;
      slot.running = runJob(slot, job).finally(() => {
        slot.running = null;
        if (!closing) pump();
      });
    }
  }

  async function runJob(slot: Slot, job: Job) {
    try {
      const child = await readyChild(slot, job.signal);
      job.resolve(await child.run(job.pdf, { timeoutMs, signal: job.signal }));
    } catch (error) {
      job.reject(error);
    }
    await retireIfWorn(slot);
  }

  /** Give the slot a child if it has none or it died. */
  function startChild(slot: Slot): ExtractionChild {
    if (!slot.child?.alive()) {
      try {
        slot.child = spawnExtractionChild(childOptions);
      } catch (error) {
        // No permission to run Deno.execPath(), or no such file: the host's problem.
        options.logger.error("cannot start an extraction child", { error });
        throw unavailableError(error);
      }
      slot.jobsDone = 0;
    }
    return slot.child;
  }

  function warm() {
    if (closing) return;
    for (const slot of slots) {
      if (slot.running) continue;
      try {
        // A child that fails to start is dealt with (and logged) by the next job.
        startChild(slot);
      } catch {
        return; // logged by startChild; the next job reports it
      }
    }
  }

  /** The slot's child, started (again) if it has none or it died; waits until it is ready. */
  async function readyChild(slot: Slot, signal?: AbortSignal): Promise<ExtractionChild> {
    const child = startChild(slot);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onAbort: (() => void) | undefined;
    try {
      await Promise.race([
        child.ready,
        new Promise<never>((_, reject) => {
          const late = new Error(`no "ready" within ${STARTUP_TIMEOUT_MS} ms`);
          timer = setTimeout(() => reject(late), STARTUP_TIMEOUT_MS);
        }),
        new Promise<never>((_, reject) => {
          onAbort = () => reject(signal!.reason);
          signal?.addEventListener("abort", onAbort, { once: true });
        }),
      ]);
      return child;
    } catch (error) {
      if (signal?.aborted) throw signal.reason; // the child starts on for the next job
      if (closing) throw closedError();
      await child.kill(error);
      slot.child = null;
      options.logger.error("extraction child did not start", { error, pid: child.pid });
      throw unavailableError(error);
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener("abort", onAbort);
    }
  }

  /**
   * Replace a child that died, has done many jobs, or kept much of its memory — as it
   * said with its answer: reading /proc here would keep the next job waiting for this
   * process's event loop (see `JobAnswer`).
   */
  async function retireIfWorn(slot: Slot) {
    const child = slot.child;
    if (!child) return;
    if (!child.alive()) {
      slot.child = null;
      return;
    }
    slot.jobsDone++;
    const kib = child.rssKiBAfterLastJob();
    const bound = childOptions.memoryLimitMb * 1024 * RETIRE_AT_MEMORY_SHARE;
    if (slot.jobsDone >= JOBS_PER_CHILD || (kib !== null && kib > bound)) {
      options.logger.debug("retiring extraction child", {
        pid: child.pid,
        jobs: slot.jobsDone,
        rss_mb: kib === null ? null : Math.round(kib / 1024),
      });
      slot.child = null;
      await child.kill(new Error("retired"));
    }
  }

  function extract(pdf: Uint8Array, extractOptions: ExtractOptions = {}) {
    const { signal } = extractOptions;
    if (closing) return Promise.reject(closedError());
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (pdf.length > MAX_PDF_BYTES) {
      return Promise.reject(
        new ExtractionError("too_big", "This PDF is too large for DocuVault to read."),
      );
    }
    return new Promise<ExtractionResult>((resolve, reject) => {
      const job: Job = { pdf, signal, resolve, reject };
      // While queued, an abort just takes the job out; once running, the child sees it.
      const onAbort = () => {
        const index = queue.indexOf(job);
        if (index >= 0) {
          queue.splice(index, 1);
          reject(signal!.reason);
        }
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      job.resolve = (result) => {
        signal?.removeEventListener("abort", onAbort);
        resolve(result);
      };
      job.reject = (error) => {
        signal?.removeEventListener("abort", onAbort);
        reject(error);
      };
      queue.push(job);
      pump();
    });
  }

  function close(): Promise<void> {
    closing ??= (async () => {
      for (const job of queue.splice(0)) job.reject(closedError());
      await Promise.all(slots.map((slot) => slot.child?.kill(closedError())));
      // Their jobs fail with the kill's reason; wait for them to let go of the slots.
      await Promise.all(slots.map((slot) => slot.running));
      await rss.close();
    })();
    return closing;
  }

  return { extract, warm, close, [Symbol.asyncDispose]: close };
}

function unavailableError(cause: unknown): ServiceUnavailableError {
  return new ServiceUnavailableError(
    "extraction.unavailable",
    "DocuVault cannot read PDFs right now. Please try again later.",
    { cause },
  );
}

function closedError(): ServiceUnavailableError {
  return new ServiceUnavailableError(
    "extraction.closed",
    "DocuVault is shutting down and cannot read this PDF now. Please try again later.",
  );
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new RangeError(`createExtractor: ${name} must be a positive integer, not ${value}`);
  }
  return value;
}
