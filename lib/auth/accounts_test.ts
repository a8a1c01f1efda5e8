import { sql } from "kysely";
import { call, createTestApp, createTestClient, createTestDeps } from "../app/testing.ts";
import { assert, assertEquals } from "../shared/assert.ts";
import { sleep } from "../shared/clock.ts";
import {
  createAuthClock,
  deactivate,
  errorOf,
  invalidFields,
  me,
  PASSWORD,
  registerAccount,
  signIn,
} from "./auth_testing.ts";

Deno.test("accounts - registration rules", async (t) => {
  await using deps = await createTestDeps();
  const app = await createTestApp(deps);

  await t.step("the e-mail is trimmed and lower-cased", async () => {
    const account = await registerAccount(createTestClient(app), "  Ada.Lovelace@Example.COM ");
    assertEquals(account.email, "ada.lovelace@example.com");
    const rows = await sql<{ email: string }>`select email from users where id = ${account.id}`
      .execute(deps.db);
    assertEquals(rows.rows[0].email, "ada.lovelace@example.com");
  });

  await t.step("the same e-mail again, in any case, is a conflict (409)", async () => {
    const response = await call(app, "/api/auth/register", {
      method: "POST",
      json: { email: "ADA.LOVELACE@example.com", password: PASSWORD, full_name: "Impostor" },
    });
    assertEquals(response.status, 409);
    assertEquals(response.headers.getSetCookie(), [], "no session for a refused registration");
    const count = await sql<{ n: number }>`select count(*)::int as n from users`.execute(deps.db);
    assertEquals(count.rows[0].n, 1);
  });

  await t.step("the password is stored as argon2id with m=19456, t=2, p=1", async () => {
    const rows = await sql<{ password_hash: string }>`select password_hash from users`
      .execute(deps.db);
    const hash = rows.rows[0].password_hash;
    assert(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
    assert(!hash.includes(PASSWORD));
  });

  await t.step("a weak password is refused with the broken rules", async () => {
    const response = await call(app, "/api/auth/register", {
      method: "POST",
      json: { email: "weak@example.com", password: "password", full_name: "Weak" },
    });
    const fields = await invalidFields(response);
    assertEquals(fields, ["password", "password", "password", "password"]);
  });

  await t.step("an invalid e-mail and an empty name are refused", async () => {
    const response = await call(app, "/api/auth/register", {
      method: "POST",
      json: { email: "not-an-email", password: PASSWORD, full_name: "  " },
    });
    assertEquals((await invalidFields(response)).sort(), ["email", "full_name"]);
  });

  await t.step("the account as the API shows it holds no hash or secret", async () => {
    const client = createTestClient(app);
    const account = await registerAccount(client, "grace@example.com");
    const user = await (await client.call("/api/users/me")).json();
    assertEquals(Object.keys(user).sort(), [
      "backup_codes_remaining",
      "color_mode",
      "created_at",
      "email",
      "full_name",
      "id",
      "pinned_app_ids",
      "role",
      "totp_enabled",
    ]);
    assertEquals([user.id, user.role, user.totp_enabled], [account.id, "user", false]);
  });

  await t.step("the sign-in e-mail is matched after trimming and lower-casing", async () => {
    const client = createTestClient(app);
    await signIn(client, { id: "", email: "  ADA.lovelace@EXAMPLE.com", password: PASSWORD });
    assertEquals(await me(client), 200);
  });
});

Deno.test("accounts - closed registration answers 403 auth.registration_closed", async () => {
  await using deps = await createTestDeps({ env: { REGISTRATION: "closed" } });
  const app = await createTestApp(deps);
  const response = await call(app, "/api/auth/register", {
    method: "POST",
    json: { email: "late@example.com", password: PASSWORD, full_name: "Late" },
  });
  const error = await errorOf(response);
  assertEquals([error.status, error.code], [403, "auth.registration_closed"]);
  const count = await sql<{ n: number }>`select count(*)::int as n from users`.execute(deps.db);
  assertEquals(count.rows[0].n, 0);
});

/**
 * The status `probe` answers once it is `expected`, or its last answer after `ms` of real
 * time. Changes made straight in the database reach this process's sign-in cache through
 * the docuvault_auth notification, which PostgreSQL delivers a moment after the commit.
 */
async function statusSoon(probe: () => Promise<number>, expected: number, ms = 1_000) {
  const deadline = Date.now() + ms;
  let status = await probe();
  while (status !== expected && Date.now() < deadline) {
    await sleep(5);
    status = await probe();
  }
  return status;
}

Deno.test("accounts - a deactivated account cannot sign in and its access stops at once", async () => {
  // The clock stands still, so no cache entry can expire: only the change itself ends access.
  const clock = createAuthClock();
  await using deps = await createTestDeps({ clock });
  const app = await createTestApp(deps);
  const browser = createTestClient(app);
  const account = await registerAccount(browser, "gone@example.com");
  const created = await browser.call("/api/users/me/tokens", {
    method: "POST",
    json: { name: "script" },
  });
  assertEquals(created.status, 201);
  const { token } = await created.json();
  const bearer = async () => {
    const res = await call(app, "/api/users/me", { headers: { authorization: `Bearer ${token}` } });
    await res.body?.cancel();
    return res.status;
  };
  assertEquals([await me(browser), await bearer()], [200, 200]);

  // As an administrator's tool in another process would: straight in the database.
  await deactivate(deps, account.id);

  assertEquals(await statusSoon(() => me(browser), 401), 401, "the open session ends");
  assertEquals(await statusSoon(bearer, 401), 401, "the API token stops too");
  const login = await call(app, "/api/auth/login", {
    method: "POST",
    json: { email: account.email, password: PASSWORD },
  });
  const error = await errorOf(login);
  assertEquals([error.status, error.code], [403, "auth.account_disabled"]);
  assertEquals(login.headers.getSetCookie(), []);
  const wrong = await call(app, "/api/auth/login", {
    method: "POST",
    json: { email: account.email, password: "Not-The-Password-1" },
  });
  assertEquals((await errorOf(wrong)).code, "auth.invalid_credentials", "no hint without it");
});
