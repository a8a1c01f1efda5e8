/**
 * Helpers for the audit log tests: an administrator beside ordinary users, and audit rows
 * seeded at chosen times. Test-only: nothing outside `*_test.ts` files imports this.
 */
import { jsonb } from "../app/db.ts";
import {
  createTestApp,
  createTestClient,
  type TestApp,
  type TestClient,
  type TestDeps,
} from "../app/testing.ts";
import { registerAccount, signIn } from "../auth/auth_testing.ts";

export interface SeedEvent {
  type: string;
  at: string;
  user?: string | null;
  actor?: string | null;
  resource?: string;
  ip?: string;
  userAgent?: string;
  metadata?: Record<string, unknown>;
}

/** Insert audit rows at chosen times; returns their ids in order. */
export async function seedEvents(deps: TestDeps, events: SeedEvent[]): Promise<number[]> {
  const rows = await deps.db.insertInto("audit_log").values(events.map((e) => ({
    event_type: e.type,
    created_at: e.at,
    user_id: e.user ?? null,
    actor_id: e.actor === undefined ? e.user ?? null : e.actor,
    resource_id: e.resource ?? null,
    ip: e.ip ?? "198.51.100.4",
    user_agent: e.userAgent ?? "Seed/1.0",
    metadata: jsonb(e.metadata ?? {}) as never,
  }))).returning("id").execute();
  return rows.map((r) => Number(r.id));
}

export interface AdminSetup {
  app: TestApp;
  root: TestClient;
  rootId: string;
  /** A signed-in user who is not an administrator. */
  alice: TestClient;
  aliceId: string;
  bobId: string;
}

/** An admin (root), alice (signed in, not an admin) and bob. */
export async function setUpAdmin(deps: TestDeps): Promise<AdminSetup> {
  const app = await createTestApp(deps);
  const rootAccount = await registerAccount(createTestClient(app), "root@example.com");
  await deps.db.updateTable("users").set({ role: "admin" }).where("id", "=", rootAccount.id)
    .execute();
  const root = createTestClient(app);
  await signIn(root, rootAccount);
  const alice = createTestClient(app);
  const aliceId = (await registerAccount(alice, "alice@example.com")).id;
  const bobId = (await registerAccount(createTestClient(app), "bob@example.com")).id;
  return { app, root, rootId: rootAccount.id, alice, aliceId, bobId };
}

export async function getJson(client: TestClient, path: string) {
  const response = await client.call(path);
  return { status: response.status, body: await response.json() };
}
