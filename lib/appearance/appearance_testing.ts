/**
 * Helpers of the appearance tests: JSON calls and an administrator with a plain user.
 * Test-only: nothing outside `*_test.ts` files imports this.
 */
import type { Deps } from "../app/deps.ts";
import { createTestClient, type TestApp } from "../app/testing.ts";
import { registerAccount, signUpAdmin } from "../auth/auth_testing.ts";

export { callJson as json } from "../app/testing.ts";

/** Signed-in clients: `root` (an administrator) and `ada` (a plain user). */
export async function adminAndUser(app: TestApp, deps: Pick<Deps, "db" | "authCache">) {
  const { client: root, account: rootAccount } = await signUpAdmin(app, deps);
  const ada = createTestClient(app);
  const adaAccount = await registerAccount(ada, "ada@example.com");
  return { root, rootId: rootAccount.id, ada, adaId: adaAccount.id };
}
