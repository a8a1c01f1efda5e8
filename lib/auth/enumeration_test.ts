import { sql } from "kysely";
import {
  call,
  createTestApp,
  createTestClient,
  createTestDeps,
  type TestApp,
} from "../app/testing.ts";
import { assert, assertEquals } from "../shared/assert.ts";
import { createAuthClock, OTHER_PASSWORD, registerAccount } from "./auth_testing.ts";

function login(app: TestApp, email: string, password = OTHER_PASSWORD) {
  return call(app, "/api/auth/login", { method: "POST", json: { email, password } });
}

/** Everything a client can see of an answer, except the per-request id. */
async function visible(response: Response) {
  const headers = [...response.headers].filter(([name]) => name !== "x-request-id");
  return { status: response.status, headers, body: await response.text() };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

Deno.test("enumeration - an unknown e-mail and a wrong password look the same", async (t) => {
  const clock = createAuthClock();
  await using deps = await createTestDeps({ clock });
  const app = await createTestApp(deps);
  const { email } = await registerAccount(createTestClient(app), "ada@example.com");
  const forgetFailures = () => sql`delete from auth_throttles`.execute(deps.db);

  await t.step("same status, headers and body", async () => {
    const unknown = await visible(await login(app, "nobody@example.com"));
    const wrong = await visible(await login(app, email));
    assertEquals(unknown.status, 401);
    assertEquals(JSON.parse(unknown.body).error.code, "auth.invalid_credentials");
    assertEquals(wrong, unknown);
    await forgetFailures();
  });

  await t.step("about the same time (medians within a factor of two)", async () => {
    const timings = { unknown: [] as number[], wrong: [] as number[] };
    // Warm up both paths (the first dummy verification computes the dummy hash).
    for (let i = 0; i < 2; i++) {
      await (await login(app, `warm${i}@example.com`)).body?.cancel();
      await (await login(app, email)).body?.cancel();
    }
    await forgetFailures();
    for (let i = 0; i < 7; i++) {
      for (const kind of ["unknown", "wrong"] as const) {
        const started = performance.now();
        const res = await login(app, kind === "unknown" ? `nobody${i}@example.com` : email);
        await res.body?.cancel();
        timings[kind].push(performance.now() - started);
        assertEquals(res.status, 401);
      }
      await forgetFailures();
    }
    const ratio = median(timings.unknown) / median(timings.wrong);
    assert(
      ratio >= 0.5 && ratio <= 2.0,
      `unknown ${median(timings.unknown).toFixed(1)} ms vs wrong ${
        median(timings.wrong).toFixed(1)
      } ms (ratio ${ratio.toFixed(2)})`,
    );
  });

  await t.step("an unknown e-mail locks like a real account, with the same answer", async () => {
    for (let i = 0; i < 5; i++) {
      await (await login(app, "ghost@example.com")).body?.cancel();
      await (await login(app, email)).body?.cancel();
    }
    const unknown = await visible(await login(app, "ghost@example.com"));
    const real = await visible(await login(app, email));
    assertEquals(unknown.status, 429);
    assertEquals(real, unknown);
  });
});
