import { argon2Verify } from "hash-wasm";
import { sql } from "kysely";
import { openDatabase } from "../lib/app/db.ts";
import { silentLogger } from "../lib/app/logger.ts";
import { testEnv } from "../lib/app/testing.ts";
import { createProcessEnv, type ProcessEnv, spawnDeno } from "../lib/app/testing_process.ts";
import { assert, assertEquals, assertMatch, assertStringIncludes } from "../lib/shared/assert.ts";

async function runTask(proc: ProcessEnv, script: string, args: string[], stdin?: string) {
  await using task = spawnDeno(`tasks/${script}`, { args, env: proc.env, stdin });
  const status = await task.status;
  return {
    code: status.code,
    out: task.lines.map((l) => String(l.msg)).join("\n"),
    err: task.stderr(),
  };
}

async function withDb<T>(
  proc: ProcessEnv,
  fn: (db: Awaited<ReturnType<typeof openDatabase>>["db"]) => Promise<T>,
) {
  const database = await openDatabase({
    databaseUrl: proc.databaseUrl,
    pgliteDir: proc.databaseUrl ? undefined : `${proc.dataDir}/db`,
    logger: silentLogger,
  });
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

Deno.test("tasks - admin:create makes an admin with a password from stdin, or a generated one", async () => {
  const proc = await createProcessEnv();
  try {
    const made = await runTask(proc, "admin_create.ts", [
      "--email",
      "Root@Example.com",
      "--password-stdin",
    ], "Vault-Keeper-2026!\n");
    assertEquals(made.code, 0, made.err);
    assertStringIncludes(made.out, "Created administrator root@example.com");
    assert(!made.out.includes("Vault-Keeper-2026!"), "a password from stdin is never printed");
    const admin = await withDb(
      proc,
      (db) =>
        db.selectFrom("users").selectAll().where("email", "=", "root@example.com")
          .executeTakeFirstOrThrow(),
    );
    assertEquals(admin.role, "admin");
    assert(await argon2Verify({ password: "Vault-Keeper-2026!", hash: admin.password_hash }));

    const again = await runTask(proc, "admin_create.ts", [
      "--email",
      "root@example.com",
      "--password-stdin",
    ], "Other-Pass-2026!\n");
    assertEquals(again.code, 0);
    assertStringIncludes(again.out, "already had an account");

    const generated = await runTask(proc, "admin_create.ts", [
      "--email",
      "second@example.com",
      "--name",
      "Second Admin",
    ]);
    assertEquals(generated.code, 0, generated.err);
    const password = /Password \(shown once[^)]*\): (\S+)/.exec(generated.out)?.[1];
    assert(password, "the generated password is printed once");
    const second = await withDb(
      proc,
      (db) =>
        db.selectFrom("users").selectAll().where("email", "=", "second@example.com")
          .executeTakeFirstOrThrow(),
    );
    assertEquals(second.full_name, "Second Admin");
    assert(await argon2Verify({ password, hash: second.password_hash }));
  } finally {
    await proc.cleanup();
  }
});

Deno.test("tasks - bad input gets a clear message and exit code 1", async () => {
  const proc = await createProcessEnv();
  try {
    const noEmail = await runTask(proc, "admin_create.ts", []);
    assertEquals(noEmail.code, 1);
    assertStringIncludes(noEmail.err, "--email <address> is required");
    const weak = await runTask(proc, "admin_create.ts", [
      "--email",
      "a@example.com",
      "--password-stdin",
    ], "password\n");
    assertEquals(weak.code, 1);
    assertStringIncludes(weak.err, "does not meet the policy");
    const unknown = await runTask(proc, "user_reset_password.ts", [
      "--email",
      "nobody@example.com",
    ]);
    assertEquals(unknown.code, 1);
    assertStringIncludes(unknown.err, "no account with the e-mail nobody@example.com");
    const bogus = await runTask(proc, "user_reset_2fa.ts", ["--email", "x@example.com", "--what"]);
    assertEquals(bogus.code, 1);
    assertStringIncludes(bogus.err, "Usage: deno task user:reset-2fa");
    const help = await runTask(proc, "user_reset_password.ts", ["--help"]);
    assertEquals(help.code, 0);
    assertStringIncludes(help.out, "Usage: deno task user:reset-password");
  } finally {
    await proc.cleanup();
  }
});

Deno.test("tasks - user:reset-password and user:reset-2fa end every session of the account", async () => {
  const proc = await createProcessEnv();
  try {
    assertEquals(
      (await runTask(
        proc,
        "admin_create.ts",
        ["--email", "lost@example.com", "--password-stdin"],
        "Forgotten-Pass-1!\n",
      )).code,
      0,
    );
    await withDb(proc, async (db) => {
      const user = await db.selectFrom("users").select("id").where("email", "=", "lost@example.com")
        .executeTakeFirstOrThrow();
      await sql`update users set totp_enabled = true, totp_secret_enc = 'v1.x.y' where id = ${user.id}`
        .execute(db);
      await sql`insert into sessions (user_id, expires_at) values (${user.id}, now() + interval '1 day')`
        .execute(db);
    });
    const reset = await runTask(proc, "user_reset_password.ts", [
      "--email",
      "lost@example.com",
      "--password-stdin",
    ], "Remembered-Pass-2!\n");
    assertEquals(reset.code, 0, reset.err);
    assertStringIncludes(reset.out, "all of its sessions are signed out");
    const twofa = await runTask(proc, "user_reset_2fa.ts", ["--email", "lost@example.com"]);
    assertEquals(twofa.code, 0, twofa.err);
    await withDb(proc, async (db) => {
      const user = await db.selectFrom("users").selectAll().where("email", "=", "lost@example.com")
        .executeTakeFirstOrThrow();
      assert(await argon2Verify({ password: "Remembered-Pass-2!", hash: user.password_hash }));
      assertEquals(user.totp_enabled, false);
      assertEquals(user.totp_secret_enc, null);
      const open = await db.selectFrom("sessions").select("id").where("user_id", "=", user.id)
        .where("revoked_at", "is", null).execute();
      assertEquals(open.length, 0, "no session survives");
      const events =
        (await db.selectFrom("audit_log").select("event_type").where("user_id", "=", user.id)
          .execute()).map((r) => r.event_type);
      assert(events.includes("password_reset") && events.includes("2fa_reset"), events.join(","));
    });
  } finally {
    await proc.cleanup();
  }
});

Deno.test({
  name: "tasks - on the embedded database they refuse to run while the server does",
  ignore: Boolean(testEnv.databaseUrl),
  async fn() {
    const proc = await createProcessEnv();
    try {
      await using server = spawnDeno("main.ts", { env: proc.env });
      await server.waitForLog((l) => l.msg === "DocuVault is ready", "the server", 60_000);
      const result = await runTask(proc, "admin_create.ts", ["--email", "a@example.com"]);
      assertEquals(result.code, 1);
      assertMatch(result.err, /DocuVault is already running on this data dir/);
      server.kill("SIGTERM");
      await server.status;
    } finally {
      await proc.cleanup();
    }
  },
});
