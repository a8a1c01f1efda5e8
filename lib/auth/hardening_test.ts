/**
 * Rules added after an attacker's read of the account code: what a stolen API token or
 * session may not do, what must not be stored, and how counters and sessions age.
 */
import { sql } from "kysely";
import { createMemoryLogger } from "../app/logger.ts";
import { createTestApp, createTestClient, createTestDeps } from "../app/testing.ts";
import { assert, assertEquals, assertStringIncludes } from "../shared/assert.ts";
import {
  createAuthClock,
  enrolTwoFactor,
  errorOf,
  PASSWORD,
  registerAccount,
  setCookies,
  wrongTotp,
} from "./auth_testing.ts";
import { ensureFirstAdmin } from "./bootstrap_service.ts";
import { SESSION_TTL_MS } from "./sessions_service.ts";

async function apiToken(browser: ReturnType<typeof createTestClient>): Promise<string> {
  const res = await browser.call("/api/users/me/tokens", {
    method: "POST",
    json: { name: "script" },
  });
  assertEquals(res.status, 201);
  return (await res.json()).token;
}

Deno.test("hardening - an API token cannot change credentials or sessions", async () => {
  await using deps = await createTestDeps();
  const app = await createTestApp(deps);
  const browser = createTestClient(app);
  await registerAccount(browser, "ada@example.com");
  const token = await apiToken(browser);
  const script = createTestClient(app);
  const bearer = { authorization: `Bearer ${token}` };
  assertEquals(
    (await script.call("/api/users/me", { headers: bearer })).status,
    200,
    "reading works",
  );
  const forbidden: [string, string, unknown][] = [
    ["POST", "/api/users/me/tokens", { name: "another" }],
    ["POST", "/api/users/me/password", {
      current_password: PASSWORD,
      new_password: "Other-Password-42!",
    }],
    ["POST", "/api/users/me/2fa/setup", { password: PASSWORD }],
    ["DELETE", "/api/users/me/sessions", undefined],
  ];
  for (const [method, path, json] of forbidden) {
    const res = await script.call(path, { method, headers: bearer, json, noOrigin: true });
    const error = await errorOf(res);
    assertEquals([error.status, error.code], [403, "auth.session_required"], `${method} ${path}`);
  }
  assertEquals((await browser.call("/api/users/me")).status, 200, "the browser session survives");
});

Deno.test("hardening - starting 2FA needs the password; wrong codes are field errors, counted", async () => {
  const clock = createAuthClock();
  await using deps = await createTestDeps({ clock });
  const app = await createTestApp(deps);
  const browser = createTestClient(app);
  await registerAccount(browser, "ada@example.com");
  const noPassword = await browser.call("/api/users/me/2fa/setup", {
    method: "POST",
    json: { password: "Wrong-Pass-1!" },
  });
  assertEquals((await errorOf(noPassword)).code, "auth.wrong_password");
  assertEquals(noPassword.status, 422);

  const setup = await (await browser.call("/api/users/me/2fa/setup", {
    method: "POST",
    json: { password: PASSWORD },
  })).json();
  const wrongEnable = await browser.call("/api/users/me/2fa/enable", {
    method: "POST",
    json: { code: wrongTotp(setup.secret, clock.now()) },
  });
  assertEquals(wrongEnable.status, 422, "a signed-in user's wrong code is not 'signed out'");
  const body = await wrongEnable.json();
  assertEquals(body.error.code, "auth.invalid_code");
  assertEquals(body.error.details.fields[0].path, "code");
  assertEquals((await browser.call("/api/users/me")).status, 200);

  await browser.call("/api/users/me/2fa/setup", { method: "POST", json: { password: PASSWORD } });
  const { secret } = await enrolTwoFactor(browser, clock);
  // The wrong password at the start was failure 1; four wrong codes make five.
  for (let i = 0; i < 4; i++) {
    const res = await browser.call("/api/users/me/2fa/disable", {
      method: "POST",
      json: { password: PASSWORD, code: wrongTotp(secret, clock.now()) },
    });
    assertEquals(res.status, 422);
  }
  const locked = await browser.call("/api/users/me/2fa/disable", {
    method: "POST",
    json: { password: PASSWORD, code: wrongTotp(secret, clock.now()) },
  });
  assertEquals(locked.status, 429, "wrong codes count like failed sign-ins");
});

Deno.test("hardening - what an unknown account typed is not stored in clear", async () => {
  await using deps = await createTestDeps();
  const app = await createTestApp(deps);
  const browser = createTestClient(app);
  const typed = "My-Password-Typed-In-The-Wrong-Field";
  const res = await browser.call("/api/auth/login", {
    method: "POST",
    json: { email: typed, password: "x" },
  });
  assertEquals(res.status, 401);
  const { rows } = await sql<{ dump: string }>`
    select coalesce((select json_agg(t)::text from audit_log t), '') ||
           coalesce((select json_agg(t)::text from auth_throttles t), '') as dump
  `.execute(deps.db);
  assert(rows[0].dump.length > 10, "something was recorded");
  assert(
    !rows[0].dump.toLowerCase().includes(typed.toLowerCase()),
    "not in the audit log nor the counters",
  );
});

Deno.test("hardening - failures spread over hours do not add up to a lockout", async () => {
  const clock = createAuthClock();
  await using deps = await createTestDeps({ clock });
  const app = await createTestApp(deps);
  const browser = createTestClient(app);
  await registerAccount(browser, "ada@example.com");
  // One typo every 50 minutes for 6 hours: never 5 within the hour of the first.
  for (let i = 0; i < 8; i++) {
    const res = await browser.call("/api/auth/login", {
      method: "POST",
      json: { email: "ada@example.com", password: "Typo-Password-1!" },
    });
    assertEquals(res.status, 401, `typo ${i + 1}`);
    clock.advance(50 * 60_000);
  }
  const ok = await browser.call("/api/auth/login", {
    method: "POST",
    json: { email: "ada@example.com", password: PASSWORD },
  });
  assertEquals(ok.status, 200);
});

Deno.test("hardening - refreshing does not make a session outlive its 30 days", async () => {
  const clock = createAuthClock();
  await using deps = await createTestDeps({ clock });
  const app = await createTestApp(deps);
  const browser = createTestClient(app);
  const signIn = await browser.call("/api/auth/register", {
    method: "POST",
    json: { email: "ada@example.com", password: PASSWORD, full_name: "Ada" },
  });
  const first = setCookies(signIn).get("dv_refresh")!.attributes.get("expires")!;
  clock.advance(10 * 24 * 60 * 60_000);
  const refreshed = await browser.call("/api/auth/refresh", { method: "POST" });
  assertEquals(refreshed.status, 200);
  const second = setCookies(refreshed).get("dv_refresh")!.attributes.get("expires")!;
  assertEquals(new Date(second).getTime(), new Date(first).getTime(), "the same end as at sign-in");
  assert(
    new Date(second).getTime() - (clock.now().getTime() - 10 * 24 * 60 * 60_000) <=
      SESSION_TTL_MS + 1000,
  );
});

Deno.test("hardening - ADMIN_EMAIL never promotes an account someone already registered", async () => {
  const logger = createMemoryLogger("info");
  await using deps = await createTestDeps({
    logger,
    env: { ADMIN_EMAIL: "root@example.com", ADMIN_PASSWORD: "Operator-Chosen-Pass-1!" },
  });
  const app = await createTestApp(deps);
  const squatter = createTestClient(app);
  await registerAccount(squatter, "root@example.com");
  await ensureFirstAdmin(deps);
  const me = await (await squatter.call("/api/users/me")).json();
  assertEquals(me.role, "user", "the squatter is not promoted");
  const error = logger.lines.find((l) => l.level === "error");
  assertStringIncludes(String(error?.msg), "ADMIN_EMAIL belongs to an existing account");
  assert(
    logger.lines.some((l) => String(l.msg).startsWith("No administrator yet")),
    "setup token instead",
  );
});
