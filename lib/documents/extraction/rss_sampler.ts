/**
 * Reads the resident memory (VmRSS) of the extraction children for their memory bound.
 *
 * Deno lets only --allow-all processes read /proc/<pid>/status (it treats /proc as a way
 * around its permissions), and the server runs with SERVER_PERMISSIONS. It may run
 * programs, though, so one long-lived /bin/sh reads the files for it: a pid in on stdin, a
 * number (KiB) or "-" out on stdout. The script uses shell built-ins only, so a reading
 * costs no process start — the watchdog reads every 100 ms while a child works.
 */
const SCRIPT = `
while read -r pid; do
  rss=-
  while read -r key value rest; do
    if [ "$key" = "VmRSS:" ]; then rss=$value; fi
  done < "/proc/$pid/status"
  echo "$rss"
done 2>/dev/null`;

export interface RssSampler {
  /** VmRSS of `pid` in KiB, or null when it cannot be read (no /proc, process gone). */
  read(pid: number): Promise<number | null>;
  /** Stop the helper; later reads start a new one. */
  close(): Promise<void>;
}

interface Helper {
  write(line: string): void;
  /** Resolvers of the readings asked for, answered in order. */
  waiting: ((line: string | null) => void)[];
  alive: boolean;
  stop(): Promise<void>;
}

/** A sampler whose `sh` starts on the first reading. */
export function createRssSampler(): RssSampler {
  let helper: Helper | null = null;
  /** Once `sh` cannot be started, every reading is null. */
  let unavailable = false;

  function start(): Helper | null {
    if (unavailable) return null;
    let process: Deno.ChildProcess;
    try {
      // By path: /bin/sh is POSIX, and no PATH entry can stand in for it.
      process = new Deno.Command("/bin/sh", {
        args: ["-c", SCRIPT],
        stdin: "piped",
        stdout: "piped",
        stderr: "null",
      }).spawn();
    } catch {
      unavailable = true;
      return null;
    }
    const writer = process.stdin.getWriter();
    const encoder = new TextEncoder();
    const started: Helper = {
      waiting: [],
      alive: true,
      write: (line) => void writer.write(encoder.encode(line + "\n")).catch(() => {}),
      async stop() {
        try {
          process.kill("SIGKILL");
        } catch {
          // exited already
        }
        await done;
      },
    };
    const lines = (async () => {
      let buffer = "";
      for await (const text of process.stdout.pipeThrough(new TextDecoderStream())) {
        buffer += text;
        for (let end; (end = buffer.indexOf("\n")) >= 0;) {
          started.waiting.shift()?.(buffer.slice(0, end));
          buffer = buffer.slice(end + 1);
        }
      }
    })().catch(() => {});
    const done = process.status.then(async () => {
      started.alive = false;
      await lines;
      await writer.abort().catch(() => {});
      for (const resolve of started.waiting.splice(0)) resolve(null);
    });
    return started;
  }

  return {
    read(pid) {
      if (!helper?.alive) helper = start();
      const current = helper;
      if (!current) return Promise.resolve(null);
      return new Promise((resolve) => {
        current.waiting.push((line) => {
          const kib = line === null ? NaN : Number(line);
          resolve(Number.isFinite(kib) ? kib : null);
        });
        current.write(String(Math.trunc(pid)));
      });
    },
    async close() {
      const current = helper;
      helper = null;
      await current?.stop();
    },
  };
}

/** How often a working child's VmRSS is read. */
const WATCH_INTERVAL_MS = 100;

export interface RssWatch {
  /** The highest reading so far, in KiB. */
  peakKiB(): number | null;
  /**
   * Stop at once: a reading still in flight is ignored when it comes, so nothing outlives
   * the job, and the next job need not wait for it.
   */
  stop(): void;
}

/**
 * Read `pid`'s VmRSS every 100 ms with `read`; call `onExceeded` (once, then stop) when it
 * passes `limitKiB`, or `onUnreadable` when the first reading fails.
 */
export function watchRss(
  pid: number,
  options: {
    read: (pid: number) => Promise<number | null>;
    limitKiB: number;
    onExceeded: (rssKiB: number) => void;
    onUnreadable: () => void;
  },
): RssWatch {
  let running = true;
  let peak: number | null = null;
  let wake: (() => void) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  void (async () => {
    for (let first = true; running; first = false) {
      const rss = await options.read(pid);
      if (!running) return;
      if (rss === null && first) options.onUnreadable();
      if (rss !== null) {
        peak = Math.max(peak ?? 0, rss);
        if (rss > options.limitKiB) {
          options.onExceeded(rss);
          return;
        }
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, WATCH_INTERVAL_MS);
      });
    }
  })();
  return {
    peakKiB: () => peak,
    stop() {
      running = false;
      clearTimeout(timer);
      wake?.();
    },
  };
}
