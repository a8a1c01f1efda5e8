/**
 * A worker process for worker_process_test.ts: the real worker (workers/run.ts, real
 * config, real database) with one extra job kind whose progress the test can see and
 * steer through files in a marker directory.
 *
 *   deno run -A worker_fixture.ts <marker_dir> [--enqueue] [--lease-ms N]
 */
import { sql } from "kysely";
import { parseArgs } from "node:util";
import { z } from "zod";
import { buildDeps } from "../../app/deps.ts";
import { createLogger } from "../../app/logger.ts";
import { exitOnSignal, loadConfigOrExit } from "../../app/process.ts";
import { sleep } from "../../shared/clock.ts";
import { jobRegistry } from "../../../workers/registry.ts";
import { runWorker } from "../../../workers/run.ts";
import { defineJob } from "../job_definition.ts";

const { positionals, values } = parseArgs({
  args: Deno.args,
  allowPositionals: true,
  options: { enqueue: { type: "boolean" }, "lease-ms": { type: "string" } },
});
const markerDir = positionals[0];

async function exists(path: string) {
  return await Deno.stat(path).then(() => true, () => false);
}

/**
 * Writes its effect, then waits for the `go` file. Written the way real handlers must
 * be: idempotent, so a run interrupted after the effect and repeated has the effect once.
 */
export const effectJob = defineJob({
  kind: "test.effect",
  schema: z.object({ label: z.string() }),
  async handle(payload, ctx) {
    await sql`
      insert into test_job_effects (job_id, label) values (${ctx.jobId}, ${payload.label})
      on conflict (job_id) do nothing
    `.execute(ctx.deps.db);
    await Deno.writeTextFile(`${markerDir}/started-${ctx.attempt}`, String(Deno.pid));
    while (!(await exists(`${markerDir}/go`))) await sleep(50, ctx.signal);
  },
});

const config = loadConfigOrExit();
const logger = createLogger({ level: "info", format: "json" });
const deps = await buildDeps(config, { migrate: true, logger });
await sql`
  create table if not exists test_job_effects (job_id uuid primary key, label text not null)
`.execute(deps.db);
if (values.enqueue) {
  await deps.queue.enqueue(effectJob, { label: "once" }, { dedupeKey: "test-effect" });
}
// As workers/main.ts: the first sweep may run the job before the worker is returned.
const starting = runWorker(deps, {
  registry: [...jobRegistry, effectJob],
  leaseMs: Number(values["lease-ms"] ?? 60_000),
  sweepIntervalMs: 250,
});
exitOnSignal(logger, async () => {
  const worker = await starting.catch(() => null);
  await worker?.stop(8_000);
  await deps.close();
});
await starting;
