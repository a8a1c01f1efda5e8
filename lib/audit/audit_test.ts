import { sql } from "kysely";
import { call, createTestApp, createTestClient, createTestDeps } from "../app/testing.ts";
import {
  codeStep,
  createAuthClock,
  enrolTwoFactor,
  OTHER_PASSWORD,
  PASSWORD,
  passwordStep,
  registerAccount,
  signIn,
} from "../auth/auth_testing.ts";
import { currentTotp } from "../auth/totp.ts";
import { assert, assertEquals } from "../shared/assert.ts";

const IP = "203.0.113.7";
const USER_AGENT = "AuditTest/1.0 (X11; Linux)";

interface Row {
  event_type: string;
  user_id: string | null;
  resource_id: string | null;
  ip: string | null;
  user_agent: string | null;
  metadata: string;
}

Deno.test("audit - every account event is recorded with ip and user agent, no secrets", async (t) => {
  const clock = createAuthClock();
  await using deps = await createTestDeps({ clock, env: { TRUST_PROXY: "true" } });
  const app = await createTestApp(deps);
  const client = () => createTestClient(app, { ip: IP, userAgent: USER_AGENT });
  const secrets: string[] = [PASSWORD, OTHER_PASSWORD];
  const remember = (c: { cookies: Map<string, string> }) => secrets.push(...c.cookies.values());

  const laptop = client();
  const account = await registerAccount(laptop, "ada@example.com");
  remember(laptop);

  await t.step("run every kind of account event", async () => {
    assertEquals((await laptop.call("/api/auth/logout", { method: "POST" })).status, 204);
    const failed = await laptop.call("/api/auth/login", {
      method: "POST",
      json: { email: account.email, password: "Wrong-Password-9" },
    });
    assertEquals(failed.status, 401);
    secrets.push("Wrong-Password-9");
    await signIn(laptop, account);
    remember(laptop);

    const created = await laptop.call("/api/users/me/tokens", {
      method: "POST",
      json: { name: "script" },
    });
    const { token, api_token } = await created.json();
    secrets.push(token);
    const revoked = await laptop.call(`/api/users/me/tokens/${api_token.id}`, {
      method: "DELETE",
    });
    assertEquals(revoked.status, 204);

    const phone = client();
    await signIn(phone, account);
    remember(phone);
    const stolen = phone.cookies.get("dv_refresh")!;
    assertEquals((await phone.call("/api/auth/refresh", { method: "POST" })).status, 200);
    remember(phone);
    clock.advance(21_000);
    const reuse = await call(app, "/api/auth/refresh", {
      method: "POST",
      headers: { cookie: `dv_refresh=${stolen}`, "x-forwarded-for": IP, "user-agent": USER_AGENT },
    });
    assertEquals(reuse.status, 401);

    const tablet = client();
    await signIn(tablet, account);
    const sessions = (await (await laptop.call("/api/users/me/sessions")).json()).sessions;
    const other = sessions.find((s: { current: boolean }) => !s.current);
    const del = await laptop.call(`/api/users/me/sessions/${other.id}`, { method: "DELETE" });
    assertEquals(del.status, 204);

    const changed = await laptop.call("/api/users/me/password", {
      method: "POST",
      json: { current_password: PASSWORD, new_password: OTHER_PASSWORD },
    });
    assertEquals(changed.status, 204);
    account.password = OTHER_PASSWORD;

    const { secret, backupCodes } = await enrolTwoFactor(laptop, clock, OTHER_PASSWORD);
    secrets.push(secret, ...backupCodes);
    const second = client();
    const mfaToken = await passwordStep(second, account);
    secrets.push(mfaToken);
    assertEquals((await codeStep(second, mfaToken, backupCodes[0])).status, 200);
    remember(second);
    clock.advance(30_000);
    const disabled = await laptop.call("/api/users/me/2fa/disable", {
      method: "POST",
      json: { password: OTHER_PASSWORD, code: currentTotp(secret, clock.now()) },
    });
    assertEquals(disabled.status, 204);
  });

  const rows = (await sql<Row>`
    select event_type, user_id, resource_id, ip, user_agent, metadata::text as metadata
    from audit_log order by id`.execute(deps.db)).rows;

  await t.step("each event of SPEC §4.1 is there, about the right user", () => {
    const types = new Set(rows.map((r) => r.event_type));
    for (
      const event of [
        "register",
        "login",
        "login_failed",
        "logout",
        "refresh_reuse",
        "password_changed",
        "2fa_enabled",
        "2fa_disabled",
        "backup_code_used",
        "token_created",
        "token_revoked",
        "session_revoked",
      ]
    ) {
      assert(types.has(event), `no ${event} row in ${[...types].join(", ")}`);
    }
    for (const row of rows) assertEquals(row.user_id, account.id, row.event_type);
  });

  await t.step("each row has the client's ip and user agent", () => {
    for (const row of rows) {
      assertEquals([row.event_type, row.ip, row.user_agent], [row.event_type, IP, USER_AGENT]);
    }
  });

  await t.step("the rows point at what they are about", () => {
    const byType = (type: string) => rows.filter((r) => r.event_type === type);
    for (const type of ["login", "logout", "refresh_reuse", "session_revoked", "token_created"]) {
      for (const row of byType(type)) assert(row.resource_id, `${type} has a resource id`);
    }
    assertEquals(JSON.parse(byType("backup_code_used")[0].metadata).remaining, 9);
    assertEquals(JSON.parse(byType("login_failed")[0].metadata).reason, "wrong_password");
  });

  await t.step("no metadata holds a password, token, code or secret", () => {
    assert(secrets.length > 20, `collected ${secrets.length} secrets`);
    for (const row of rows) {
      const text = JSON.stringify(row);
      for (const secret of secrets) {
        assert(!text.includes(secret), `${row.event_type} contains a secret`);
      }
    }
  });
});

Deno.test("audit - X-Forwarded-For counts only behind a trusted proxy, last hop first", async () => {
  for (
    const [trust, forwarded, expected] of [
      ["false", "198.51.100.1", null],
      ["true", "198.51.100.1, 203.0.113.9", "203.0.113.9"],
    ] as const
  ) {
    await using deps = await createTestDeps({ env: { TRUST_PROXY: trust } });
    const app = await createTestApp(deps);
    const res = await call(app, "/api/auth/login", {
      method: "POST",
      json: { email: "nobody@example.com", password: PASSWORD },
      headers: { "x-forwarded-for": forwarded, "user-agent": USER_AGENT },
    });
    assertEquals(res.status, 401);
    const rows = (await sql<Row>`select ip, user_agent from audit_log`.execute(deps.db)).rows;
    assertEquals(rows.map((r) => [r.ip, r.user_agent]), [[expected, USER_AGENT]], trust);
  }
});
