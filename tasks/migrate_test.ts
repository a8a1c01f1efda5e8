import { testEnv } from "../lib/app/testing.ts";
import { migrations } from "../migrations/mod.ts";
import { createProcessEnv, spawnDeno } from "../lib/app/testing_process.ts";
import { assertEquals, assertMatch, assertStringIncludes } from "../lib/shared/assert.ts";

async function migrate(env: Record<string, string>, ...args: string[]) {
  await using task = spawnDeno("tasks/migrate.ts", { args, env });
  const status = await task.status;
  const output = task.lines.map((l) => String(l.msg)).join("\n");
  return { code: status.code, output, stderr: task.stderr() };
}

const NAMES = Object.keys(migrations);
const LAST = NAMES.at(-1)!;

Deno.test("deno task migrate - up, status, down, status, up", async () => {
  const proc = await createProcessEnv();
  try {
    const up = await migrate(proc.env, "up");
    assertEquals(up.code, 0, up.stderr);
    assertMatch(up.output, new RegExp(`Applied: ${NAMES.join(", ")}|Already up to date\\.`));

    const status = await migrate(proc.env, "status");
    for (const name of NAMES) assertMatch(status.output, new RegExp(`applied \\S+Z\\s+${name}`));

    const down = await migrate(proc.env, "down");
    assertEquals(down.code, 0, down.stderr);
    assertStringIncludes(down.output, `Undone: ${LAST}`);
    assertMatch((await migrate(proc.env, "status")).output, new RegExp(`pending\\s+${LAST}`));

    assertStringIncludes((await migrate(proc.env)).output, `Applied: ${LAST}`);
  } finally {
    await proc.cleanup();
  }
});

Deno.test("deno task migrate - bad input gets usage and exit code 1", async () => {
  const proc = await createProcessEnv();
  try {
    const bad = await migrate(proc.env, "sideways");
    assertEquals(bad.code, 1);
    assertStringIncludes(bad.stderr, 'unknown command "sideways"');
    const help = await migrate(proc.env, "--help");
    assertEquals(help.code, 0);
    assertStringIncludes(help.output, "Usage: deno task migrate [up|down|status]");
  } finally {
    await proc.cleanup();
  }
});

Deno.test({
  name: "deno task migrate - refuses the embedded database while the server runs",
  ignore: Boolean(testEnv.databaseUrl),
  async fn() {
    const proc = await createProcessEnv();
    try {
      await using server = spawnDeno("main.ts", { env: proc.env });
      await server.waitForLog((l) => l.msg === "DocuVault is ready", "the server", 60_000);
      const result = await migrate(proc.env, "status");
      assertEquals(result.code, 1);
      assertStringIncludes(result.stderr, "DocuVault is already running on this data dir");
      server.kill("SIGTERM");
      await server.status;
    } finally {
      await proc.cleanup();
    }
  },
});
