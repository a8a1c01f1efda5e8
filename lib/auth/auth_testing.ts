/**
 * Small helpers shared by the account and session tests: sign-up and sign-in through the
 * real API, reading Set-Cookie headers, and enrolling in 2FA like an authenticator app.
 * Test-only: nothing outside `*_test.ts` files imports this.
 */
import { sql } from "kysely";
import type { Deps } from "../app/deps.ts";
import { type CallInit, createTestClient, type TestApp, type TestClient } from "../app/testing.ts";
import { createManualClock, type ManualClock } from "../shared/clock.ts";
import { assert, assertEquals } from "../shared/assert.ts";
import { currentTotp } from "./totp.ts";

export const PASSWORD = "Analytical-Engine-1843";
export const OTHER_PASSWORD = "Difference-Engine-1822";

/**
 * A manual clock near real time (the test client drops cookies whose Expires is in the
 * real past), one second into a 30-second TOTP step so that step arithmetic is exact.
 */
export function createAuthClock(): ManualClock {
  return createManualClock(new Date(Math.floor(Date.now() / 30_000) * 30_000 + 1_000));
}

export interface ParsedCookie {
  value: string;
  /** Attribute names (lower-case) mapped to their values ("" for flags). */
  attributes: Map<string, string>;
}

/** The Set-Cookie headers of a response, by cookie name. */
export function setCookies(response: Response): Map<string, ParsedCookie> {
  const cookies = new Map<string, ParsedCookie>();
  for (const header of response.headers.getSetCookie()) {
    const [pair, ...rest] = header.split(";").map((s) => s.trim());
    const eq = pair.indexOf("=");
    const attributes = new Map<string, string>();
    for (const attribute of rest) {
      const at = attribute.indexOf("=");
      if (at < 0) attributes.set(attribute.toLowerCase(), "");
      else attributes.set(attribute.slice(0, at).toLowerCase(), attribute.slice(at + 1));
    }
    cookies.set(pair.slice(0, eq), { value: pair.slice(eq + 1), attributes });
  }
  return cookies;
}

/** `{ status, code, message }` of an error answer (SPEC §5 shape). */
export async function errorOf(
  response: Response,
): Promise<{ status: number; code: string; message: string }> {
  const body = await response.json();
  return { status: response.status, code: body.error?.code, message: body.error?.message };
}

/** Field paths of a 422 answer. */
export async function invalidFields(response: Response): Promise<string[]> {
  assertEquals(response.status, 422);
  const body = await response.json();
  assertEquals(body.error.code, "validation_failed");
  return body.error.details.fields.map((f: { path: string }) => f.path);
}

export interface Account {
  id: string;
  email: string;
  password: string;
}

/** Register through the API (the client is then signed in). */
export async function registerAccount(
  client: TestClient,
  email: string,
  options: { password?: string; fullName?: string; init?: CallInit } = {},
): Promise<Account> {
  const password = options.password ?? PASSWORD;
  const response = await client.call("/api/auth/register", {
    method: "POST",
    json: { email, password, full_name: options.fullName ?? "Test Person" },
    ...options.init,
  });
  assertEquals(response.status, 201, await response.clone().text());
  const { user } = await response.json();
  return { id: user.id, email: user.email, password };
}

/**
 * An administrator: registered through the API, made an admin in the database (as
 * `deno task admin:create` would), then signed in with a fresh client.
 */
export async function signUpAdmin(
  app: TestApp,
  deps: Pick<Deps, "db" | "authCache">,
  email = "root@example.com",
  fullName = "Root Admin",
): Promise<{ client: TestClient; account: Account }> {
  const account = await registerAccount(createTestClient(app), email, { fullName });
  await sql`update users set role = 'admin' where id = ${account.id}`.execute(deps.db);
  deps.authCache.invalidateUser(account.id);
  const client = createTestClient(app);
  await signIn(client, account);
  return { client, account };
}

/** Sign in with e-mail and password (no 2FA); asserts success. */
export async function signIn(client: TestClient, account: Account): Promise<void> {
  const response = await client.call("/api/auth/login", {
    method: "POST",
    json: { email: account.email, password: account.password },
  });
  assertEquals(response.status, 200, await response.clone().text());
  const body = await response.json();
  assertEquals(body.mfa_required, undefined);
}

/** Step one of a 2FA sign-in; returns the mfa_token. */
export async function passwordStep(client: TestClient, account: Account): Promise<string> {
  const response = await client.call("/api/auth/login", {
    method: "POST",
    json: { email: account.email, password: account.password },
  });
  assertEquals(response.status, 200, await response.clone().text());
  const body = await response.json();
  assertEquals(body.mfa_required, true);
  assert(typeof body.mfa_token === "string");
  return body.mfa_token;
}

/** Step two of a 2FA sign-in. */
export function codeStep(client: TestClient, mfaToken: string, code: string): Promise<Response> {
  return client.call("/api/auth/login/2fa", {
    method: "POST",
    json: { mfa_token: mfaToken, code },
  });
}

/** Turn 2FA on for the signed-in client, like a user with an authenticator app. */
export async function enrolTwoFactor(
  client: TestClient,
  clock: { now(): Date },
  password = PASSWORD,
): Promise<{ secret: string; backupCodes: string[] }> {
  const setup = await client.call("/api/users/me/2fa/setup", {
    method: "POST",
    json: { password },
  });
  assertEquals(setup.status, 200, await setup.clone().text());
  const { secret } = await setup.json();
  const enable = await client.call("/api/users/me/2fa/enable", {
    method: "POST",
    json: { code: currentTotp(secret, clock.now()) },
  });
  assertEquals(enable.status, 200, await enable.clone().text());
  const { backup_codes } = await enable.json();
  return { secret, backupCodes: backup_codes };
}

/** A 6-digit code valid for none of the steps around `now`. */
export function wrongTotp(secret: string, now: Date): string {
  const valid = new Set(
    [-30_000, 0, 30_000].map((ms) => currentTotp(secret, new Date(now.getTime() + ms))),
  );
  for (let n = 0;; n++) {
    const code = String(n).padStart(6, "0");
    if (!valid.has(code)) return code;
  }
}

/** The status of GET /api/users/me: 200 while signed in, 401 once the session has ended. */
export async function me(client: TestClient): Promise<number> {
  const response = await client.call("/api/users/me");
  await response.body?.cancel();
  return response.status;
}

/** Mark an account deactivated, as an administrator would. */
export async function deactivate(deps: Deps, userId: string): Promise<void> {
  await sql`update users set is_active = false where id = ${userId}`.execute(deps.db);
}
