import { sql } from "kysely";
import { createMemoryLogger } from "../app/logger.ts";
import {
  createTestApp,
  createTestClient,
  createTestDeps,
  type TestClient,
} from "../app/testing.ts";
import { assert, assertEquals } from "../shared/assert.ts";
import {
  codeStep,
  createAuthClock,
  enrolTwoFactor,
  OTHER_PASSWORD,
  PASSWORD,
  passwordStep,
  registerAccount,
  setCookies,
} from "./auth_testing.ts";
import { normaliseBackupCode } from "./tokens.ts";
import { currentTotp } from "./totp.ts";

Deno.test("secrets at rest - a database dump holds no password, token, TOTP secret or code", async (t) => {
  const clock = createAuthClock();
  const logger = createMemoryLogger("debug");
  await using deps = await createTestDeps({ clock, logger });
  const app = await createTestApp(deps);
  const secrets = new Set<string>([PASSWORD, OTHER_PASSWORD]);
  /** A client that remembers every token the server sets in a cookie. */
  function watched(): TestClient {
    const inner = createTestClient(app);
    return {
      cookies: inner.cookies,
      async call(path, init) {
        const response = await inner.call(path, init);
        for (const cookie of setCookies(response).values()) {
          if (cookie.value) secrets.add(decodeURIComponent(cookie.value));
        }
        return response;
      },
    };
  }

  await t.step("run a full account flow, collecting every secret shown", async () => {
    const browser = watched();
    const account = await registerAccount(browser, "ada@example.com");
    const rotated = await browser.call("/api/auth/refresh", { method: "POST" });
    assertEquals(rotated.status, 200);

    const { secret, backupCodes } = await enrolTwoFactor(browser, clock);
    secrets.add(secret);
    for (const code of backupCodes) secrets.add(code).add(normaliseBackupCode(code));

    const created = await browser.call("/api/users/me/tokens", {
      method: "POST",
      json: { name: "script" },
    });
    const { token } = await created.json();
    secrets.add(token);

    const phone = watched();
    const mfaToken = await passwordStep(phone, account);
    secrets.add(mfaToken);
    assertEquals((await codeStep(phone, mfaToken, backupCodes[0])).status, 200);

    clock.advance(30_000);
    const tablet = watched();
    const second = await passwordStep(tablet, account);
    secrets.add(second);
    const totp = await codeStep(tablet, second, currentTotp(secret, clock.now()));
    assertEquals(totp.status, 200);

    const changed = await browser.call("/api/users/me/password", {
      method: "POST",
      json: { current_password: PASSWORD, new_password: OTHER_PASSWORD },
    });
    assertEquals(changed.status, 204);
    const regenerated = await browser.call("/api/users/me/2fa/backup-codes", {
      method: "POST",
      json: { password: OTHER_PASSWORD },
    });
    for (const code of (await regenerated.json()).backup_codes as string[]) {
      secrets.add(code).add(normaliseBackupCode(code));
    }
    // Access tokens, refresh tokens (several rotations), mfa tokens, codes …
    assert(secrets.size >= 40, `collected ${secrets.size} secrets`);
  });

  const tables = (await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`
    .execute(deps.db)).rows.map((r) => r.table_name);

  await t.step("the dump covers every table, and the tables are not empty", async () => {
    for (const table of ["users", "refresh_tokens", "api_tokens", "backup_codes", "audit_log"]) {
      assert(tables.includes(table), `${table} is dumped`);
    }
    const users = await sql<{ n: number }>`select count(*)::int as n from users`.execute(deps.db);
    assertEquals(users.rows[0].n, 1);
  });

  await t.step("no secret appears anywhere in any row", async () => {
    let dumped = 0;
    for (const table of tables) {
      const { rows } = await sql<{ dump: string }>`
        select coalesce(json_agg(t), '[]'::json)::text as dump from ${sql.table(table)} t`
        .execute(deps.db);
      const dump = rows[0].dump;
      dumped += dump.length;
      for (const secret of secrets) {
        assert(!dump.includes(secret), `table ${table} contains a secret (${secret.slice(0, 4)}…)`);
        assert(!dump.toLowerCase().includes(secret.toLowerCase()), `${table}: a secret, any case`);
      }
    }
    assert(dumped > 5_000, `the dump is ${dumped} characters`);
  });

  await t.step("nor in the server log", () => {
    const log = JSON.stringify(logger.lines);
    for (const secret of secrets) assert(!log.includes(secret), `the log contains a secret`);
  });
});
