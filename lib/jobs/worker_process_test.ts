import { sql } from "kysely";
import { openDatabase } from "../app/db.ts";
import { silentLogger } from "../app/logger.ts";
import { createProcessEnv, spawnDeno, waitForFile } from "../app/testing_process.ts";
import { assert, assertEquals } from "../shared/assert.ts";

const FIXTURE = "lib/jobs/testdata/worker_fixture.ts";

/** Read the outcome once every process has exited (PGlite allows only one opener). */
async function inspect(proc: { dataDir: string; databaseUrl?: string }) {
  const database = await openDatabase({
    databaseUrl: proc.databaseUrl,
    pgliteDir: proc.databaseUrl ? undefined : `${proc.dataDir}/db`,
    logger: silentLogger,
  });
  try {
    const job = await database.db.selectFrom("jobs").selectAll()
      .where("kind", "=", "test.effect").executeTakeFirstOrThrow();
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from test_job_effects`
      .execute(database.db);
    return { job, effects: rows[0].n };
  } finally {
    await database.close();
  }
}

Deno.test("worker process - a job killed mid-run (SIGKILL) completes after a restart, once in effect", async () => {
  const proc = await createProcessEnv();
  const markers = `${proc.dataDir}/markers`;
  await Deno.mkdir(markers);
  try {
    {
      await using first = spawnDeno(FIXTURE, {
        args: [markers, "--enqueue", "--lease-ms", "1500"],
        env: proc.env,
      });
      // The job has written its effect and is waiting: kill the process outright.
      await waitForFile(`${markers}/started-1`);
      first.kill("SIGKILL");
      const status = await first.status;
      assertEquals(status.signal, "SIGKILL");
    }
    await Deno.writeTextFile(`${markers}/go`, "");
    {
      await using second = spawnDeno(FIXTURE, {
        args: [markers, "--lease-ms", "1500"],
        env: proc.env,
      });
      await second.waitForLog(
        (line) => line.msg === "job succeeded" && line.kind === "test.effect",
        "the interrupted job to complete",
      );
      second.kill("SIGTERM");
      assertEquals((await second.status).code, 0);
    }
    await waitForFile(`${markers}/started-2`, 1);
    const { job, effects } = await inspect(proc);
    assertEquals(job.status, "succeeded");
    assertEquals(job.attempts, 2, "the killed run counts as one attempt");
    assertEquals(effects, 1, "the effect happened once");
  } finally {
    await proc.cleanup();
  }
});

Deno.test("worker process - SIGTERM lets the running job finish, then exits 0", async () => {
  const proc = await createProcessEnv();
  const markers = `${proc.dataDir}/markers`;
  await Deno.mkdir(markers);
  try {
    await using worker = spawnDeno(FIXTURE, { args: [markers, "--enqueue"], env: proc.env });
    await waitForFile(`${markers}/started-1`);
    const stopping = Date.now();
    worker.kill("SIGTERM");
    await worker.waitForLog((line) => line.msg === "shutting down", "shutdown to begin");
    await new Promise((r) => setTimeout(r, 300));
    assertEquals(await Promise.race([worker.status.then(() => "exited"), "running"]), "running");
    await Deno.writeTextFile(`${markers}/go`, "");
    const status = await worker.status;
    assertEquals(status.code, 0);
    assert(Date.now() - stopping < 10_000, "exits within 10 s");
    const { job, effects } = await inspect(proc);
    assertEquals(job.status, "succeeded");
    assertEquals(job.attempts, 1);
    assertEquals(effects, 1);
  } finally {
    await proc.cleanup();
  }
});
