import { sql } from "kysely";
import { createMemoryLogger } from "../app/logger.ts";
import { call, createTestApp, createTestDeps, type TestDeps } from "../app/testing.ts";
import { NO_CLIENT } from "../audit/audit_service.ts";
import { AppError } from "../shared/errors.ts";
import {
  assert,
  assertEquals,
  assertInstanceOf,
  assertRejects,
  assertStringIncludes,
} from "../shared/assert.ts";
import { PASSWORD } from "./auth_testing.ts";
import { ensureFirstAdmin, isSetupOpen, setupFirstAdmin } from "./bootstrap_service.ts";

async function admins(deps: TestDeps) {
  return (await sql<{ email: string; password_hash: string }>`
    select email, password_hash from users where role = 'admin'`.execute(deps.db)).rows;
}

Deno.test("bootstrap - ADMIN_EMAIL and ADMIN_PASSWORD create the first admin once", async () => {
  await using deps = await createTestDeps({
    env: { ADMIN_EMAIL: " Root@Example.com ", ADMIN_PASSWORD: PASSWORD },
  });
  await ensureFirstAdmin(deps);
  await ensureFirstAdmin(deps);
  const rows = await admins(deps);
  assertEquals(rows.map((r) => r.email), ["root@example.com"]);
  assert(rows[0].password_hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
  const app = await createTestApp(deps);
  const login = await call(app, "/api/auth/login", {
    method: "POST",
    json: { email: "root@example.com", password: PASSWORD },
  });
  assertEquals(login.status, 200);
  assertEquals((await login.json()).user.role, "admin");
  assertEquals(await isSetupOpen(deps), false);
});

Deno.test("bootstrap - a weak ADMIN_PASSWORD stops the start, naming ADMIN_PASSWORD", async () => {
  await using deps = await createTestDeps({
    env: { ADMIN_EMAIL: "root@example.com", ADMIN_PASSWORD: "admin" },
  });
  const error = await assertRejects(() => ensureFirstAdmin(deps));
  assertInstanceOf(error, AppError);
  assertStringIncludes(error.message, "ADMIN_PASSWORD");
  assertEquals(await admins(deps), []);
});

Deno.test("bootstrap - without the env a one-time setup token is logged", async (t) => {
  const logger = createMemoryLogger("debug");
  await using deps = await createTestDeps({ logger });
  await ensureFirstAdmin(deps);
  const line = logger.lines.find((l) => String(l.msg).includes("setup"));
  const token = /token to create one: (\S+)/.exec(String(line?.msg))?.[1] ?? "";
  const setup = (setupToken: string, email = "root@example.com") =>
    setupFirstAdmin({
      deps,
      token: setupToken,
      email,
      password: PASSWORD,
      fullName: "Root",
      client: NO_CLIENT,
    });

  await t.step("the token is in the log, and only its hash in the database", async () => {
    assertEquals(line?.level, "warn");
    assert(token.length >= 32, `token: ${token}`);
    assertEquals(await isSetupOpen(deps), true);
    const dump = await sql<{ dump: string }>`
      select coalesce(json_agg(s), '[]'::json)::text as dump from settings s`.execute(deps.db);
    assert(!dump.rows[0].dump.includes(token));
  });

  await t.step("a wrong token creates nothing", async () => {
    const error = await assertRejects(() => setup(token.slice(0, -1) + "x"));
    assertInstanceOf(error, AppError);
    assertEquals(error.code, "auth.invalid_code");
    assertEquals(await admins(deps), []);
    assertEquals(await isSetupOpen(deps), true, "the right token still works after a wrong one");
  });

  await t.step("the right token creates the admin and signs them in", async () => {
    const { user, session } = await setup(` ${token} `);
    assertEquals([user.email, user.role], ["root@example.com", "admin"]);
    assert(session.access.token && session.refresh.token);
    assertEquals((await admins(deps)).length, 1);
    assertEquals(await isSetupOpen(deps), false);
  });

  await t.step("a second use fails and creates nothing", async () => {
    const error = await assertRejects(() => setup(token, "second@example.com"));
    assertInstanceOf(error, AppError);
    assertEquals(error.status, 404);
    assertEquals((await admins(deps)).map((r) => r.email), ["root@example.com"]);
  });

  await t.step("later starts neither log a token nor reopen the setup", async () => {
    const before = logger.lines.length;
    await ensureFirstAdmin(deps);
    assertEquals(logger.lines.slice(before).filter((l) => String(l.msg).includes("token")), []);
    assertEquals(await isSetupOpen(deps), false);
  });
});
