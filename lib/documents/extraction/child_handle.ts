/**
 * The parent's side of one extraction child process (extract_child.ts): starts it, sends
 * it one PDF at a time, and enforces the limits of SPEC §6 on each job — SIGKILL when the
 * time is up or when its resident memory passes the bound. extractor.ts pools these.
 */
import { fileURLToPath } from "node:url";
import { PROJECT_ROOT } from "../../app/assets.ts";
import type { Logger } from "../../app/logger.ts";
import { describeError } from "../../shared/errors.ts";
import {
  type ChildMessage,
  createFrameReader,
  decodeMessage,
  FrameError,
  frameHeader,
} from "./child_protocol.ts";
import { ExtractionError, type ExtractionResult } from "./extraction_types.ts";
import { watchRss } from "./rss_sampler.ts";

const CHILD_SCRIPT = fileURLToPath(new URL("./extract_child.ts", import.meta.url));
/** pdf.js alone needs about this much heap; a smaller V8 limit would fail every job. */
const MIN_HEAP_MB = 64;
const STDERR_TAIL_CHARS = 4_000;

export interface ChildOptions {
  /** Bound on the child's resident memory while it works (and its V8 heap limit). */
  memoryLimitMb: number;
  maxPages: number;
  maxTextChars: number;
  /** How to read a process's VmRSS in KiB (null when it cannot be read). */
  readRssKiB: (pid: number) => Promise<number | null>;
  logger: Logger;
}

export interface JobOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface ExtractionChild {
  readonly pid: number;
  /** Settles once the child has loaded pdf.js (rejects if it exits first). */
  readonly ready: Promise<void>;
  alive(): boolean;
  /** Extract one PDF; the child must be ready and idle. Throws ExtractionError. */
  run(pdf: Uint8Array, options: JobOptions): Promise<ExtractionResult>;
  /** The resident memory (KiB) the child reported with its last answer; null before one. */
  rssKiBAfterLastJob(): number | null;
  /** SIGKILL; a running job fails with `reason`. Resolves once the process is gone. */
  kill(reason: unknown): Promise<void>;
}

/**
 * Start a child with no permissions at all (no read, write, net, env or run: it gets the
 * PDF on stdin and answers on stdout) and a V8 heap limit. It inherits the environment,
 * which it cannot read without --allow-env. cwd is the project, for deno.json's imports.
 */
export function spawnExtractionChild(options: ChildOptions): ExtractionChild {
  const heapMb = Math.max(MIN_HEAP_MB, Math.round(options.memoryLimitMb));
  const process = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--no-prompt",
      "--quiet",
      `--v8-flags=--max-old-space-size=${heapMb}`,
      CHILD_SCRIPT,
      `--max-pages=${options.maxPages}`,
      `--max-text-chars=${options.maxTextChars}`,
    ],
    cwd: PROJECT_ROOT,
    env: { NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const pid = process.pid;
  const logger = options.logger.child({ extraction_child: pid });
  const stdin = process.stdin.getWriter();
  const ready = Promise.withResolvers<void>();
  ready.promise.catch(() => {}); // whoever waits sees the rejection; nobody may wait
  // Typed by assertion: TypeScript would narrow a plain `= null` to null inside the IIFEs.
  let answer = null as PromiseWithResolvers<ChildMessage> | null;
  let exited = false;
  /** Why the parent killed the child, which is what its job fails with. */
  let killReason: { value: unknown } | null = null;
  let stderrTail = "";
  let warnedUnwatched = false;
  let lastRssKiB: number | null = null;

  function killNow(reason: unknown) {
    if (exited) return;
    killReason ??= { value: reason };
    try {
      process.kill("SIGKILL");
    } catch {
      // exited meanwhile
    }
  }

  // A JSON answer holds at most maxTextChars characters of text (≤ 3 bytes each in
  // UTF-8, a few more where JSON escapes them) plus metadata.
  const frames = createFrameReader(process.stdout, options.maxTextChars * 4 + 1_048_576);
  const stdoutDone = (async () => {
    try {
      for (let payload; (payload = await frames.next()) !== null;) {
        const message = decodeMessage(payload);
        if (message.type === "ready") {
          ready.resolve();
        } else if (answer) {
          answer.resolve(message);
          answer = null;
        } else {
          throw new FrameError(`an unexpected "${message.type}" message`);
        }
      }
    } catch (error) {
      // Whatever it was, this child cannot be trusted with another job.
      logger.error("extraction child broke the protocol", { error });
      killNow(crashError(`protocol: ${describeError(error)}`));
      await frames.cancel();
    }
  })();
  const stderrDone = (async () => {
    for await (const text of process.stderr.pipeThrough(new TextDecoderStream())) {
      stderrTail = (stderrTail + text).slice(-STDERR_TAIL_CHARS);
    }
  })().catch(() => {});
  const gone = process.status.then(async (status) => {
    exited = true;
    await Promise.all([stdoutDone, stderrDone]);
    await stdin.abort().catch(() => {});
    const error = killReason ? killReason.value : exitError(status, stderrTail);
    if (!killReason) {
      logger.warn("extraction child exited", {
        code: status.code,
        signal: status.signal,
        stderr: stderrTail.slice(-1_000),
      });
    }
    ready.reject(error);
    answer?.reject(error);
    answer = null;
  });

  /** Start the job's time limit and memory watch; returns what stops them. */
  function enforceLimits({ timeoutMs, signal }: JobOptions) {
    const timer = setTimeout(() => {
      logger.warn("pdf extraction timed out; killing the child", { timeout_ms: timeoutMs });
      killNow(timeoutError(timeoutMs));
    }, timeoutMs);
    const watch = watchRss(pid, {
      read: options.readRssKiB,
      limitKiB: options.memoryLimitMb * 1024,
      onExceeded(rssKiB) {
        logger.warn("pdf extraction used too much memory; killing the child", {
          rss_mb: Math.round(rssKiB / 1024),
          limit_mb: options.memoryLimitMb,
        });
        killNow(tooBigError(options.memoryLimitMb));
      },
      onUnreadable() {
        if (warnedUnwatched) return;
        warnedUnwatched = true;
        logger.warn("cannot read the child's memory use; the memory bound is not enforced");
      },
    });
    const onAbort = () => killNow(signal!.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    return {
      peakMb: () => {
        const kib = watch.peakKiB();
        return kib === null ? null : Math.round(kib / 1024);
      },
      stop() {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        watch.stop();
      },
    };
  }

  return {
    pid,
    ready: ready.promise,
    alive: () => !exited,
    rssKiBAfterLastJob: () => lastRssKiB,
    async kill(reason) {
      killNow(reason);
      await gone;
    },
    async run(pdf, jobOptions) {
      if (exited) throw killReason?.value ?? crashError("the child had already exited");
      if (answer) throw new Error("an extraction child runs one job at a time");
      jobOptions.signal?.throwIfAborted();
      const job = answer = Promise.withResolvers<ChildMessage>();
      const started = performance.now();
      const limits = enforceLimits(jobOptions);
      try {
        // An exit during the write fails `job` (see `gone`), so write errors can be ignored.
        stdin.write(frameHeader(pdf.length)).catch(() => {});
        stdin.write(pdf).catch(() => {});
        const message = await job.promise;
        if (message.type === "done" || message.type === "failed") {
          lastRssKiB = message.rssKiB ?? null;
        }
        const fields = {
          ms: Math.round(performance.now() - started),
          peak_rss_mb: limits.peakMb(),
          rss_mb_after: lastRssKiB === null ? null : Math.round(lastRssKiB / 1024),
        };
        if (message.type === "failed") {
          logger.info("pdf extraction failed", {
            ...fields,
            reason: message.reason,
            detail: message.detail,
          });
          throw new ExtractionError(message.reason, message.message, { cause: message.detail });
        }
        if (message.type !== "done") throw crashError(`an unexpected "${message.type}" answer`);
        logger.debug("extracted pdf", {
          ...fields,
          pages: message.result.pageCount,
          truncated: message.truncated,
        });
        return message.result;
      } finally {
        limits.stop();
      }
    },
  };
}

function timeoutError(timeoutMs: number): ExtractionError {
  const limit = timeoutMs >= 1_000 && timeoutMs % 1_000 === 0
    ? `${timeoutMs / 1_000} seconds`
    : `${timeoutMs} ms`;
  return new ExtractionError(
    "timeout",
    `Reading this PDF took longer than ${limit}, so DocuVault stopped. The file may be ` +
      "damaged or unusually complex.",
  );
}

function tooBigError(memoryLimitMb?: number): ExtractionError {
  const limit = memoryLimitMb === undefined ? "" : ` (${memoryLimitMb} MB)`;
  return new ExtractionError(
    "too_big",
    `Reading this PDF needed more memory than DocuVault allows${limit}, so DocuVault ` +
      "stopped. The file may be damaged or unusually complex.",
  );
}

/** What a job fails with when the child dies without being told to. */
function exitError(status: Deno.CommandStatus, stderr: string): ExtractionError {
  // V8 aborts the process when the heap limit (--max-old-space-size) is reached.
  if (/out of memory|heap limit|allocation failed/i.test(stderr)) return tooBigError();
  return crashError(`exit code ${status.code}, signal ${status.signal}`);
}

function crashError(detail: string): ExtractionError {
  return new ExtractionError(
    "damaged",
    "DocuVault's PDF reader stopped unexpectedly on this file; the file may be damaged.",
    { cause: detail },
  );
}
