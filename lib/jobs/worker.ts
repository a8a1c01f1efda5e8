/**
 * The consuming side of the job system. A worker receives job ids (from its process's
 * Deno KV queue, and from sweeps of the jobs table), claims each job with a lease,
 * runs its handler with a time limit, renews the lease while it runs, and records the
 * outcome: succeeded, queued again after a back-off, or dead after its last attempt.
 *
 * A sweep runs at start, periodically, when another process NOTIFYs, and when a slot
 * frees up. It requeues jobs whose worker died (expired lease), and takes due jobs
 * whose delivery was lost or that another process enqueued.
 */
import { z } from "zod";
import type { Deps } from "../app/deps.ts";
import { describeError } from "../shared/errors.ts";
import {
  type AnyJobDefinition,
  backoffDelay,
  DEFAULT_TIMEOUT_MS,
  PermanentJobError,
} from "./job_definition.ts";
import type { JobRow } from "./jobs_repo.ts";
import { JOBS_CHANNEL, kvMessageSchema } from "./queue.ts";

export interface PeriodicJob {
  definition: AnyJobDefinition;
  everyMs: number;
  payload?: unknown;
}

export interface WorkerOptions {
  deps: Deps;
  registry: readonly AnyJobDefinition[];
  /** Jobs run at once in this process. */
  concurrency: number;
  /** How long a claimed job stays ours without a heartbeat. Default 60 s. */
  leaseMs?: number;
  /** Default 15 s. */
  sweepIntervalMs?: number;
  /** A dispatched job not started after this long is taken by a sweep. Default 60 s. */
  staleDispatchMs?: number;
  /**
   * Treat every running job as orphaned at start. Only true in the embedded mode, where
   * holding the data-dir lock proves no other process can be running one.
   */
  recoverAllRunningAtStart?: boolean;
  periodic?: readonly PeriodicJob[];
}

export interface Worker extends AsyncDisposable {
  readonly id: string;
  /** Stop taking jobs; wait for running ones up to `deadlineMs`, then give them back. */
  stop(deadlineMs?: number): Promise<void>;
  /** Run a sweep now (tests, and the NOTIFY listener). */
  sweep(): Promise<void>;
  /** Resolves once nothing runs or waits in this worker. */
  idle(): Promise<void>;
}

class ShutdownAbort extends Error {
  constructor() {
    super("The worker shut down before the job finished.");
  }
}

class LeaseLost extends Error {
  constructor() {
    super("The job's lease was lost; another worker may run it.");
  }
}

class JobTimeout extends Error {
  constructor(ms: number) {
    super(
      `The job took longer than its limit of ${
        ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`
      }.`,
    );
  }
}

function periodicKey(kind: string) {
  return `periodic:${kind}`;
}

/** Reject as soon as the signal aborts, whatever the handler does with it. */
function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}

export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const { deps, concurrency } = options;
  const { queue, kv } = deps;
  const repo = queue.repo;
  const leaseMs = options.leaseMs ?? 60_000;
  const heartbeatMs = Math.max(50, Math.floor(leaseMs / 3));
  const sweepIntervalMs = options.sweepIntervalMs ?? 15_000;
  const staleDispatchMs = options.staleDispatchMs ?? 60_000;
  const id = `${Deno.hostname()}:${Deno.pid}:${crypto.randomUUID().slice(0, 8)}`;
  const logger = deps.logger.child({ worker_id: id });
  const registry = new Map(options.registry.map((def) => [def.kind, def]));
  const periodic = new Map((options.periodic ?? []).map((p) => [p.definition.kind, p]));

  const backlog = new Set<string>();
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  let stopping = false;
  let sweeping: Promise<void> | null = null;
  let sweepAgain = false;
  let idleWaiters: (() => void)[] = [];

  function notifyIdle() {
    if (running.size === 0 && backlog.size === 0 && !sweeping) {
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
    }
  }

  function submit(jobId: string) {
    if (stopping) {
      repo.undispatch([jobId]).catch(() => {});
      return;
    }
    if (running.has(jobId) || backlog.has(jobId)) return;
    backlog.add(jobId);
    pump();
  }

  function pump() {
    while (!stopping && running.size < concurrency && backlog.size > 0) {
      const jobId = backlog.values().next().value!;
      backlog.delete(jobId);
      const controller = new AbortController();
      const done = runOne(jobId, controller)
        .catch((error) => logger.error("job runner failed", { job_id: jobId, error }))
        .finally(() => {
          running.delete(jobId);
          if (backlog.size > 0) pump();
          else if (!stopping) requestSweep();
          notifyIdle();
        });
      running.set(jobId, { controller, done });
    }
  }

  async function runOne(jobId: string, controller: AbortController): Promise<void> {
    const job = await repo.claim(jobId, id, leaseMs);
    if (!job) return; // done, taken by another worker, or not due yet
    const log = logger.child({ job_id: job.id, kind: job.kind, attempt: job.attempts });
    const definition = registry.get(job.kind);
    if (!definition) {
      await repo.bury(job.id, `Unknown job kind "${job.kind}".`);
      log.error("job dead: unknown kind");
      return;
    }
    const parsed = definition.schema.safeParse(job.payload);
    if (!parsed.success) {
      const reason = `Invalid payload: ${z.prettifyError(parsed.error)}`;
      await repo.bury(job.id, reason);
      log.error("job dead: invalid payload", { reason });
      return;
    }

    const timeoutMs = definition.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timeout = setTimeout(() => controller.abort(new JobTimeout(timeoutMs)), timeoutMs);
    const heartbeat = setInterval(() => {
      repo.renewLease(job.id, id, leaseMs).then((owned) => {
        if (!owned) controller.abort(new LeaseLost());
      }).catch((error) => log.warn("lease renewal failed", { error: describeError(error) }));
    }, heartbeatMs);
    const started = performance.now();
    log.info("job started");
    try {
      await Promise.race([
        definition.handle(parsed.data, {
          jobId: job.id,
          attempt: job.attempts,
          maxAttempts: job.max_attempts,
          signal: controller.signal,
          logger: log,
          deps,
          reportProgress: (progress) => repo.setProgress(job.id, id, progress),
        }),
        untilAborted(controller.signal),
      ]);
      if (await repo.complete(job.id, id)) {
        log.info("job succeeded", { ms: Math.round(performance.now() - started) });
        await schedulePeriodic(job);
      } else {
        log.warn("job finished but its lease was lost; the result stands, the record does not");
      }
    } catch (error) {
      await recordFailure(job, definition, error, log);
    } finally {
      clearTimeout(timeout);
      clearInterval(heartbeat);
    }
  }

  async function recordFailure(
    job: JobRow,
    definition: AnyJobDefinition,
    error: unknown,
    log: typeof logger,
  ) {
    if (error instanceof LeaseLost) {
      log.warn("job abandoned: lease lost");
      return;
    }
    if (error instanceof ShutdownAbort) {
      await repo.release(job.id, id);
      log.warn("job given back at shutdown");
      return;
    }
    const message = describeError(error);
    const permanent = error instanceof PermanentJobError;
    const retryIn = !permanent && job.attempts < job.max_attempts
      ? backoffDelay(definition, job.attempts)
      : null;
    const outcome = await repo.fail(job.id, id, message, retryIn);
    if (outcome === "retry") {
      log.warn("job failed; will retry", { error: message, retry_in_ms: retryIn });
      await queue.dispatch(job.id, retryIn!);
    } else if (outcome === "dead") {
      log.error("job dead", { error: message, attempts: job.attempts });
      await schedulePeriodic(job);
    }
  }

  /** Periodic jobs schedule their next run when one finishes. */
  async function schedulePeriodic(job: JobRow) {
    const entry = periodic.get(job.kind);
    if (!entry) return;
    await queue.enqueue(entry.definition, entry.payload ?? {}, {
      dedupeKey: periodicKey(job.kind),
      delayMs: entry.everyMs,
    });
  }

  async function sweepOnce(first: boolean) {
    const recovered = await repo.recoverOrphans({
      all: first && options.recoverAllRunningAtStart === true,
    });
    if (recovered.requeued + recovered.dead > 0) {
      logger.warn("recovered jobs from a stopped worker", recovered);
    }
    if (first && options.recoverAllRunningAtStart) await repo.undispatchAll();
    for (const entry of periodic.values()) {
      await queue.enqueue(entry.definition, entry.payload ?? {}, {
        dedupeKey: periodicKey(entry.definition.kind),
      });
    }
    const free = concurrency - running.size - backlog.size;
    for (const jobId of await repo.takeReady(free, staleDispatchMs)) submit(jobId);
  }

  function requestSweep(first = false): Promise<void> {
    if (stopping) return Promise.resolve();
    if (sweeping) {
      sweepAgain = true;
      return sweeping;
    }
    sweeping = (async () => {
      try {
        do {
          sweepAgain = false;
          await sweepOnce(first);
          first = false;
        } while (sweepAgain && !stopping);
      } catch (error) {
        logger.error("job sweep failed", { error: describeError(error) });
      } finally {
        sweeping = null;
        notifyIdle();
      }
    })();
    return sweeping;
  }

  // Deliveries from this process's KV queue. Never throw here: KV would redeliver, and
  // retries are ours to schedule.
  kv.listenQueue((message: unknown) => {
    const parsed = kvMessageSchema.safeParse(message);
    if (parsed.success) submit(parsed.data.job_id);
    else logger.warn("ignored an unknown KV queue message");
  }).catch((error) => logger.error("KV queue listener stopped", { error: describeError(error) }));
  queue.attachLocalWorker();

  const unlisten = deps.dbEngine === "postgres"
    ? await deps.database.listen(JOBS_CHANNEL, () => void requestSweep())
    : null;
  const interval = setInterval(() => void requestSweep(), sweepIntervalMs);
  await requestSweep(true);
  logger.info("worker started", { concurrency, kinds: [...registry.keys()] });

  async function stop(deadlineMs = 8_000) {
    if (stopping) return;
    stopping = true;
    clearInterval(interval);
    queue.detachLocalWorker();
    await unlisten?.().catch(() => {});
    const waiting = [...backlog];
    backlog.clear();
    await repo.undispatch(waiting).catch(() => {});
    await sweeping?.catch(() => {});
    const all = () => Promise.allSettled([...running.values()].map((r) => r.done));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise((resolve) => {
      timer = setTimeout(resolve, deadlineMs);
    });
    await Promise.race([all(), deadline]);
    clearTimeout(timer);
    if (running.size > 0) {
      logger.warn("stopping jobs still running at the shutdown deadline", {
        jobs: [...running.keys()],
      });
      for (const entry of running.values()) entry.controller.abort(new ShutdownAbort());
      await all();
    }
    logger.info("worker stopped");
  }

  return {
    id,
    stop,
    [Symbol.asyncDispose]: () => stop(),
    sweep: () => requestSweep(),
    idle() {
      return new Promise((resolve) => {
        idleWaiters.push(resolve);
        notifyIdle();
      });
    },
  };
}
