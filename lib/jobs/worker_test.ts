import { sql } from "kysely";
import { z } from "zod";
import { createTestDeps, type TestDeps } from "../app/testing.ts";
import { assert, assertEquals, assertMatch, assertRejects } from "../shared/assert.ts";
import { sleep } from "../shared/clock.ts";
import { defineJob, type JobContext, PermanentJobError } from "./job_definition.ts";
import { createQueue } from "./queue.ts";
import { startWorker, type WorkerOptions } from "./worker.ts";

async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false>,
  what: string,
  ms = 10_000,
) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await sleep(20);
  }
  throw new Error(`timed out waiting for ${what}`);
}

function jobStatus(deps: TestDeps, id: string, status: string) {
  return waitFor(async () => {
    const job = await deps.queue.repo.get(id);
    return job?.status === status ? job : null;
  }, `job ${id} to be ${status}`);
}

function worker(deps: TestDeps, options: Partial<WorkerOptions>) {
  return startWorker({
    deps,
    registry: [],
    concurrency: 2,
    sweepIntervalMs: 200,
    leaseMs: 2_000,
    ...options,
  });
}

const echo = z.object({ n: z.number().int() });

Deno.test("queue - a job runs once and is recorded as succeeded", async () => {
  await using deps = await createTestDeps();
  const seen: unknown[] = [];
  const job = defineJob({
    kind: "test.echo",
    schema: echo,
    handle(payload) {
      seen.push(payload);
      return Promise.resolve();
    },
  });
  await using _worker = await worker(deps, { registry: [job] });
  const { id } = await deps.queue.enqueue(job, { n: 7 });
  const row = await jobStatus(deps, id, "succeeded");
  assertEquals(seen, [{ n: 7 }]);
  assertEquals(row.attempts, 1);
  assertEquals(row.last_error, null);
  assert(row.finished_at instanceof Date);
});

Deno.test("queue - enqueue refuses a payload that fails the job's schema", async () => {
  await using deps = await createTestDeps();
  const job = defineJob({ kind: "test.echo", schema: echo, handle: () => Promise.resolve() });
  const error = await assertRejects(() => deps.queue.enqueue(job, { n: "seven" } as never));
  assertMatch(String(error), /invalid payload for job test\.echo/);
  assertEquals((await deps.queue.repo.countByStatus()).queued, 0);
});

Deno.test("queue - a failing job is retried with growing back-off, then succeeds", async () => {
  await using deps = await createTestDeps();
  const runs: number[] = [];
  const job = defineJob({
    kind: "test.flaky",
    schema: echo,
    backoffMs: 150,
    handle(_payload, ctx: JobContext) {
      runs.push(performance.now());
      if (ctx.attempt < 3) throw new Error(`flaky failure ${ctx.attempt}`);
      return Promise.resolve();
    },
  });
  await using _worker = await worker(deps, { registry: [job] });
  const { id } = await deps.queue.enqueue(job, { n: 1 });
  const row = await jobStatus(deps, id, "succeeded");
  assertEquals(row.attempts, 3);
  assertEquals(runs.length, 3);
  const first = runs[1] - runs[0];
  const second = runs[2] - runs[1];
  assert(first >= 150 * 0.8 - 10, `first retry waited ${first} ms`);
  assert(second >= 300 * 0.8 - 10, `second retry waited ${second} ms (doubles)`);
});

Deno.test("queue - a job that keeps failing goes dead after its last attempt, with the error", async () => {
  await using deps = await createTestDeps();
  let calls = 0;
  const job = defineJob({
    kind: "test.broken",
    schema: echo,
    maxAttempts: 3,
    backoffMs: 20,
    handle() {
      calls++;
      throw new Error("the printer is on fire");
    },
  });
  await using _worker = await worker(deps, { registry: [job] });
  const { id } = await deps.queue.enqueue(job, { n: 1 });
  const row = await jobStatus(deps, id, "dead");
  assertEquals(calls, 3);
  assertEquals(row.attempts, 3);
  assertEquals(row.last_error, "the printer is on fire");
});

Deno.test("queue - a permanent failure goes dead at once", async () => {
  await using deps = await createTestDeps();
  let calls = 0;
  const job = defineJob({
    kind: "test.permanent",
    schema: echo,
    handle() {
      calls++;
      throw new PermanentJobError("the document is encrypted");
    },
  });
  await using _worker = await worker(deps, { registry: [job] });
  const { id } = await deps.queue.enqueue(job, { n: 1 });
  const row = await jobStatus(deps, id, "dead");
  assertEquals(calls, 1);
  assertEquals(row.last_error, "the document is encrypted");
});

Deno.test("queue - a stored payload that fails its schema goes dead with the reason; other jobs continue", async () => {
  await using deps = await createTestDeps();
  const done: number[] = [];
  const job = defineJob({
    kind: "test.echo",
    schema: echo,
    handle(payload) {
      done.push(payload.n);
      return Promise.resolve();
    },
  });
  // Written by an older version, or by hand: bypasses enqueue's validation.
  const bad = await deps.queue.repo.insert({
    kind: "test.echo",
    payload: { n: "not a number" },
    maxAttempts: 5,
    delayMs: 0,
    dispatched: false,
  });
  const unknown = await deps.queue.repo.insert({
    kind: "test.nobody_handles_this",
    payload: {},
    maxAttempts: 5,
    delayMs: 0,
    dispatched: false,
  });
  const good = await deps.queue.repo.insert({
    kind: "test.echo",
    payload: { n: 2 },
    maxAttempts: 5,
    delayMs: 0,
    dispatched: false,
  });
  await using _worker = await worker(deps, { registry: [job] });
  const badRow = await jobStatus(deps, bad.id, "dead");
  assertMatch(badRow.last_error ?? "", /^Invalid payload: .*n/s);
  const unknownRow = await jobStatus(deps, unknown.id, "dead");
  assertEquals(unknownRow.last_error, 'Unknown job kind "test.nobody_handles_this".');
  await jobStatus(deps, good.id, "succeeded");
  assertEquals(done, [2]);
});

Deno.test("queue - a dedupe key allows one active job per key", async () => {
  await using deps = await createTestDeps();
  const job = defineJob({ kind: "test.echo", schema: echo, handle: () => Promise.resolve() });
  const first = await deps.queue.enqueue(job, { n: 1 }, { dedupeKey: "doc:1", delayMs: 60_000 });
  const second = await deps.queue.enqueue(job, { n: 2 }, { dedupeKey: "doc:1" });
  const other = await deps.queue.enqueue(job, { n: 3 }, { dedupeKey: "doc:2", delayMs: 60_000 });
  assertEquals(first.deduplicated, false);
  assertEquals(second, { id: first.id, deduplicated: true });
  assert(other.id !== first.id);
  assertEquals((await deps.queue.repo.countByStatus()).queued, 2);
});

Deno.test("queue - a job left running by a dead worker is recovered when its lease expires", async () => {
  await using deps = await createTestDeps();
  let runs = 0;
  const job = defineJob({
    kind: "test.echo",
    schema: echo,
    handle() {
      runs++;
      return Promise.resolve();
    },
  });
  const { id } = await deps.queue.repo.insert({
    kind: "test.echo",
    payload: { n: 1 },
    maxAttempts: 5,
    delayMs: 0,
    dispatched: true,
  });
  // Another worker took it and died: its lease runs out after 300 ms.
  const taken = await deps.queue.repo.claim(id, "gone-worker", 300);
  assertEquals(taken?.status, "running");
  await using _worker = await worker(deps, { registry: [job] });
  const row = await jobStatus(deps, id, "succeeded");
  assertEquals(runs, 1);
  assertEquals(row.attempts, 2, "the lost run counts as an attempt");
});

Deno.test("queue - an enqueue inside a rolled-back transaction leaves no job", async () => {
  await using deps = await createTestDeps();
  const job = defineJob({ kind: "test.echo", schema: echo, handle: () => Promise.resolve() });
  await assertRejects(() =>
    deps.db.transaction().execute(async (trx) => {
      await deps.queue.enqueue(job, { n: 1 }, { trx });
      throw new Error("business rule failed");
    })
  );
  assertEquals((await deps.queue.repo.countByStatus()).queued, 0);

  let ran = false;
  const runner = defineJob({
    kind: "test.echo",
    schema: echo,
    handle() {
      ran = true;
      return Promise.resolve();
    },
  });
  await using _worker = await worker(deps, { registry: [runner] });
  const { id } = await deps.db.transaction().execute((trx) =>
    deps.queue.enqueue(job, { n: 2 }, { trx })
  );
  await deps.queue.dispatch(id);
  await jobStatus(deps, id, "succeeded");
  assert(ran);
});

Deno.test("queue - a job over its time limit fails with a readable timeout", async () => {
  await using deps = await createTestDeps();
  const job = defineJob({
    kind: "test.slow",
    schema: echo,
    timeoutMs: 100,
    maxAttempts: 1,
    async handle(_payload, ctx) {
      await sleep(5_000, ctx.signal);
    },
  });
  await using _worker = await worker(deps, { registry: [job] });
  const { id } = await deps.queue.enqueue(job, { n: 1 });
  const row = await jobStatus(deps, id, "dead");
  assertEquals(row.last_error, "The job took longer than its limit of 100 ms.");
});

Deno.test("queue - stop() lets a running job finish", async () => {
  await using deps = await createTestDeps();
  let finished = false;
  const job = defineJob({
    kind: "test.slow",
    schema: echo,
    async handle() {
      await sleep(300);
      finished = true;
    },
  });
  await using w = await worker(deps, { registry: [job] });
  const { id } = await deps.queue.enqueue(job, { n: 1 });
  await jobStatus(deps, id, "running");
  await w.stop(5_000);
  assert(finished);
  assertEquals((await deps.queue.repo.get(id))?.status, "succeeded");
});

Deno.test("queue - stop() past its deadline gives the job back without counting the attempt", async () => {
  await using deps = await createTestDeps();
  const job = defineJob({
    kind: "test.stuck",
    schema: echo,
    async handle(_payload, ctx) {
      await sleep(60_000, ctx.signal);
    },
  });
  await using w = await worker(deps, { registry: [job] });
  const { id } = await deps.queue.enqueue(job, { n: 1 });
  await jobStatus(deps, id, "running");
  await w.stop(100);
  const row = await deps.queue.repo.get(id);
  assertEquals(row?.status, "queued");
  assertEquals(row?.attempts, 0);
  assertEquals(row?.locked_by, null);
});

Deno.test("queue - a periodic job runs at start and schedules its next run", async () => {
  await using deps = await createTestDeps();
  let runs = 0;
  const job = defineJob({
    kind: "test.tick",
    schema: z.object({}),
    handle() {
      runs++;
      return Promise.resolve();
    },
  });
  await using _worker = await worker(deps, {
    registry: [job],
    periodic: [{ definition: job, everyMs: 3_600_000 }],
  });
  await waitFor(() => Promise.resolve(runs === 1), "the first run");
  const next = await waitFor(async () => {
    const rows = await deps.db.selectFrom("jobs").selectAll()
      .where("kind", "=", "test.tick").where("status", "=", "queued").execute();
    return rows.length === 1 ? rows[0] : null;
  }, "the next run to be scheduled");
  const inMs = next.run_after.getTime() - Date.now();
  assert(inMs > 3_500_000 && inMs <= 3_600_000, `next run in ${inMs} ms`);
  assertEquals(next.dedupe_key, "periodic:test.tick");
});

Deno.test("queue - a job enqueued by a process without workers is taken by the worker", async () => {
  await using deps = await createTestDeps();
  let ran = false;
  const job = defineJob({
    kind: "test.echo",
    schema: echo,
    handle() {
      ran = true;
      return Promise.resolve();
    },
  });
  await using w = await worker(deps, { registry: [job], sweepIntervalMs: 60_000 });
  // A web process with WORKERS=0: its own KV, no local worker, NOTIFY on PostgreSQL.
  const otherKv = await Deno.openKv(":memory:");
  try {
    const webQueue = createQueue({
      db: deps.db,
      kv: otherKv,
      logger: deps.logger,
      notifyOtherProcesses: deps.dbEngine === "postgres",
    });
    const { id } = await webQueue.enqueue(job, { n: 1 });
    if (deps.dbEngine === "postgres") {
      // NOTIFY wakes the worker at once: no sweep needed.
      await jobStatus(deps, id, "succeeded");
    } else {
      await w.sweep();
      await jobStatus(deps, id, "succeeded");
    }
    assert(ran);
  } finally {
    otherKv.close();
  }
});

Deno.test("queue - concurrent workers never run the same job twice", async () => {
  await using deps = await createTestDeps();
  const runsById = new Map<number, number>();
  const job = defineJob({
    kind: "test.count",
    schema: echo,
    async handle(payload) {
      runsById.set(payload.n, (runsById.get(payload.n) ?? 0) + 1);
      await sleep(5);
    },
  });
  for (let n = 0; n < 40; n++) {
    await deps.queue.repo.insert({
      kind: "test.count",
      payload: { n },
      maxAttempts: 5,
      delayMs: 0,
      dispatched: false,
    });
  }
  await using a = await worker(deps, { registry: [job] });
  await using b = await worker(deps, { registry: [job] });
  await using c = await worker(deps, { registry: [job] });
  await waitFor(async () => (await deps.queue.repo.countByStatus()).succeeded === 40, "40 jobs");
  assertEquals(runsById.size, 40);
  assert([...runsById.values()].every((runs) => runs === 1), "each job ran exactly once");
  assert(a.id !== b.id && b.id !== c.id);
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from jobs where attempts <> 1`
    .execute(deps.db);
  assertEquals(rows[0].n, 0);
});
