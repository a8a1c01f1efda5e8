/**
 * User administration (issue #6 point 3, SPEC §4.2) through the API, on PGlite and
 * PostgreSQL: search and pages, creating accounts, role, quota and AI assignment, the
 * rules that keep an administrator, and 404 for everyone else. Deactivation, resets and
 * deletion are in admin_users_access_test.ts.
 */
import { createTestClient } from "../app/testing.ts";
import { errorOf, invalidFields, me, PASSWORD } from "../auth/auth_testing.ts";
import { setSetting } from "../settings/settings_service.ts";
import { assert, assertEquals, assertMatch } from "../shared/assert.ts";
import { createUsersRepo } from "../users/users_repo.ts";
import { updateUserByAdmin } from "./admin_users_service.ts";
import { createAdminFixture, documentsWithFiles, json } from "./admin_users_testing.ts";

const MiB = 1024 * 1024;

Deno.test("admin users - list, search and pages: counts and bytes only", async (t) => {
  await using fx = await createAdminFixture();
  const { deps, root } = fx;
  const ada = await fx.signUp("ada@example.com", "Ada Lovelace");
  await fx.signUp("bob@example.com", "Bob Babbage");
  await fx.signUp("carol@example.com", "Carol Lovelace");
  await documentsWithFiles(deps, ada.account.id, [
    { title: "Ada's secret diary", filename: "diary-ada.pdf", sizeBytes: 1500 },
    { title: "Ada's tax return", filename: "tax-ada.pdf", sizeBytes: 2500 },
  ]);
  const group = await deps.db.insertInto("groups").values({ name: "Analysts" })
    .returning("id").executeTakeFirstOrThrow();
  await deps.db.insertInto("group_members").values({ group_id: group.id, user_id: ada.account.id })
    .execute();
  await deps.db.updateTable("quotas").set({ used_bytes: 4000 })
    .where("user_id", "=", ada.account.id).execute();

  await t.step("every account in e-mail order, with its figures", async () => {
    const { status, body } = await json(root.client, "/api/admin/users");
    assertEquals(status, 200);
    assertEquals(body.users.map((u: { email: string }) => u.email), [
      "ada@example.com",
      "bob@example.com",
      "carol@example.com",
      "root@example.com",
    ]);
    assertEquals(body.next_cursor, null);
    const row = body.users[0];
    assertEquals(row.full_name, "Ada Lovelace");
    assertEquals([row.role, row.is_active, row.totp_enabled], ["user", true, false]);
    assertEquals(row.document_count, 2);
    assertEquals(row.group_count, 1);
    assertEquals(row.quota, { used_bytes: 4000, limit_bytes: 100 * MiB });
    assertEquals([row.ai_provider, row.ai_model], [null, null]);
    assert(row.last_sign_in_at, "registering signed Ada in");
    assertMatch(row.created_at, /^\d{4}-\d\d-\d\dT/);
    const text = JSON.stringify(body);
    for (const secret of ["secret diary", "tax return", "diary-ada", "tax-ada"]) {
      assert(!text.includes(secret), `no document detail (${secret}) in the list`);
    }
  });

  await t.step("search by e-mail or name, ignoring case; wildcards are literal", async () => {
    const byName = await json(root.client, "/api/admin/users?q=LOVELACE");
    assertEquals(byName.body.users.map((u: { email: string }) => u.email), [
      "ada@example.com",
      "carol@example.com",
    ]);
    const byEmail = await json(root.client, "/api/admin/users?q=BOB@");
    assertEquals(byEmail.body.users.map((u: { email: string }) => u.email), ["bob@example.com"]);
    assertEquals((await json(root.client, "/api/admin/users?q=%25")).body.users, []);
  });

  await t.step("cursor pages cover everyone once, in order", async () => {
    const seen: string[] = [];
    let cursor: string | null = "";
    let pages = 0;
    while (cursor !== null) {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const page = await json(root.client, `/api/admin/users?limit=3${query}`);
      assertEquals(page.status, 200);
      seen.push(...page.body.users.map((u: { email: string }) => u.email));
      cursor = page.body.next_cursor;
      pages++;
    }
    assertEquals(pages, 2);
    assertEquals(seen, [
      "ada@example.com",
      "bob@example.com",
      "carol@example.com",
      "root@example.com",
    ]);
    const searched = await json(root.client, "/api/admin/users?q=lovelace&limit=1");
    const next = await json(
      root.client,
      `/api/admin/users?q=lovelace&limit=1&cursor=${searched.body.next_cursor}`,
    );
    assertEquals(next.body.users.map((u: { email: string }) => u.email), ["carol@example.com"]);
    assertEquals(next.body.next_cursor, null);
  });

  await t.step("bad paging input is refused", async () => {
    assertEquals(await invalidFields(await root.client.call("/api/admin/users?limit=0")), [
      "limit",
    ]);
    const bad = await root.client.call("/api/admin/users?cursor=!!!");
    assertEquals((await errorOf(bad)).code, "users.bad_cursor");
  });

  await t.step("one account by id; an unknown id is 404", async () => {
    const { status, body } = await json(root.client, `/api/admin/users/${ada.account.id}`);
    assertEquals(status, 200);
    assertEquals([body.email, body.document_count], ["ada@example.com", 2]);
    const unknown = await root.client.call(`/api/admin/users/${crypto.randomUUID()}`);
    assertEquals((await errorOf(unknown)).status, 404);
    assertEquals((await root.client.call("/api/admin/users/not-a-uuid")).status, 404);
  });
});

Deno.test("admin users - create: policy, duplicates, generated password, default quota", async (t) => {
  await using fx = await createAdminFixture();
  const { deps, root } = fx;
  await setSetting(deps, "default_quota_bytes", 7 * MiB, null);

  await t.step("a password that breaks the policy is refused, and nothing is created", async () => {
    const response = await root.client.call("/api/admin/users", {
      method: "POST",
      json: { email: "weak@example.com", full_name: "Weak", password: "password1" },
    });
    assertEquals([...new Set(await invalidFields(response))], ["password"]);
    assertEquals(await createUsersRepo(deps.db).findByEmail("weak@example.com"), undefined);
    const blank = await root.client.call("/api/admin/users", {
      method: "POST",
      json: { email: "not-an-address", full_name: " " },
    });
    assertEquals((await invalidFields(blank)).sort(), ["email", "full_name"]);
  });

  let created = { id: "", password: "" };
  await t.step("without a password one is generated, returned once, and works", async () => {
    const { status, body } = await json(root.client, "/api/admin/users", "POST", {
      email: " New.Person@Example.com ",
      full_name: "New Person",
    });
    assertEquals(status, 201);
    assertEquals(body.user.email, "new.person@example.com");
    assertEquals([body.user.role, body.user.is_active], ["user", true]);
    assertEquals(body.user.quota, { used_bytes: 0, limit_bytes: 7 * MiB });
    assertEquals(body.user.last_sign_in_at, null);
    assertEquals(typeof body.generated_password, "string");
    created = { id: body.user.id, password: body.generated_password };
    const again = await json(root.client, `/api/admin/users/${created.id}`);
    assert(!JSON.stringify(again.body).includes(created.password), "shown only once");
    const client = await fx.signInAs({ ...created, email: "new.person@example.com" });
    assertEquals(await me(client), 200);
    assertEquals((await json(client, "/api/users/me/quota")).body.limit_bytes, 7 * MiB);
  });

  await t.step("a chosen password and the admin role", async () => {
    const { status, body } = await json(root.client, "/api/admin/users", "POST", {
      email: "second@example.com",
      full_name: "Second Admin",
      password: PASSWORD,
      role: "admin",
    });
    assertEquals(status, 201);
    assertEquals(body.user.role, "admin");
    assertEquals(body.generated_password, undefined);
    const client = await fx.signInAs({
      id: body.user.id,
      email: "second@example.com",
      password: PASSWORD,
    });
    assertEquals((await client.call("/api/admin/users")).status, 200);
  });

  await t.step("an address in use (any case) is a conflict", async () => {
    const response = await root.client.call("/api/admin/users", {
      method: "POST",
      json: { email: "SECOND@example.com", full_name: "Again" },
    });
    const error = await errorOf(response);
    assertEquals([error.status, error.code], [409, "already_exists"]);
  });

  await t.step("the creation is audited with the administrator as actor", async () => {
    const rows = await deps.db.selectFrom("audit_log").selectAll()
      .where("event_type", "=", "user_created").orderBy("id").execute();
    assertEquals(rows.length, 2);
    assertEquals(rows[0].user_id, created.id);
    assertEquals(rows[0].actor_id, root.account.id);
    assertEquals(rows[0].metadata, { role: "user", generated_password: true });
    assert(!JSON.stringify(rows).includes(created.password), "the password is not in the log");
  });
});

Deno.test("admin users - role, quota and AI assignment", async (t) => {
  await using fx = await createAdminFixture();
  const { deps, root } = fx;
  const ada = await fx.signUp("ada@example.com");
  const path = `/api/admin/users/${ada.account.id}`;

  await t.step("made an admin, the user reaches admin routes at once; and back", async () => {
    assertEquals((await ada.client.call("/api/admin/users")).status, 404);
    assertEquals((await json(root.client, path, "PATCH", { role: "admin" })).body.role, "admin");
    assertEquals((await ada.client.call("/api/admin/users")).status, 200);
    assertEquals((await json(root.client, path, "PATCH", { role: "user" })).body.role, "user");
    assertEquals((await ada.client.call("/api/admin/users")).status, 404);
  });

  await t.step("a new quota is what the user sees", async () => {
    const { body } = await json(root.client, path, "PATCH", { quota_limit_bytes: 3 * MiB });
    assertEquals(body.quota.limit_bytes, 3 * MiB);
    assertEquals((await json(ada.client, "/api/users/me/quota")).body, {
      used_bytes: 0,
      limit_bytes: 3 * MiB,
    });
  });

  await t.step("AI assignments are checked", async () => {
    const refused = async (body: unknown) =>
      await invalidFields(await root.client.call(path, { method: "PATCH", json: body }));
    assertEquals(await refused({ ai_provider: "http://127.0.0.1:11434/v1" }), ["ai_model"]);
    assertEquals(await refused({ ai_provider: "ftp://example.com" }), ["ai_provider"]);
    assertEquals(await refused({ ai_provider: "https://me:pw@example.com/v1", ai_model: "m" }), [
      "ai_provider",
    ]);
    assertEquals(await refused({ ai_provider: "no-such-provider" }), ["ai_provider"]);
    assertEquals(await refused({ quota_limit_bytes: -1 }), ["quota_limit_bytes"]);
    assertEquals(await refused({}), [""]);
    assertEquals(await refused({ role: "owner" }), ["role"]);
    const local = await json(root.client, path, "PATCH", {
      ai_provider: "http://127.0.0.1:11434/v1",
      ai_model: "llama3.2",
    });
    assertEquals([local.body.ai_provider, local.body.ai_model], [
      "http://127.0.0.1:11434/v1",
      "llama3.2",
    ]);
    // The model cannot be taken away from an endpoint URL.
    assertEquals(await refused({ ai_model: "" }), ["ai_model"]);
    const builtin = await json(root.client, path, "PATCH", {
      ai_provider: "builtin",
      ai_model: null,
    });
    assertEquals([builtin.body.ai_provider, builtin.body.ai_model], ["builtin", null]);
    const system = await json(root.client, path, "PATCH", { ai_provider: "system" });
    assertEquals(system.body.ai_provider, null);
  });

  await t.step("each change is one audit event with old and new values", async () => {
    const rows = await deps.db.selectFrom("audit_log").select([
      "event_type",
      "actor_id",
      "metadata",
    ])
      .where("user_id", "=", ada.account.id)
      .where("event_type", "in", ["role_change", "quota_change", "ai_assignment"])
      .orderBy("id").execute();
    assertEquals(rows.map((r) => [r.event_type, r.metadata]), [
      ["role_change", { from: "user", to: "admin" }],
      ["role_change", { from: "admin", to: "user" }],
      ["quota_change", { from: 100 * MiB, to: 3 * MiB }],
      ["ai_assignment", {
        from_provider: null,
        to_provider: "http://127.0.0.1:11434/v1",
        from_model: null,
        to_model: "llama3.2",
      }],
      ["ai_assignment", {
        from_provider: "http://127.0.0.1:11434/v1",
        to_provider: "builtin",
        from_model: "llama3.2",
        to_model: null,
      }],
      ["ai_assignment", {
        from_provider: "builtin",
        to_provider: null,
        from_model: null,
        to_model: null,
      }],
    ]);
    assert(rows.every((r) => r.actor_id === root.account.id));
  });
});

Deno.test("admin users - nobody removes their own rights; the last admin stays", async (t) => {
  await using fx = await createAdminFixture();
  const { deps, root } = fx;
  const self = `/api/admin/users/${root.account.id}`;

  await t.step("an admin cannot demote, deactivate or delete themself", async () => {
    for (
      const [method, body] of [
        ["PATCH", { role: "user" }],
        ["PATCH", { is_active: false }],
        ["DELETE", { confirm_email: "root@example.com" }],
      ] as const
    ) {
      const error = await errorOf(await root.client.call(self, { method, json: body }));
      assertEquals([error.status, error.code], [409, "users.self_change"]);
    }
    const own = await json(root.client, self);
    assertEquals([own.body.role, own.body.is_active], ["admin", true]);
    // Their own quota is theirs to set.
    assertEquals((await json(root.client, self, "PATCH", { quota_limit_bytes: MiB })).status, 200);
  });

  await t.step("with two admins, one may demote the other", async () => {
    const other = await fx.signUp("other@example.com");
    const path = `/api/admin/users/${other.account.id}`;
    assertEquals((await json(root.client, path, "PATCH", { role: "admin" })).status, 200);
    assertEquals((await json(root.client, path, "PATCH", { role: "user" })).status, 200);
  });

  await t.step("the last active administrator is never demoted or deactivated", async () => {
    // The race this guards against: the acting admin lost their rights a moment ago.
    const second = await fx.signUp("second@example.com");
    await deps.db.updateTable("users").set({ role: "admin" }).where("id", "=", second.account.id)
      .execute();
    const staleRoot = (await createUsersRepo(deps.db).findById(root.account.id))!;
    await deps.db.updateTable("users").set({ is_active: false }).where("id", "=", root.account.id)
      .execute();
    const actor = { deps, actor: staleRoot, client: { ip: null, userAgent: null } };
    for (const change of [{ role: "user" as const }, { is_active: false }]) {
      const error = await updateUserByAdmin(actor, second.account.id, change).then(
        () => null,
        (e) => e,
      );
      assertEquals([error?.status, error?.code], [409, "users.last_admin"]);
      assertMatch(error.message, /second@example\.com is the last active administrator/);
    }
    const still = (await createUsersRepo(deps.db).findById(second.account.id))!;
    assertEquals([still.role, still.is_active], ["admin", true]);
  });
});

Deno.test("admin users - every route is 404 for a non-admin; every event has its actor", async () => {
  await using fx = await createAdminFixture();
  const { deps, root } = fx;
  const ada = await fx.signUp("ada@example.com");
  const target = `/api/admin/users/${root.account.id}`;
  for (
    const [method, path, body] of [
      ["GET", "/api/admin/users", undefined],
      ["POST", "/api/admin/users", { email: "x@example.com", full_name: "X" }],
      ["GET", target, undefined],
      ["PATCH", target, { role: "user" }],
      ["DELETE", target, { confirm_email: "root@example.com" }],
      ["POST", `${target}/reset-2fa`, undefined],
      ["POST", `${target}/reset-password`, undefined],
    ] as const
  ) {
    const response = await ada.client.call(path, { method, ...(body ? { json: body } : {}) });
    assertEquals(response.status, 404, `${method} ${path}`);
    await response.body?.cancel();
  }
  assertEquals((await createTestClient(fx.app).call("/api/admin/users")).status, 401);
  const own = await json(root.client, target);
  assertEquals([own.body.role, own.body.is_active], ["admin", true]);

  await json(root.client, `/api/admin/users/${ada.account.id}`, "PATCH", {
    role: "admin",
    quota_limit_bytes: MiB,
    is_active: false,
  });
  const rows = await deps.db.selectFrom("audit_log").select(["event_type", "actor_id"])
    .where("user_id", "=", ada.account.id).where("event_type", "<>", "register").execute();
  assertEquals(rows.length, 4, JSON.stringify(rows)); // role, deactivation, quota, one session
  assert(rows.every((r) => r.actor_id === root.account.id), JSON.stringify(rows));
});
