/**
 * `deno task test`: the whole suite, in up to three passes.
 *   1. embedded — PGlite + local files (always), plus the storage contract on s3rver;
 *   2. clustered — the same suite on PostgreSQL and the S3 driver (s3rver);
 *   3. browser — the e2e tests in Chromium.
 * Services are started here on loopback and stopped afterwards. A pass whose service is
 * missing is skipped with the reason — except in CI (CI=true) or with --require-all,
 * where a missing service fails the run.
 */
import { parseTaskArgs, say } from "../lib/app/cli.ts";
import { PROJECT_ROOT } from "../lib/app/assets.ts";
import {
  findChromium,
  findPostgres,
  findS3rver,
  type RunningService,
  startPostgres,
  startS3rver,
} from "../lib/app/test_services.ts";

const { values, positionals } = parseTaskArgs({
  usage: `
Usage: deno task test [options] [-- <extra deno test arguments>]

Runs the whole suite: the embedded pass (PGlite, local files), the clustered pass
(PostgreSQL + S3 on s3rver) and the browser pass (Chromium). Services are started on
loopback in temp dirs. Passes whose services are missing are skipped with the reason.

Options:
  --only <pass>    run one pass: embedded, clustered or browser
  --require-all    fail instead of skipping a pass (default when CI=true)
  --filter <text>  only tests whose name contains <text>
  -h, --help       show this help`,
  options: {
    only: { type: "string" },
    "require-all": { type: "boolean" },
    filter: { type: "string" },
  },
  positionals: true,
});

const PASSES = ["embedded", "clustered", "browser"] as const;
type Pass = typeof PASSES[number];
if (values.only && !PASSES.includes(values.only as Pass)) {
  say(`error: --only must be one of ${PASSES.join(", ")}`);
  Deno.exit(1);
}
const wanted = (pass: Pass) => !values.only || values.only === pass;
const requireAll = values["require-all"] || Deno.env.get("CI") === "true";
const UNIT_DIRS = ["lib/", "routes/", "workers/", "migrations/", "tasks/", "main_test.ts"];
const deno = Deno.execPath();

interface Outcome {
  pass: Pass;
  status: "passed" | "failed" | "skipped";
  note: string;
  seconds: number;
}
const outcomes: Outcome[] = [];
const services: RunningService[] = [];

// Interrupted (Ctrl-C, CI timeout): stop the services we started before leaving.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  Deno.addSignalListener(signal, async () => {
    for (const service of services.reverse()) await service.stop().catch(() => {});
    Deno.exit(130);
  });
}

async function step(command: string[], env: Record<string, string> = {}): Promise<boolean> {
  const status = await new Deno.Command(deno, {
    args: command,
    cwd: PROJECT_ROOT,
    env,
    stdin: "null",
    stdout: "inherit",
    stderr: "inherit",
  }).spawn().status;
  return status.success;
}

/**
 * Tests that observe the whole process — its child processes, its RSS, its event loop —
 * are named `*_serial_test.ts`: `--parallel` runs test modules as workers of one process,
 * where other modules' children and memory would be counted too. They run after the
 * others, one module at a time.
 */
const SERIAL_TEST = /_serial_test\.tsx?$/;

async function findSerialTests(dirs: string[]): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string) => {
    for await (const entry of Deno.readDir(`${PROJECT_ROOT}/${dir}`)) {
      const path = `${dir.replace(/\/$/, "")}/${entry.name}`;
      if (entry.isDirectory && entry.name !== "node_modules") await walk(path);
      else if (entry.isFile && SERIAL_TEST.test(entry.name)) found.push(path);
    }
  };
  for (const dir of dirs) {
    if (dir.endsWith(".ts") || dir.endsWith(".tsx")) {
      if (SERIAL_TEST.test(dir)) found.push(dir);
    } else await walk(dir);
  }
  return found.sort();
}

async function runPass(pass: Pass, dirs: string[], env: Record<string, string>, note: string) {
  say(`\n━━━ ${pass} pass: ${note} ━━━`);
  const started = performance.now();
  const serial = await findSerialTests(dirs);
  const options = values.filter ? ["--filter", values.filter] : [];
  const testEnv = { TEST_ARTIFACTS_DIR: `${PROJECT_ROOT}/artifacts`, ...env };
  let ok = await step(
    [
      "test",
      "--allow-all",
      "--parallel",
      ...serial.map((file) => `--ignore=${file}`),
      ...options,
      ...positionals,
      ...dirs,
    ],
    testEnv,
  );
  if (serial.length > 0) {
    say(`\n─── ${pass} pass, one at a time: ${serial.join(", ")}`);
    ok = await step(["test", "--allow-all", ...options, ...positionals, ...serial], testEnv) &&
      ok;
  }
  outcomes.push({
    pass,
    status: ok ? "passed" : "failed",
    note,
    seconds: Math.round((performance.now() - started) / 1000),
  });
}

function skip(pass: Pass, reason: string) {
  say(`\n━━━ ${pass} pass: SKIPPED — ${reason} ━━━`);
  outcomes.push({ pass, status: requireAll ? "failed" : "skipped", note: reason, seconds: 0 });
}

try {
  // Dependencies (incl. s3rver for node) and a current build of the browser assets.
  if (!(await step(["install", "--quiet"]))) throw new Error("deno install failed");
  if (!(await step(["run", "--allow-all", "tasks/build.ts"]))) throw new Error("build failed");

  const s3 = wanted("embedded") || wanted("clustered") ? await findS3rver() : null;
  let s3Url: string | null = null;
  if (s3?.ok) {
    const service = await startS3rver(s3.value);
    services.push(service);
    s3Url = service.url;
    say(`s3rver listening on ${s3Url}`);
  }

  if (wanted("embedded")) {
    await runPass(
      "embedded",
      UNIT_DIRS,
      s3Url ? { TEST_S3_ENDPOINT: s3Url } : {},
      s3Url
        ? "PGlite, local files; storage contract also on s3rver"
        : `PGlite, local files (S3 contract skipped: ${s3 && !s3.ok ? s3.reason : "n/a"})`,
    );
  }

  if (wanted("clustered")) {
    const pg = await findPostgres();
    if (!pg.ok) skip("clustered", pg.reason);
    else if (!s3Url) skip("clustered", s3 && !s3.ok ? s3.reason : "s3rver unavailable");
    else {
      const postgres = await startPostgres(pg.value.bin);
      services.push(postgres);
      say(`PostgreSQL listening on ${postgres.url}`);
      await runPass("clustered", UNIT_DIRS, {
        TEST_DATABASE_URL: postgres.url,
        TEST_S3_ENDPOINT: s3Url,
        TEST_STORAGE_DRIVER: "s3",
      }, "PostgreSQL + S3 driver on s3rver");
    }
  }

  if (wanted("browser")) {
    const chromium = await findChromium();
    if (!chromium.ok) skip("browser", chromium.reason);
    else {
      await runPass(
        "browser",
        ["e2e/"],
        { TEST_CHROMIUM_PATH: chromium.value },
        `Chromium (${chromium.value}); screenshots in artifacts/`,
      );
    }
  }
} catch (error) {
  say(`error: ${error instanceof Error ? error.message : String(error)}`);
  outcomes.push({ pass: "embedded", status: "failed", note: "set-up failed", seconds: 0 });
} finally {
  for (const service of services.reverse()) await service.stop();
}

say("\n━━━ summary ━━━");
for (const o of outcomes) {
  say(
    `${o.status.toUpperCase().padEnd(8)} ${o.pass.padEnd(10)} ${
      String(o.seconds).padStart(4)
    } s  ${o.note}`,
  );
}
const failed = outcomes.some((o) => o.status === "failed");
if (outcomes.some((o) => o.status === "skipped")) {
  say("Some passes were skipped (see above). CI runs them all.");
}
Deno.exit(failed ? 1 : 0);
