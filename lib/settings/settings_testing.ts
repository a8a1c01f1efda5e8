/**
 * A signed-in administrator and a plain user on the real app, for the settings tests.
 * Test-only: nothing outside `*_test.ts` files imports this.
 */
import {
  createTestApp,
  createTestClient,
  createTestDeps,
  type TestApp,
  type TestClient,
  type TestDeps,
  type TestDepsOptions,
} from "../app/testing.ts";
import { registerAccount, signUpAdmin } from "../auth/auth_testing.ts";

/** An API key whose middle part ("SECRET") must never be seen anywhere. */
export const KEY = "sk-test-SECRET-abcdef123456";
/** How the app may show it. */
export const MASKED = "••••••••3456";

export interface SettingsFixture extends AsyncDisposable {
  deps: TestDeps;
  app: TestApp;
  root: TestClient;
  rootId: string;
  user: TestClient;
}

/** "Test connection" waits 1 s here, so that a slow endpoint costs the suite little. */
export async function createSettingsFixture(
  options: TestDepsOptions = {},
): Promise<SettingsFixture> {
  const deps = await createTestDeps({
    ...options,
    env: { AI_TEST_TIMEOUT_SECONDS: "1", ...options.env },
  });
  try {
    const app = await createTestApp(deps);
    const { client: root, account: rootAccount } = await signUpAdmin(app, deps);
    const user = createTestClient(app);
    await registerAccount(user, "user@example.com");
    return {
      deps,
      app,
      root,
      rootId: rootAccount.id,
      user,
      [Symbol.asyncDispose]: () => deps.close(),
    };
  } catch (error) {
    await deps.close();
    throw error;
  }
}

export interface JsonAnswer {
  status: number;
  // deno-lint-ignore no-explicit-any
  body: any;
  text: string;
  headers: Headers;
}

/** Call a JSON endpoint; the body parsed (null when empty) and kept as text. */
export async function callJson(
  client: TestClient,
  path: string,
  method = "GET",
  body?: unknown,
): Promise<JsonAnswer> {
  const response = await client.call(path, {
    method,
    ...(body === undefined ? {} : { json: body }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : null,
    text,
    headers: response.headers,
  };
}

/** The `settings_change` audit entries, oldest first. */
export async function settingsChanges(deps: TestDeps) {
  return await deps.db.selectFrom("audit_log").select(["actor_id", "metadata"])
    .where("event_type", "=", "settings_change").orderBy("id").execute();
}
