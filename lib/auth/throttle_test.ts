import {
  call,
  createTestApp,
  createTestClient,
  createTestDeps,
  type TestApp,
} from "../app/testing.ts";
import { assertEquals, assertInstanceOf } from "../shared/assert.ts";
import { TooManyAttemptsError } from "./auth_errors.ts";
import {
  codeStep,
  createAuthClock,
  enrolTwoFactor,
  errorOf,
  OTHER_PASSWORD,
  PASSWORD,
  passwordStep,
  registerAccount,
  wrongTotp,
} from "./auth_testing.ts";
import { ACCOUNT_POLICY, assertNotLocked, IP_POLICY, recordFailure } from "./throttle_service.ts";
import { currentTotp } from "./totp.ts";

function login(app: TestApp, email: string, password: string, ip?: string) {
  return call(app, "/api/auth/login", {
    method: "POST",
    json: { email, password },
    headers: ip ? { "x-forwarded-for": ip } : {},
  });
}

Deno.test("throttle - the account back-off doubles from 30 s up to 15 minutes", () => {
  const table: [number, number][] = [
    [5, 30],
    [6, 60],
    [7, 120],
    [8, 240],
    [9, 480],
    [10, 900],
    [25, 900],
  ];
  for (const [failures, seconds] of table) {
    assertEquals(ACCOUNT_POLICY.lockMs(failures), seconds * 1000, `${failures} failures`);
  }
  assertEquals([ACCOUNT_POLICY.free, IP_POLICY.free], [5, 30]);
  assertEquals(IP_POLICY.windowMs, 15 * 60_000);
});

Deno.test("throttle - an account locks after 5 failures, doubles, and the lock expires", async (t) => {
  const clock = createAuthClock();
  await using deps = await createTestDeps({ clock });
  const app = await createTestApp(deps);
  const { email } = await registerAccount(createTestClient(app), "ada@example.com");

  await t.step("5 wrong passwords are 401 each", async () => {
    for (let i = 0; i < 5; i++) {
      assertEquals((await login(app, email, OTHER_PASSWORD)).status, 401, `attempt ${i + 1}`);
    }
  });

  await t.step("then even the right password is 429 with Retry-After 30", async () => {
    const res = await login(app, email, PASSWORD);
    assertEquals(res.headers.get("retry-after"), "30");
    assertEquals((await errorOf(res)).code, "rate_limited");
    assertEquals(res.headers.getSetCookie(), []);
    clock.advance(29_000);
    const still = await login(app, email, PASSWORD);
    assertEquals([still.status, still.headers.get("retry-after")], [429, "1"]);
    await still.body?.cancel();
  });

  await t.step("after the lock, one more failure locks for twice as long", async () => {
    clock.advance(1_001);
    assertEquals((await login(app, email, OTHER_PASSWORD)).status, 401);
    const res = await login(app, email, PASSWORD);
    assertEquals([res.status, res.headers.get("retry-after")], [429, "60"]);
    await res.body?.cancel();
  });

  await t.step("when it expires the right password signs in and clears the count", async () => {
    clock.advance(60_001);
    assertEquals((await login(app, email, PASSWORD)).status, 200);
    assertEquals((await login(app, email, OTHER_PASSWORD)).status, 401);
    assertEquals((await login(app, email, PASSWORD)).status, 200, "one failure is no lock");
  });
});

Deno.test("throttle - one IP is locked after 30 failures, whatever the e-mails", async (t) => {
  const clock = createAuthClock();
  await using deps = await createTestDeps({ clock, env: { TRUST_PROXY: "true" } });
  const app = await createTestApp(deps);
  const ip = "198.51.100.9";
  const { email } = await registerAccount(createTestClient(app), "ada@example.com");

  await t.step("30 failures on 30 different e-mails are 401 each", async () => {
    for (let i = 0; i < 30; i++) {
      const res = await login(app, `guess${i}@example.com`, OTHER_PASSWORD, ip);
      assertEquals(res.status, 401, `attempt ${i + 1}`);
      await res.body?.cancel();
    }
  });

  await t.step("then that IP is 429 for 15 minutes, even with a right password", async () => {
    const res = await login(app, email, PASSWORD, ip);
    assertEquals([res.status, res.headers.get("retry-after")], [429, "900"]);
    await res.body?.cancel();
  });

  await t.step("another IP is not affected", async () => {
    assertEquals((await login(app, email, PASSWORD, "203.0.113.50")).status, 200);
  });

  await t.step("the IP lock expires after 15 minutes", async () => {
    clock.advance(15 * 60_000 + 1_000);
    assertEquals((await login(app, email, PASSWORD, ip)).status, 200);
  });
});

Deno.test("throttle - IP failures count within a 15-minute window", async (t) => {
  const clock = createAuthClock();
  await using deps = await createTestDeps({ clock });
  const ip = "198.51.100.10";
  const fail = async (n: number) => {
    for (let i = 0; i < n; i++) {
      await recordFailure({ deps, email: `guess${crypto.randomUUID()}@example.com`, ip });
    }
  };
  const locked = async () => {
    try {
      await assertNotLocked({ deps, email: "fresh@example.com", ip });
      return false;
    } catch (error) {
      assertInstanceOf(error, TooManyAttemptsError);
      return true;
    }
  };

  await t.step("a pause longer than the window starts the count over", async () => {
    await fail(29);
    clock.advance(IP_POLICY.windowMs + 1_000);
    await fail(29);
    assertEquals(await locked(), false, "58 failures, but never 30 in a row within 15 min");
  });

  await t.step("the 30th failure within the window locks the IP for 15 minutes", async () => {
    await fail(1);
    assertEquals(await locked(), true);
    clock.advance(IP_POLICY.lockMs(30) - 1_000);
    assertEquals(await locked(), true);
    clock.advance(2_000);
    assertEquals(await locked(), false);
  });
});

Deno.test("throttle - wrong 2FA codes and wrong current passwords count", async (t) => {
  const clock = createAuthClock();
  await using deps = await createTestDeps({ clock });
  const app = await createTestApp(deps);

  await t.step("5 wrong 2FA codes lock the account", async () => {
    const browser = createTestClient(app);
    const account = await registerAccount(browser, "ada@example.com");
    const { secret } = await enrolTwoFactor(browser, clock);
    clock.advance(30_000);
    const client = createTestClient(app);
    const mfaToken = await passwordStep(client, account);
    for (let i = 0; i < 5; i++) {
      const res = await codeStep(client, mfaToken, wrongTotp(secret, clock.now()));
      assertEquals(res.status, 401, `attempt ${i + 1}`);
      await res.body?.cancel();
    }
    const right = await codeStep(client, mfaToken, currentTotp(secret, clock.now()));
    assertEquals(right.status, 429);
    await right.body?.cancel();
    assertEquals((await login(app, account.email, PASSWORD)).status, 429);
  });

  await t.step("5 wrong current passwords lock a signed-in account", async () => {
    const browser = createTestClient(app);
    await registerAccount(browser, "bob@example.com");
    const change = (current: string) =>
      browser.call("/api/users/me/password", {
        method: "POST",
        json: { current_password: current, new_password: OTHER_PASSWORD },
      });
    for (let i = 0; i < 5; i++) {
      assertEquals((await change("Guess-Number-" + i)).status, 422, `attempt ${i + 1}`);
    }
    const res = await change(PASSWORD);
    assertEquals(res.status, 429, "the right password must wait too");
    await res.body?.cancel();
  });
});
