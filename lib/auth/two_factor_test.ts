import { sql } from "kysely";
import { call, createTestApp, createTestClient, createTestDeps } from "../app/testing.ts";
import { assert, assertEquals, assertMatch, assertStringIncludes } from "../shared/assert.ts";
import {
  codeStep,
  createAuthClock,
  errorOf,
  me,
  PASSWORD,
  passwordStep,
  registerAccount,
  signIn,
  wrongTotp,
} from "./auth_testing.ts";
import { normaliseBackupCode, sha256Hex } from "./tokens.ts";
import { currentTotp } from "./totp.ts";

const STEP = 30_000;

Deno.test("two-factor - enrolment, second step, replay and backup codes", async (t) => {
  const clock = createAuthClock();
  await using deps = await createTestDeps({ clock });
  const app = await createTestApp(deps);
  const laptop = createTestClient(app);
  const phone = createTestClient(app);
  const account = await registerAccount(laptop, "ada@example.com");
  await signIn(phone, account);
  let secret = "";
  let backupCodes: string[] = [];
  const at = (offsetMs: number) => currentTotp(secret, new Date(clock.now().getTime() + offsetMs));
  const userRow = async () =>
    (await sql<{
      totp_secret_enc: string | null;
      totp_pending_secret_enc: string | null;
      totp_enabled: boolean;
    }>`select totp_secret_enc, totp_pending_secret_enc, totp_enabled from users
       where id = ${account.id}`.execute(deps.db)).rows[0];

  await t.step("setup gives a SHA-1, 6-digit, 30 s secret, stored encrypted", async () => {
    const res = await laptop.call("/api/users/me/2fa/setup", {
      method: "POST",
      json: { password: PASSWORD },
    });
    assertEquals(res.status, 200);
    const body = await res.json();
    secret = body.secret;
    assertMatch(secret, /^[A-Z2-7]{32}$/);
    for (const part of ["algorithm=SHA1", "digits=6", "period=30", `secret=${secret}`]) {
      assertStringIncludes(body.otpauth_url, part);
    }
    assertStringIncludes(body.qr_svg, "<svg");
    const row = await userRow();
    const stored = row.totp_pending_secret_enc ?? "";
    assert(stored.startsWith("v1."), stored);
    assert(!stored.includes(secret));
    assertEquals(row.totp_enabled, false);
  });

  await t.step("a wrong code does not turn it on", async () => {
    const res = await laptop.call("/api/users/me/2fa/enable", {
      method: "POST",
      json: { code: wrongTotp(secret, clock.now()) },
    });
    assertEquals((await errorOf(res)).code, "auth.invalid_code");
    assertEquals((await userRow()).totp_enabled, false);
  });

  await t.step("the right code turns it on: 10 backup codes, other sessions end", async () => {
    const res = await laptop.call("/api/users/me/2fa/enable", {
      method: "POST",
      json: { code: at(0) },
    });
    assertEquals(res.status, 200);
    backupCodes = (await res.json()).backup_codes;
    assertEquals(backupCodes.length, 10);
    assertEquals(new Set(backupCodes).size, 10);
    for (const code of backupCodes) {
      assertMatch(code, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    }
    assertEquals(await me(phone), 401);
    const user = await (await laptop.call("/api/users/me")).json();
    assertEquals([user.totp_enabled, user.backup_codes_remaining], [true, 10]);
  });

  await t.step("while it is on, a new setup is refused and the secret stays", async () => {
    const before = (await userRow()).totp_secret_enc;
    const res = await laptop.call("/api/users/me/2fa/setup", {
      method: "POST",
      json: { password: PASSWORD },
    });
    assertEquals((await errorOf(res)).status, 409);
    assertEquals((await userRow()).totp_secret_enc, before);
  });

  await t.step("the secret is stored encrypted and the codes hashed", async () => {
    const row = await userRow();
    const stored = row.totp_secret_enc ?? "";
    assert(stored.startsWith("v1."), "v1.<iv>.<ciphertext>");
    assert(!stored.includes(secret));
    assertEquals(row.totp_pending_secret_enc, null);
    const hashes = (await sql<{ code_hash: string }>`select code_hash from backup_codes`
      .execute(deps.db)).rows.map((r) => r.code_hash).sort();
    const expected = await Promise.all(backupCodes.map((c) => sha256Hex(normaliseBackupCode(c))));
    assertEquals(hashes, expected.sort());
  });

  await t.step("sign-in now stops at the password step, without cookies", async () => {
    const client = createTestClient(app);
    await passwordStep(client, account);
    assertEquals(client.cookies.size, 0);
    assertEquals(await me(client), 401);
  });

  await t.step("the mfa token is not an access token", async () => {
    const mfaToken = await passwordStep(createTestClient(app), account);
    const res = await call(app, "/api/users/me", { headers: { cookie: `dv_access=${mfaToken}` } });
    assertEquals(res.status, 401);
  });

  await t.step("the code used to enrol cannot be replayed to sign in", async () => {
    const client = createTestClient(app);
    const res = await codeStep(client, await passwordStep(client, account), at(0));
    assertEquals((await errorOf(res)).code, "auth.invalid_code");
    assertEquals(client.cookies.size, 0);
  });

  await t.step("a fresh code signs in, and the same code a second time is refused", async () => {
    clock.advance(STEP);
    const client = createTestClient(app);
    const res = await codeStep(client, await passwordStep(client, account), at(0));
    assertEquals(res.status, 200);
    assertEquals(await me(client), 200);
    const other = createTestClient(app);
    const replay = await codeStep(other, await passwordStep(other, account), at(0));
    assertEquals(replay.status, 401);
    assertEquals(await me(other), 401);
  });

  await t.step("±1 step: two steps back is refused, one step back is accepted", async () => {
    clock.advance(3 * STEP);
    const client = createTestClient(app);
    const mfaToken = await passwordStep(client, account);
    assertEquals((await codeStep(client, mfaToken, at(-2 * STEP))).status, 401);
    assertEquals((await codeStep(client, mfaToken, at(-STEP))).status, 200);
  });

  await t.step("one step ahead is accepted; then an earlier step counts as used", async () => {
    const client = createTestClient(app);
    const mfaToken = await passwordStep(client, account);
    assertEquals((await codeStep(client, mfaToken, at(STEP))).status, 200);
    assertEquals((await codeStep(client, mfaToken, at(0))).status, 401);
  });

  await t.step("a backup code works once, in any case and spacing", async () => {
    const client = createTestClient(app);
    const mfaToken = await passwordStep(client, account);
    const typed = backupCodes[0].toLowerCase().replaceAll("-", " ");
    assertEquals((await codeStep(client, mfaToken, typed)).status, 200);
    const user = await (await client.call("/api/users/me")).json();
    assertEquals(user.backup_codes_remaining, 9);
    const again = createTestClient(app);
    const res = await codeStep(again, await passwordStep(again, account), backupCodes[0]);
    assertEquals((await errorOf(res)).code, "auth.invalid_code");
  });

  await t.step("new backup codes replace the old ones", async () => {
    const res = await laptop.call("/api/users/me/2fa/backup-codes", {
      method: "POST",
      json: { password: PASSWORD },
    });
    assertEquals(res.status, 200);
    const fresh: string[] = (await res.json()).backup_codes;
    assertEquals(fresh.length, 10);
    const client = createTestClient(app);
    const mfaToken = await passwordStep(client, account);
    assertEquals((await codeStep(client, mfaToken, backupCodes[1])).status, 401);
    assertEquals((await codeStep(client, mfaToken, fresh[0])).status, 200);
    backupCodes = fresh;
  });

  await t.step("the mfa token expires after 5 minutes", async () => {
    const client = createTestClient(app);
    const mfaToken = await passwordStep(client, account);
    clock.advance(5 * 60_000 + STEP);
    assertEquals((await codeStep(client, mfaToken, at(0))).status, 401);
  });

  await t.step(
    "turning it off needs the password and a code, and ends other sessions",
    async () => {
      const other = createTestClient(app);
      assertEquals((await codeStep(other, await passwordStep(other, account), at(0))).status, 200);
      clock.advance(STEP);
      const disable = (password: string, code: string) =>
        laptop.call("/api/users/me/2fa/disable", { method: "POST", json: { password, code } });
      assertEquals(
        (await errorOf(await disable("Wrong-Password-1", at(0)))).code,
        "auth.wrong_password",
      );
      assertEquals(
        (await errorOf(await disable(PASSWORD, wrongTotp(secret, clock.now())))).code,
        "auth.invalid_code",
      );
      assertEquals(await me(other), 200, "failed attempts change nothing");
      assertEquals((await disable(PASSWORD, at(0))).status, 204);
      assertEquals(await me(other), 401);
      const user = await (await laptop.call("/api/users/me")).json();
      assertEquals([user.totp_enabled, user.backup_codes_remaining], [false, 0]);
      const row = await userRow();
      assertEquals([row.totp_secret_enc, row.totp_enabled], [null, false]);
      const codes = await sql<{ n: number }>`select count(*)::int as n from backup_codes`
        .execute(deps.db);
      assertEquals(codes.rows[0].n, 0);
      await signIn(createTestClient(app), account);
    },
  );
});
