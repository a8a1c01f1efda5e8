/**
 * Helpers for the user administration tests: the app with a signed-in administrator, more
 * accounts signed in through the real API, and documents with real files in storage.
 * Test-only: nothing outside `*_test.ts` files imports this.
 */
import {
  createTestApp,
  createTestClient,
  createTestDeps,
  type TestApp,
  type TestClient,
  type TestDeps,
} from "../app/testing.ts";
import { type Account, registerAccount, signIn, signUpAdmin } from "../auth/auth_testing.ts";
import { seedDocuments } from "../documents/documents_testing.ts";
import { assertEquals } from "../shared/assert.ts";

export interface SignedIn {
  client: TestClient;
  account: Account;
}

export interface AdminFixture extends AsyncDisposable {
  deps: TestDeps;
  app: TestApp;
  /** root@example.com, an administrator, signed in. */
  root: SignedIn;
  /** Register (and so sign in) another account. */
  signUp(email: string, fullName?: string): Promise<SignedIn>;
  /** Sign in an existing account in a new browser. */
  signInAs(account: Account): Promise<TestClient>;
}

export async function createAdminFixture(): Promise<AdminFixture> {
  const deps = await createTestDeps();
  try {
    const app = await createTestApp(deps);
    const signUp = async (email: string, fullName = "Test Person"): Promise<SignedIn> => {
      const client = createTestClient(app);
      return { client, account: await registerAccount(client, email, { fullName }) };
    };
    const signInAs = async (account: Account) => {
      const client = createTestClient(app);
      await signIn(client, account);
      return client;
    };
    const root = await signUpAdmin(app, deps);
    return { deps, app, root, signUp, signInAs, [Symbol.asyncDispose]: () => deps.close() };
  } catch (error) {
    await deps.close();
    throw error;
  }
}

export { callJson as json } from "../app/testing.ts";

/** A personal API token of a signed-in client. */
export async function apiToken(client: TestClient): Promise<string> {
  const response = await client.call("/api/users/me/tokens", {
    method: "POST",
    json: { name: "script" },
  });
  assertEquals(response.status, 201, await response.clone().text());
  return (await response.json()).token;
}

/**
 * Processed documents of `userId` with a real file each in storage (the rows straight in
 * the database, as seedDocuments does). Returns their ids and object keys.
 */
export async function documentsWithFiles(
  deps: TestDeps,
  userId: string,
  docs: { title: string; filename: string; sizeBytes: number }[],
): Promise<{ id: string; key: string }[]> {
  const ids = await seedDocuments(deps.db, docs.map((doc) => ({ userId, ...doc })));
  const rows = await deps.db.selectFrom("documents").select(["id", "object_key"])
    .where("id", "in", ids).execute();
  for (const row of rows) {
    await deps.storage.put(row.object_key, new TextEncoder().encode(`%PDF-1.4 ${row.id}`));
  }
  return rows.map((row) => ({ id: row.id, key: row.object_key }));
}
