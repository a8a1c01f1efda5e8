/**
 * The apps tests' fixture: the real app with an administrator and a way to sign up more
 * people, plus small JSON and group helpers. Test-only: only `*_test.ts` files import it.
 */
import {
  callJson,
  createTestApp,
  createTestClient,
  createTestDeps,
  type TestApp,
  type TestClient,
  type TestDeps,
  type TestDepsOptions,
} from "../app/testing.ts";
import { registerAccount, signUpAdmin } from "../auth/auth_testing.ts";
import { assertEquals } from "../shared/assert.ts";

export interface Person {
  client: TestClient;
  id: string;
  email: string;
}

export interface AppsFixture extends AsyncDisposable {
  deps: TestDeps;
  app: TestApp;
  /** An administrator, signed in. */
  root: Person;
  signUp(email: string): Promise<Person>;
}

export async function createAppsFixture(options: TestDepsOptions = {}): Promise<AppsFixture> {
  const deps = await createTestDeps(options);
  try {
    const app = await createTestApp(deps);
    const signUp = async (email: string): Promise<Person> => {
      const client = createTestClient(app);
      const account = await registerAccount(client, email);
      return { client, id: account.id, email };
    };
    const admin = await signUpAdmin(app, deps);
    const root = { client: admin.client, id: admin.account.id, email: admin.account.email };
    return { deps, app, root, signUp, [Symbol.asyncDispose]: () => deps.close() };
  } catch (error) {
    await deps.close();
    throw error;
  }
}

/** Call the API; the status and the parsed body (null when empty). */
export const api = callJson;

/** A page's status and HTML. */
export async function page(
  client: TestClient,
  path: string,
): Promise<{ status: number; html: string }> {
  const response = await client.call(path);
  return { status: response.status, html: await response.text() };
}

/** Create a group (as an administrator) with these members; returns its id. */
export async function createGroup(
  root: TestClient,
  name: string,
  memberIds: string[] = [],
): Promise<string> {
  const created = await api(root, "/api/admin/groups", "POST", { name });
  assertEquals(created.status, 201, JSON.stringify(created.body));
  for (const userId of memberIds) await addMember(root, created.body.id, userId);
  return created.body.id;
}

export async function addMember(root: TestClient, groupId: string, userId: string) {
  const added = await api(root, `/api/admin/groups/${groupId}/members`, "POST", {
    user_id: userId,
  });
  assertEquals(added.status, 201, JSON.stringify(added.body));
}

/** The id of a group by its exact name (as an administrator sees the list). */
export async function groupIdByName(root: TestClient, name: string): Promise<string | undefined> {
  const list = await api(root, `/api/admin/groups?q=${encodeURIComponent(name)}`);
  return list.body.groups.find((g: { name: string }) => g.name === name)?.id;
}

/** The sidebar's links (href and label), from a page's HTML. */
export function sidebarLinks(html: string): string[] {
  const nav = /<nav class="app-nav"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? "";
  return [...nav.matchAll(/<a href="([^"]+)"[\s\S]*?<span>([^<]*)<\/span>/g)]
    .map((m) => `${m[2]} ${m[1]}`);
}
