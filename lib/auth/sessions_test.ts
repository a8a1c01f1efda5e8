import { sql } from "kysely";
import {
  call,
  createTestApp,
  createTestClient,
  createTestDeps,
  type TestApp,
} from "../app/testing.ts";
import { fromBase64Url } from "../app/encryption.ts";
import { assert, assertEquals, assertNotEquals } from "../shared/assert.ts";
import {
  createAuthClock,
  errorOf,
  invalidFields,
  me,
  OTHER_PASSWORD,
  PASSWORD,
  registerAccount,
  setCookies,
  signIn,
} from "./auth_testing.ts";
import { sha256Hex } from "./tokens.ts";

const DAY_MS = 24 * 60 * 60_000;

function decodeJwtPart(token: string, index: number) {
  return JSON.parse(new TextDecoder().decode(fromBase64Url(token.split(".")[index])));
}

function refresh(app: TestApp, token: string) {
  return call(app, "/api/auth/refresh", {
    method: "POST",
    headers: { cookie: `dv_refresh=${token}` },
  });
}

Deno.test("sessions - cookies and tokens", async (t) => {
  const clock = createAuthClock();
  await using deps = await createTestDeps({ clock });
  const app = await createTestApp(deps);
  const browser = createTestClient(app);
  const response = await browser.call("/api/auth/register", {
    method: "POST",
    json: { email: "ada@example.com", password: PASSWORD, full_name: "Ada" },
  });
  assertEquals(response.status, 201);
  const cookies = setCookies(response);
  const access = cookies.get("dv_access")!;
  const refreshCookie = cookies.get("dv_refresh")!;

  await t.step("both cookies are HttpOnly, SameSite=Lax, Path=/ and not Secure on http", () => {
    for (const cookie of [access, refreshCookie]) {
      assertEquals(cookie.attributes.get("httponly"), "");
      assertEquals(cookie.attributes.get("samesite"), "Lax");
      assertEquals(cookie.attributes.get("path"), "/");
      assertEquals(cookie.attributes.has("secure"), false);
      assertEquals(cookie.attributes.has("domain"), false);
    }
  });

  await t.step("no token is in the JSON body (nothing for scripts to store)", async () => {
    const text = await response.text();
    assert(!text.includes(access.value) && !text.includes(refreshCookie.value));
  });

  await t.step("the access token is a 15-minute EdDSA JWT with a kid", () => {
    const header = decodeJwtPart(access.value, 0);
    const payload = decodeJwtPart(access.value, 1);
    assertEquals(header.alg, "EdDSA");
    assertEquals(header.kid, deps.secrets.jwt.signing.kid);
    assertEquals(payload.exp - payload.iat, 15 * 60);
    assertEquals(payload.iat, Math.floor(clock.now().getTime() / 1000));
    assertEquals(new Date(access.attributes.get("expires")!).getTime(), payload.exp * 1000);
  });

  await t.step("the refresh token lives 30 days and only its SHA-256 is stored", async () => {
    const expires = new Date(refreshCookie.attributes.get("expires")!).getTime();
    assertEquals(Math.round((expires - clock.now().getTime()) / DAY_MS), 30);
    const rows = await sql<{ token_hash: string; expires_at: Date }>`
      select token_hash, expires_at from refresh_tokens`.execute(deps.db);
    assertEquals(rows.rows.length, 1);
    assertEquals(rows.rows[0].token_hash, await sha256Hex(refreshCookie.value));
    assertEquals(rows.rows[0].expires_at.getTime(), clock.now().getTime() + 30 * DAY_MS);
  });

  await t.step("a tampered access token is refused", async () => {
    const [h, p, s] = access.value.split(".");
    const forged = `${h}.${p.slice(0, -2)}${p.endsWith("A") ? "B" : "A"}${p.slice(-1)}.${s}`;
    const res = await call(app, "/api/users/me", { headers: { cookie: `dv_access=${forged}` } });
    assertEquals(res.status, 401);
  });

  await t.step("the access token alone stops working after 15 minutes", async () => {
    const alone = { headers: { cookie: `dv_access=${access.value}` } };
    clock.advance(15 * 60_000 - 1_000);
    assertEquals((await call(app, "/api/users/me", alone)).status, 200);
    clock.advance(2_000);
    assertEquals((await call(app, "/api/users/me", alone)).status, 401);
  });

  await t.step("with the refresh cookie, an expired access token is renewed", async () => {
    const res = await browser.call("/api/users/me");
    assertEquals(res.status, 200);
    const renewed = setCookies(res);
    assertNotEquals(renewed.get("dv_access")?.value, access.value);
    assertNotEquals(renewed.get("dv_refresh")?.value, refreshCookie.value);
  });

  await t.step("a refresh token that was never issued is refused", async () => {
    assertEquals((await refresh(app, "made-up-token")).status, 401);
  });
});

Deno.test("sessions - cookies are Secure with the __Host- prefix behind https", async () => {
  await using deps = await createTestDeps({ env: { PUBLIC_URL: "https://vault.example.com" } });
  const app = await createTestApp(deps);
  const origin = { origin: "https://vault.example.com" };
  const json = { email: "sec@example.com", password: PASSWORD, full_name: "Sec" };
  const wrongOrigin = await call(app, "/api/auth/register", { method: "POST", json });
  assertEquals(wrongOrigin.status, 403, "http://localhost is not our origin any more");
  const response = await call(app, "/api/auth/register", { method: "POST", json, headers: origin });
  assertEquals(response.status, 201);
  const cookies = setCookies(response);
  assertEquals([...cookies.keys()].sort(), ["__Host-dv_access", "__Host-dv_refresh"]);
  for (const cookie of cookies.values()) {
    assertEquals(cookie.attributes.has("secure"), true);
    assertEquals(cookie.attributes.get("httponly"), "");
    assertEquals(cookie.attributes.get("samesite"), "Lax");
    assertEquals(cookie.attributes.get("path"), "/");
    assertEquals(cookie.attributes.has("domain"), false);
  }
  const access = cookies.get("__Host-dv_access")!.value;
  const ok = await call(app, "/api/users/me", {
    headers: { cookie: `__Host-dv_access=${access}` },
  });
  assertEquals(ok.status, 200);
  const plain = await call(app, "/api/users/me", { headers: { cookie: `dv_access=${access}` } });
  assertEquals(plain.status, 401, "the unprefixed name is not read behind https");
  const logout = await call(app, "/api/auth/logout", {
    method: "POST",
    headers: { ...origin, cookie: `__Host-dv_access=${access}` },
  });
  assertEquals(logout.status, 204);
  const cleared = setCookies(logout);
  for (const name of ["__Host-dv_access", "__Host-dv_refresh"]) {
    assertEquals(cleared.get(name)?.value, "", `${name} cleared`);
    assertEquals(cleared.get(name)?.attributes.has("secure"), true);
  }
});

Deno.test("sessions - refresh rotation and reuse detection", async (t) => {
  const clock = createAuthClock();
  await using deps = await createTestDeps({ clock });
  const app = await createTestApp(deps);
  const browser = createTestClient(app);
  const account = await registerAccount(browser, "ada@example.com");
  const first = browser.cookies.get("dv_refresh")!;
  let second = "";

  await t.step("every refresh rotates the refresh token", async () => {
    const res = await browser.call("/api/auth/refresh", { method: "POST" });
    assertEquals(res.status, 200);
    assertEquals((await res.json()).refreshed, true);
    second = browser.cookies.get("dv_refresh")!;
    assertNotEquals(second, first);
    const old = await sql<{ rotated_at: Date | null; replaced_by: string | null }>`
      select rotated_at, replaced_by from refresh_tokens where token_hash = ${await sha256Hex(
      first,
    )}`.execute(deps.db);
    const fresh = await sql<{ id: string }>`
      select id from refresh_tokens where token_hash = ${await sha256Hex(second)}`.execute(deps.db);
    assertEquals(old.rows[0].rotated_at?.getTime(), clock.now().getTime());
    assertEquals(old.rows[0].replaced_by, fresh.rows[0].id);
  });

  await t.step(
    "the old token within 20 s is the browser racing itself: no new tokens",
    async () => {
      clock.advance(19_000);
      const res = await refresh(app, first);
      assertEquals(res.status, 200);
      assertEquals((await res.json()).refreshed, false);
      assertEquals(res.headers.getSetCookie(), []);
      assertEquals(await me(browser), 200);
    },
  );

  await t.step("the old token after 20 s is theft: 401 and the whole session ends", async () => {
    clock.advance(2_000);
    const res = await refresh(app, first);
    const error = await errorOf(res);
    assertEquals(error.status, 401);
    assertEquals(await me(browser), 401, "the current access token is dead too");
    assertEquals((await refresh(app, second)).status, 401, "and the newest refresh token");
    const sessions = await sql<{ revoked_reason: string | null }>`
      select revoked_reason from sessions where user_id = ${account.id}`.execute(deps.db);
    assertEquals(sessions.rows.map((r) => r.revoked_reason), ["refresh_token_reuse"]);
    const live = await sql<{ n: number }>`
      select count(*)::int as n from refresh_tokens where revoked_at is null`.execute(deps.db);
    assertEquals(live.rows[0].n, 0);
    const audit = await sql<{ user_id: string }>`
      select user_id from audit_log where event_type = 'refresh_reuse'`.execute(deps.db);
    assertEquals(audit.rows.map((r) => r.user_id), [account.id]);
  });

  await t.step(
    "two refreshes racing with one token: one rotates, the other is let by",
    async () => {
      const client = createTestClient(app);
      await signIn(client, account);
      const token = client.cookies.get("dv_refresh")!;
      const answers = await Promise.all([refresh(app, token), refresh(app, token)]);
      assertEquals(answers.map((r) => r.status), [200, 200]);
      const refreshed = await Promise.all(answers.map(async (r) => (await r.json()).refreshed));
      assertEquals(refreshed.sort(), [false, true]);
      const live = await sql<{ n: number }>`select count(*)::int as n from refresh_tokens
      where revoked_at is null and rotated_at is null and user_id = ${account.id}`
        .execute(deps.db);
      assertEquals(live.rows[0].n, 1, "a single live refresh token for the session");
      assertEquals(await me(client), 200);
    },
  );

  await t.step("a refresh token stops after 30 days", async () => {
    const client = createTestClient(app);
    await signIn(client, account);
    const token = client.cookies.get("dv_refresh")!;
    clock.advance(30 * DAY_MS - 60_000);
    const res = await refresh(app, token);
    assertEquals(res.status, 200);
    assertEquals((await res.json()).refreshed, true, "a day before the end it still rotates");
    const stale = createTestClient(app);
    await signIn(stale, account);
    clock.advance(30 * DAY_MS + 1_000);
    assertEquals((await refresh(app, stale.cookies.get("dv_refresh")!)).status, 401);
  });
});

Deno.test("sessions - listing, revoking and signing out", async (t) => {
  await using deps = await createTestDeps();
  const app = await createTestApp(deps);
  const laptop = createTestClient(app, { userAgent: "Laptop/1.0" });
  const phone = createTestClient(app, { userAgent: "Phone/2.0" });
  const account = await registerAccount(laptop, "ada@example.com");
  await signIn(phone, account);
  const stranger = createTestClient(app);
  await registerAccount(stranger, "eve@example.com");
  let phoneSession = "";

  await t.step("GET /api/users/me/sessions lists them, the current one flagged", async () => {
    const res = await laptop.call("/api/users/me/sessions");
    const { sessions } = await res.json();
    assertEquals(sessions.length, 2);
    assertEquals(sessions.map((s: { current: boolean }) => s.current), [true, false]);
    assertEquals(sessions.map((s: { user_agent: string }) => s.user_agent), [
      "Laptop/1.0",
      "Phone/2.0",
    ]);
    phoneSession = sessions[1].id;
  });

  await t.step("another user cannot revoke them (404) and they keep working", async () => {
    const res = await stranger.call(`/api/users/me/sessions/${phoneSession}`, { method: "DELETE" });
    assertEquals(res.status, 404);
    assertEquals(await me(phone), 200);
  });

  await t.step("DELETE /api/users/me/sessions/{id} ends that session at once", async () => {
    const res = await laptop.call(`/api/users/me/sessions/${phoneSession}`, { method: "DELETE" });
    assertEquals(res.status, 204);
    assertEquals(await me(phone), 401);
    assertEquals(await me(laptop), 200);
    const again = await laptop.call(`/api/users/me/sessions/${phoneSession}`, { method: "DELETE" });
    assertEquals(again.status, 404);
    const bad = await laptop.call("/api/users/me/sessions/not-a-uuid", { method: "DELETE" });
    assertEquals(bad.status, 404);
  });

  await t.step("DELETE /api/users/me/sessions ends every other session", async () => {
    const tablet = createTestClient(app);
    await signIn(tablet, account);
    const res = await laptop.call("/api/users/me/sessions", { method: "DELETE" });
    assertEquals(res.status, 204);
    assertEquals(await me(tablet), 401);
    assertEquals(await me(laptop), 200);
    assertEquals(await me(stranger), 200, "other users are untouched");
  });

  await t.step("logout ends the session and clears the cookies", async () => {
    const access = laptop.cookies.get("dv_access")!;
    const refreshToken = laptop.cookies.get("dv_refresh")!;
    const res = await laptop.call("/api/auth/logout", { method: "POST" });
    assertEquals(res.status, 204);
    const cleared = setCookies(res);
    assertEquals(cleared.get("dv_access")?.value, "");
    assertEquals(cleared.get("dv_refresh")?.value, "");
    assertEquals(laptop.cookies.size, 0);
    const replay = await call(app, "/api/users/me", { headers: { cookie: `dv_access=${access}` } });
    assertEquals(replay.status, 401, "a copied access token dies with the session");
    assertEquals((await refresh(app, refreshToken)).status, 401);
  });
});

Deno.test("sessions - a password change ends the other sessions at once", async (t) => {
  await using deps = await createTestDeps();
  const app = await createTestApp(deps);
  const laptop = createTestClient(app);
  const phone = createTestClient(app);
  const account = await registerAccount(laptop, "ada@example.com");
  await signIn(phone, account);
  const change = (current: string, next: string) =>
    laptop.call("/api/users/me/password", {
      method: "POST",
      json: { current_password: current, new_password: next },
    });

  await t.step("a wrong current password is 422 and changes nothing", async () => {
    const error = await errorOf(await change("Wrong-Password-1", OTHER_PASSWORD));
    assertEquals([error.status, error.code], [422, "auth.wrong_password"]);
    assertEquals(await me(phone), 200);
  });

  await t.step("a new password must meet the policy", async () => {
    assertEquals(await invalidFields(await change(PASSWORD, "short")), [
      "new_password",
      "new_password",
      "new_password",
      "new_password",
    ]);
  });

  await t.step("a good change: 204, other sessions 401, this one keeps working", async () => {
    assertEquals((await change(PASSWORD, OTHER_PASSWORD)).status, 204);
    assertEquals(await me(phone), 401);
    assertEquals(await me(laptop), 200);
    const hash = await sql<{ password_hash: string }>`select password_hash from users`
      .execute(deps.db);
    assert(hash.rows[0].password_hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
  });

  await t.step("the old password no longer signs in; the new one does", async () => {
    const old = await call(app, "/api/auth/login", {
      method: "POST",
      json: { email: account.email, password: PASSWORD },
    });
    assertEquals(old.status, 401);
    await signIn(createTestClient(app), { ...account, password: OTHER_PASSWORD });
  });
});
