/**
 * What an administrator does to an account's access, through the API on PGlite and
 * PostgreSQL: deactivation that stops its sessions and tokens at once, 2FA and password
 * resets, and deleting the account with its rows and stored files while the audit log
 * keeps its history.
 */
import { call, createTestClient } from "../app/testing.ts";
import { enrolTwoFactor, errorOf, invalidFields, me, signIn } from "../auth/auth_testing.ts";
import { deleteObjectJob } from "../documents/jobs/delete_object_job.ts";
import { startWorker } from "../jobs/worker.ts";
import { assert, assertEquals } from "../shared/assert.ts";
import { apiToken, createAdminFixture, documentsWithFiles, json } from "./admin_users_testing.ts";

Deno.test("admin users - deactivation stops sessions and tokens at once", async (t) => {
  await using fx = await createAdminFixture();
  const { app, root } = fx;
  const ada = await fx.signUp("ada@example.com");
  const token = await apiToken(ada.client);
  const bearer = () =>
    call(app, "/api/users/me", { headers: { authorization: `Bearer ${token}` } });
  // Warm the caches: the next request after deactivation must not be served from them.
  assertEquals(await me(ada.client), 200);
  assertEquals((await bearer()).status, 200);
  // The browser's cookies as they were: a 401 makes the test client drop them.
  const oldCookies = new Map(ada.client.cookies);

  await t.step("deactivated: cookie and token get 401 on the very next request", async () => {
    const { status, body } = await json(
      root.client,
      `/api/admin/users/${ada.account.id}`,
      "PATCH",
      {
        is_active: false,
      },
    );
    assertEquals(status, 200);
    assertEquals(body.is_active, false);
    assertEquals(await me(ada.client), 401);
    assertEquals((await bearer()).status, 401);
  });

  await t.step("and signing in is refused", async () => {
    const response = await createTestClient(fx.app).call("/api/auth/login", {
      method: "POST",
      json: { email: ada.account.email, password: ada.account.password },
    });
    assertEquals((await errorOf(response)).code, "auth.account_disabled");
  });

  await t.step("activated again: signing in works, and the token again", async () => {
    const { body } = await json(root.client, `/api/admin/users/${ada.account.id}`, "PATCH", {
      is_active: true,
    });
    assertEquals(body.is_active, true);
    const client = await fx.signInAs(ada.account);
    assertEquals(await me(client), 200);
    assertEquals((await bearer()).status, 200);
    for (const [name, value] of oldCookies) ada.client.cookies.set(name, value);
    assertEquals(await me(ada.client), 401, "the old session stays ended");
  });

  await t.step("both changes are audited, and the ended sessions too", async () => {
    const rows = await fx.deps.db.selectFrom("audit_log").selectAll()
      .where("user_id", "=", ada.account.id)
      .where("event_type", "in", ["user_deactivated", "user_activated", "session_revoked"])
      .orderBy("id").execute();
    assertEquals(rows.map((r) => r.event_type), [
      "user_deactivated",
      "session_revoked",
      "user_activated",
    ]);
    assertEquals(rows[0].metadata, { from: true, to: false });
    assertEquals(rows[1].metadata, { reason: "account_deactivated" });
    assert(rows.every((r) => r.actor_id === root.account.id));
  });
});

Deno.test("admin users - reset 2FA and password", async (t) => {
  await using fx = await createAdminFixture();
  const { deps, root } = fx;
  const ada = await fx.signUp("ada@example.com");
  await enrolTwoFactor(ada.client, { now: () => new Date() });

  await t.step("2FA reset: off, signed out, password alone signs in", async () => {
    const { status, body } = await json(
      root.client,
      `/api/admin/users/${ada.account.id}/reset-2fa`,
      "POST",
    );
    assertEquals(status, 200);
    assertEquals(body.totp_enabled, false);
    assertEquals(await me(ada.client), 401);
    const client = await fx.signInAs(ada.account);
    assertEquals(await me(client), 200);
  });

  await t.step("password reset: a new password once, the old one and sessions end", async () => {
    const client = await fx.signInAs(ada.account);
    const { status, body } = await json(
      root.client,
      `/api/admin/users/${ada.account.id}/reset-password`,
      "POST",
    );
    assertEquals(status, 200);
    assertEquals(typeof body.generated_password, "string");
    assertEquals(await me(client), 401);
    const old = await createTestClient(fx.app).call("/api/auth/login", {
      method: "POST",
      json: { email: ada.account.email, password: ada.account.password },
    });
    assertEquals(old.status, 401);
    await signIn(client, { ...ada.account, password: body.generated_password });
    assertEquals(await me(client), 200);
  });

  await t.step("not on one's own account, nor an unknown one", async () => {
    for (const action of ["reset-2fa", "reset-password"]) {
      const own = await root.client.call(`/api/admin/users/${root.account.id}/${action}`, {
        method: "POST",
      });
      assertEquals((await errorOf(own)).status, 409);
      const unknown = await root.client.call(`/api/admin/users/${crypto.randomUUID()}/${action}`, {
        method: "POST",
      });
      assertEquals(unknown.status, 404);
    }
  });

  await t.step("audited with the administrator as actor", async () => {
    const rows = await deps.db.selectFrom("audit_log").select(["event_type", "actor_id"])
      .where("user_id", "=", ada.account.id)
      .where("event_type", "in", ["2fa_reset", "password_reset", "session_revoked"])
      .orderBy("id").execute();
    assertEquals(rows.filter((r) => r.event_type !== "session_revoked").map((r) => r.event_type), [
      "2fa_reset",
      "password_reset",
    ]);
    assert(rows.every((r) => r.actor_id === root.account.id), JSON.stringify(rows));
  });
});

Deno.test("admin users - delete: rows, shares and files go; the audit log stays", async (t) => {
  await using fx = await createAdminFixture();
  const { deps, root } = fx;
  const ada = await fx.signUp("ada@example.com");
  const bob = await fx.signUp("bob@example.com");
  const token = await apiToken(ada.client);
  const adaDocs = await documentsWithFiles(deps, ada.account.id, [
    { title: "Ada's secret", filename: "secret.pdf", sizeBytes: 1000 },
    { title: "Ada's other", filename: "other.pdf", sizeBytes: 2000 },
  ]);
  const [bobDoc] = await documentsWithFiles(deps, bob.account.id, [
    { title: "Bob's", filename: "bob.pdf", sizeBytes: 500 },
  ]);
  await deps.db.insertInto("document_shares").values([
    {
      document_id: adaDocs[0].id,
      user_id: bob.account.id,
      permission: "view",
      created_by: ada.account.id,
    },
    {
      document_id: bobDoc.id,
      user_id: ada.account.id,
      permission: "edit",
      created_by: bob.account.id,
    },
  ]).execute();
  const group = await deps.db.insertInto("groups").values({ name: "Team" }).returning("id")
    .executeTakeFirstOrThrow();
  await deps.db.insertInto("group_members").values([
    { group_id: group.id, user_id: ada.account.id },
    { group_id: group.id, user_id: bob.account.id },
  ]).execute();
  const path = `/api/admin/users/${ada.account.id}`;
  const count = async (
    table:
      | "documents"
      | "document_shares"
      | "group_members"
      | "quotas"
      | "sessions"
      | "api_tokens"
      | "folders",
  ) =>
    Number(
      (await deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()).n,
    );

  await t.step("without the matching e-mail nothing is deleted", async () => {
    for (const confirm_email of ["bob@example.com", ""]) {
      const response = await root.client.call(path, { method: "DELETE", json: { confirm_email } });
      assertEquals(await invalidFields(response), ["confirm_email"]);
    }
    assertEquals(await me(ada.client), 200);
    assertEquals(await count("documents"), 3);
  });

  await t.step("with it, the account and all it owns are gone", async () => {
    const response = await root.client.call(path, {
      method: "DELETE",
      json: { confirm_email: "ADA@example.com" },
    });
    assertEquals(response.status, 204);
    assertEquals((await root.client.call(path)).status, 404);
    assertEquals(await me(ada.client), 401);
    const bearer = await call(fx.app, "/api/users/me", {
      headers: { authorization: `Bearer ${token}` },
    });
    assertEquals(bearer.status, 401);
    const docs = await deps.db.selectFrom("documents").select("id").execute();
    assertEquals(docs.map((d) => d.id), [bobDoc.id]);
    assertEquals(await count("document_shares"), 0, "shares to and from Ada");
    assertEquals(await count("group_members"), 1, "Bob stays in the group");
    const owned = await deps.db.selectFrom("quotas").select("user_id")
      .where("user_id", "=", ada.account.id).execute();
    assertEquals(owned, []);
    for (const table of ["sessions", "api_tokens"] as const) {
      const rows = await deps.db.selectFrom(table).select("user_id")
        .where("user_id", "=", ada.account.id).execute();
      assertEquals(rows, [], table);
    }
  });

  await t.step("the files are removed by the queued jobs; Bob's stays", async () => {
    for (const { key } of adaDocs) assert(await deps.storage.head(key), "queued, not yet run");
    await using worker = await startWorker({
      deps,
      registry: [deleteObjectJob],
      concurrency: 2,
      periodic: [],
    });
    await worker.sweep();
    await worker.idle();
    for (const { key } of adaDocs) assertEquals(await deps.storage.head(key), null, key);
    assert(await deps.storage.head(bobDoc.key), "another user's file is untouched");
    const jobs = await deps.db.selectFrom("jobs").select("status")
      .where("kind", "=", deleteObjectJob.kind).execute();
    assertEquals(jobs.map((j) => j.status), ["succeeded", "succeeded"]);
  });

  await t.step("the audit log keeps Ada's history and records the deletion", async () => {
    const rows = await deps.db.selectFrom("audit_log").selectAll()
      .where("user_id", "=", ada.account.id).orderBy("id").execute();
    assert(rows.some((r) => r.event_type === "register"), "history kept");
    const deleted = rows.at(-1)!;
    assertEquals(deleted.event_type, "user_deleted");
    assertEquals(deleted.actor_id, root.account.id);
    assertEquals(deleted.metadata, { email: "ada@example.com", document_count: 2, bytes: 3000 });
    assert(!JSON.stringify(rows).includes("secret"), "no document title in the log");
  });
});
