/**
 * Password hashing off the main thread: a small pool of Web Workers running argon2id
 * (password_worker.ts). Each worker gets one job at a time — argon2id allocates 19 MiB per
 * hash, so handing a worker everything at once would multiply memory by the queue length
 * without finishing any sooner. Jobs wait in a bounded queue here; past its limit the
 * server answers 503 instead of piling up work it cannot do in time.
 */
import { ServiceUnavailableError } from "../shared/errors.ts";
import type { PasswordRequest, PasswordResponse } from "./password_worker.ts";

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password and for anything that is not an argon2id hash. */
  verify(password: string, encoded: string): Promise<boolean>;
  /**
   * Spend the time a real verification takes, for an account that does not exist, so
   * that the answer's timing does not tell whether an e-mail is registered.
   */
  verifyDummy(password: string): Promise<false>;
  close(): void;
}

type Job =
  | { op: "hash"; password: string }
  | { op: "verify"; password: string; hash: string };

interface Pending {
  job: Job;
  resolve: (value: string | boolean) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  current: Pending | null;
}

export interface PasswordHasherOptions {
  /** Workers; default: one per core, at most 4. */
  size?: number;
  /** Jobs allowed to wait; beyond that, 503. */
  maxQueue?: number;
}

export function createPasswordHasher(options: PasswordHasherOptions = {}): PasswordHasher {
  const size = options.size ?? Math.min(4, Math.max(1, navigator.hardwareConcurrency || 2));
  const maxQueue = options.maxQueue ?? 1000;
  const workers: PoolWorker[] = [];
  const queue: Pending[] = [];
  let nextId = 1;
  let closed = false;
  let dummyHash: Promise<string> | null = null;

  function spawn(): PoolWorker {
    const entry: PoolWorker = {
      worker: new Worker(new URL("./password_worker.ts", import.meta.url), { type: "module" }),
      current: null,
    };
    entry.worker.onmessage = (event: MessageEvent<PasswordResponse>) => {
      const done = entry.current;
      entry.current = null;
      if (done) {
        const response = event.data;
        if (response.ok) done.resolve(response.result);
        else done.reject(new Error(`password hashing failed: ${response.error}`));
      }
      dispatch();
    };
    entry.worker.onerror = (event) => {
      event.preventDefault();
      entry.current?.reject(new Error(`password worker crashed: ${event.message}`));
      entry.current = null;
      workers.splice(workers.indexOf(entry), 1);
      entry.worker.terminate();
      dispatch();
    };
    workers.push(entry);
    return entry;
  }

  /** Give waiting jobs to idle workers, starting workers up to the pool size. */
  function dispatch() {
    while (queue.length > 0) {
      const idle = workers.find((w) => w.current === null) ??
        (workers.length < size ? spawn() : undefined);
      if (!idle) return;
      const next = queue.shift()!;
      idle.current = next;
      idle.worker.postMessage({ ...next.job, id: nextId++ } as PasswordRequest);
    }
  }

  function run(job: Job): Promise<string | boolean> {
    if (closed) return Promise.reject(new Error("the password hasher is closed"));
    if (queue.length >= maxQueue) {
      return Promise.reject(
        new ServiceUnavailableError(
          "auth.busy",
          "Too many sign-ins at once. Please try again in a moment.",
          {
            retryAfterSeconds: 5,
          },
        ),
      );
    }
    return new Promise((resolve, reject) => {
      queue.push({ job, resolve, reject });
      dispatch();
    });
  }

  return {
    async hash(password) {
      return (await run({ op: "hash", password })) as string;
    },
    async verify(password, encoded) {
      if (!encoded.startsWith("$argon2id$")) return false;
      return (await run({ op: "verify", password, hash: encoded })) as boolean;
    },
    async verifyDummy(password) {
      dummyHash ??= this.hash(crypto.randomUUID());
      await this.verify(password, await dummyHash);
      return false;
    },
    close() {
      closed = true;
      for (const entry of workers) {
        entry.current?.reject(new Error("the password hasher closed"));
        entry.worker.terminate();
      }
      workers.length = 0;
      for (const pending of queue.splice(0)) {
        pending.reject(new Error("the password hasher closed"));
      }
    },
  };
}
