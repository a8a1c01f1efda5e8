/**
 * Apps (issue #6 point 5) on PGlite and (in the clustered pass) PostgreSQL: start-up
 * registration, grants and the gate (404 on an app's pages and API to whoever may not
 * use it), the in-memory access check, pins, the Apps page and sidebar, and the admin
 * routes. Settings are in app_settings_test.ts.
 */
import type { Deps } from "../app/deps.ts";
import { createTestDeps } from "../app/testing.ts";
import { createAuthClock } from "../auth/auth_testing.ts";
import { assert, assertEquals, assertStringIncludes } from "../shared/assert.ts";
import { seedDocuments } from "../documents/documents_testing.ts";
import { DOCUMENTS_APP_ID, findManifest } from "./app_manifests.ts";
import { canUseApp, GRANTS_TTL_MS, MEMBERSHIP_TTL_MS, sidebarApps } from "./apps_access.ts";
import { ensureApps } from "./apps_service.ts";
import {
  addMember,
  api,
  createAppsFixture,
  createGroup,
  page,
  type Person,
  sidebarLinks,
} from "./apps_testing.ts";

async function documentsRows(deps: Deps) {
  const [apps, grants, groups] = await Promise.all([
    deps.db.selectFrom("apps").select("id").execute(),
    deps.db.selectFrom("app_permissions").select(["app_id", "group_id"]).execute(),
    deps.db.selectFrom("groups").select(["name", "description"])
      .where("name", "=", "documents-admin").execute(),
  ]);
  return { apps, grants, groups };
}

Deno.test("apps - start-up registers each app once, also twice or in two processes at once", async () => {
  await using deps = await createTestDeps();
  await ensureApps(deps);
  await ensureApps(deps);
  // Two processes starting at once: separate caches, one database.
  await Promise.all([ensureApps({ ...deps }), ensureApps({ ...deps })]);
  const rows = await documentsRows(deps);
  assertEquals(rows.apps, [{ id: "documents" }]);
  assertEquals(rows.grants, [{ app_id: "documents", group_id: null }], "everyone, once");
  assertEquals(rows.groups, [{
    name: "documents-admin",
    description: "Members administer the settings of the Documents app.",
  }]);

  // An administrator takes Documents away from everyone: a restart does not give it back.
  await deps.db.deleteFrom("app_permissions").execute();
  await ensureApps(deps);
  assertEquals((await documentsRows(deps)).grants, []);
});

Deno.test("apps - grants decide who may use Documents; everyone else gets 404", async (t) => {
  await using fx = await createAppsFixture();
  const { root, deps } = fx;
  const ada = await fx.signUp("ada@example.com");
  const bob = await fx.signUp("bob@example.com");
  const [bobDoc] = await seedDocuments(deps.db, [{ userId: bob.id, title: "Bob's lease" }]);
  const [adaDoc] = await seedDocuments(deps.db, [{ userId: ada.id, title: "Ada's invoice" }]);
  const appPaths = (docId: string) => [
    "/api/documents",
    `/api/documents/${docId}`,
    "/api/categories",
    "/api/tags",
    "/api/folders",
    "/api/document-types",
  ];
  const expectAccess = async (who: Person, docId: string, status: number) => {
    for (const path of appPaths(docId)) {
      const answer = await api(who.client, path);
      assertEquals(answer.status, status, `${who.email} ${path}`);
      if (status === 404) {
        assertEquals(answer.body, {
          error: { code: "not_found", message: "There is nothing at this address." },
        });
      }
    }
    for (const path of ["/documents", `/documents/${docId}`]) {
      const shown = await page(who.client, path);
      assertEquals(shown.status, status, `${who.email} ${path}`);
      if (status === 404) assertStringIncludes(shown.html, "We could not find that page.");
    }
  };
  let accounting = "";

  await t.step("by default everyone may use Documents", async () => {
    await expectAccess(bob, bobDoc, 200);
    const apps = await api(bob.client, "/api/apps");
    assertEquals(apps.body.apps.map((a: { id: string }) => a.id), ["documents"]);
    assertEquals(apps.body.apps[0], {
      id: "documents",
      name: "Documents",
      icon: apps.body.apps[0].icon,
      description: "Upload, search, organise and share your documents.",
      href: "/documents",
      pinned: false,
      can_configure: false,
    });
  });

  await t.step(
    "granted to a group only: members and admins may use it, others get 404",
    async () => {
      accounting = await createGroup(root.client, "Accounting", [ada.id]);
      const saved = await api(root.client, "/api/admin/apps/documents/grants", "PUT", {
        everyone: false,
        group_ids: [accounting],
      });
      assertEquals(saved.status, 200, JSON.stringify(saved.body));
      assertEquals(saved.body.grants, {
        everyone: false,
        groups: [{ id: accounting, name: "Accounting" }],
      });
      await expectAccess(bob, bobDoc, 404);
      await expectAccess(ada, adaDoc, 200);
      // An administrator may use every app (their own documents: none of Ada's).
      assertEquals((await api(root.client, "/api/documents")).status, 200);
      assertEquals((await page(root.client, "/documents")).status, 200);
      // What Bob no longer sees: the app in the list, the sidebar link.
      assertEquals((await api(bob.client, "/api/apps")).body.apps, []);
      const apps = await page(bob.client, "/apps");
      assertStringIncludes(apps.html, "No app is available to you yet.");
      assertEquals(sidebarLinks(apps.html), ["Apps /apps", "Profile /profile"]);
      // Signed out, the app's pages still ask to sign in first (not 404).
      assertEquals(
        (await fx.app.fetch(new Request("http://localhost:8000/api/documents"))).status,
        401,
      );
    },
  );

  await t.step("membership changes take effect at once", async () => {
    assertEquals(
      (await api(root.client, `/api/admin/groups/${accounting}/members/${ada.id}`, "DELETE"))
        .status,
      204,
    );
    assertEquals((await api(ada.client, "/api/documents")).status, 404);
    await addMember(root.client, accounting, bob.id);
    await expectAccess(bob, bobDoc, 200);
  });

  await t.step(
    "an unknown group or a bad body is refused with field errors, nothing changed",
    async () => {
      const unknown = await api(root.client, "/api/admin/apps/documents/grants", "PUT", {
        everyone: true,
        group_ids: [accounting, crypto.randomUUID()],
      });
      assertEquals(unknown.status, 422);
      assertEquals(unknown.body.error.details.fields, [
        { path: "group_ids.1", message: "There is no such group." },
      ]);
      const bad = await api(root.client, "/api/admin/apps/documents/grants", "PUT", {
        group_ids: ["nope"],
      });
      assertEquals(bad.status, 422);
      assertEquals(bad.body.error.details.fields.map((f: { path: string }) => f.path).sort(), [
        "everyone",
        "group_ids.0",
      ]);
      assertEquals(
        (await api(root.client, "/api/admin/apps/nope/grants", "PUT", {
          everyone: true,
          group_ids: [],
        })).status,
        404,
      );
      const listed = await api(root.client, "/api/admin/apps");
      assertEquals(listed.body.apps[0].grants, {
        everyone: false,
        groups: [{ id: accounting, name: "Accounting" }],
      });
      assertEquals(listed.body.apps[0].admin_group, "documents-admin");
    },
  );

  await t.step("given back to everyone, everyone may use it again", async () => {
    const saved = await api(root.client, "/api/admin/apps/documents/grants", "PUT", {
      everyone: true,
      group_ids: [],
    });
    assertEquals(saved.body.grants, { everyone: true, groups: [] });
    await expectAccess(ada, adaDoc, 200);
  });

  await t.step("grant changes are audited with the administrator who made them", async () => {
    const rows = await deps.db.selectFrom("audit_log").select([
      "actor_id",
      "resource_id",
      "metadata",
    ])
      .where("event_type", "=", "app_grants_change").orderBy("id").execute();
    assertEquals(rows.map((r) => [r.actor_id, r.resource_id, r.metadata.everyone]), [
      [root.id, "documents", false],
      [root.id, "documents", true],
    ]);
  });
});

Deno.test("apps - the access check costs no query for apps granted to everyone", async () => {
  const clock = createAuthClock();
  await using deps = await createTestDeps({ clock });
  await ensureApps(deps);
  const ada = await deps.db.insertInto("users").values({
    email: "ada@example.com",
    password_hash: "x",
    full_name: "Ada",
  } as never).returning(["id", "role"]).executeTakeFirstOrThrow();
  const db = deps.db;
  const noQueries = new Proxy(db, {
    get() {
      throw new Error("the access check queried the database");
    },
  });
  const withoutDatabase = async <T>(fn: () => Promise<T>): Promise<T> => {
    deps.db = noQueries;
    try {
      return await fn();
    } finally {
      deps.db = db;
    }
  };
  assert(await canUseApp(deps, ada, DOCUMENTS_APP_ID));
  assert(await withoutDatabase(() => canUseApp(deps, ada, DOCUMENTS_APP_ID)), "from memory");

  // Another process takes Documents from everyone and gives it to a group Ada is in.
  const group = await db.insertInto("groups").values({ name: "Team" }).returning("id")
    .executeTakeFirstOrThrow();
  await db.insertInto("group_members").values({ group_id: group.id, user_id: ada.id }).execute();
  await db.deleteFrom("app_permissions").execute();
  await db.insertInto("app_permissions").values({ app_id: "documents", group_id: group.id })
    .execute();
  assert(await withoutDatabase(() => canUseApp(deps, ada, DOCUMENTS_APP_ID)), "still cached");
  clock.advance(Math.max(GRANTS_TTL_MS, MEMBERSHIP_TTL_MS));
  assert(await canUseApp(deps, ada, DOCUMENTS_APP_ID), "reloaded: Ada's group has it");
  // The user's groups are cached for a few seconds too.
  assert(await withoutDatabase(() => canUseApp(deps, ada, DOCUMENTS_APP_ID)));
  await db.deleteFrom("group_members").execute();
  clock.advance(MEMBERSHIP_TTL_MS);
  assertEquals(await canUseApp(deps, ada, DOCUMENTS_APP_ID), false, "no longer in the group");
});

Deno.test("apps - the sidebar: Documents, then the pinned apps one may use, in pin order", () => {
  const documents = findManifest(DOCUMENTS_APP_ID)!;
  const notes = { ...documents, id: "notes", name: "Notes", href: "/notes" };
  const wiki = { ...documents, id: "wiki", name: "Wiki", href: "/wiki" };
  const ids = (apps: { id: string }[]) => apps.map((a) => a.id);
  assertEquals(
    ids(sidebarApps([documents, notes, wiki], ["wiki", "gone", "notes", "documents"])),
    ["documents", "wiki", "notes"],
  );
  assertEquals(ids(sidebarApps([notes], ["notes", "documents"])), ["notes"], "not Documents");
  assertEquals(ids(sidebarApps([documents, notes], [])), ["documents"], "unpinned: not shown");
});

Deno.test("apps - pins: idempotent, only apps one may use, at most 50, on the Apps page", async (t) => {
  await using fx = await createAppsFixture();
  const ada = await fx.signUp("ada@example.com");
  const pinned = async () => (await api(ada.client, "/api/users/me")).body.pinned_app_ids;

  await t.step("pin and unpin by the API, twice each", async () => {
    for (let i = 0; i < 2; i++) {
      const pin = await api(ada.client, "/api/apps/documents/pin", "PUT");
      assertEquals(pin.status, 200);
      assertEquals(pin.body.pinned, true);
    }
    assertEquals(await pinned(), ["documents"]);
    assertEquals((await api(ada.client, "/api/apps")).body.apps[0].pinned, true);
    for (let i = 0; i < 2; i++) {
      assertEquals((await api(ada.client, "/api/apps/documents/pin", "DELETE")).status, 204);
    }
    assertEquals(await pinned(), []);
  });

  await t.step("unknown apps are 404", async () => {
    assertEquals((await api(ada.client, "/api/apps/nope/pin", "PUT")).status, 404);
    assertEquals((await api(ada.client, "/api/apps/nope/pin", "DELETE")).status, 404);
    assertEquals((await ada.client.call("/apps/nope/pin", { method: "POST" })).status, 404);
  });

  await t.step("at most 50 pinned apps: the 51st is refused with a clear message", async () => {
    const fifty = Array.from({ length: 50 }, (_, i) => `app-${i}`);
    assertEquals(
      (await api(ada.client, "/api/users/me", "PATCH", { pinned_app_ids: fifty })).status,
      200,
    );
    const refused = await api(ada.client, "/api/apps/documents/pin", "PUT");
    assertEquals(refused.status, 422);
    assertEquals(refused.body.error.message, "You can pin at most 50 apps. Unpin one first.");
    assertEquals(await pinned(), fifty, "nothing changed");
    const byForm = await ada.client.call("/apps/documents/pin", { method: "POST" });
    assertEquals(byForm.status, 303);
    assertEquals(byForm.headers.get("location"), "/apps?error=pin_limit");
    assertStringIncludes(
      (await page(ada.client, "/apps?error=pin_limit")).html,
      "You can pin at most 50 apps. Unpin one first.",
    );
    await api(ada.client, "/api/users/me", "PATCH", { pinned_app_ids: fifty.slice(1) });
    assertEquals((await api(ada.client, "/api/apps/documents/pin", "PUT")).status, 200);
    assertEquals((await pinned()).length, 50);
    await api(ada.client, "/api/users/me", "PATCH", { pinned_app_ids: [] });
  });

  await t.step("the Apps page pins and unpins with plain forms; the sidebar follows", async () => {
    const before = await page(ada.client, "/apps");
    assertEquals(before.status, 200);
    assertStringIncludes(before.html, 'href="/documents">Open</a>');
    assertStringIncludes(before.html, 'action="/apps/documents/pin"');
    assert(!before.html.includes("/apps/documents/settings"), "no Settings for a plain user");
    assertEquals(sidebarLinks(before.html), [
      "Documents /documents",
      "Apps /apps",
      "Profile /profile",
    ]);
    const pin = await ada.client.call("/apps/documents/pin", { method: "POST" });
    assertEquals(pin.headers.get("location"), "/apps?notice=pinned");
    const after = await page(ada.client, "/apps?notice=pinned");
    assertStringIncludes(after.html, "Pinned: the app is in your sidebar.");
    assertStringIncludes(after.html, 'action="/apps/documents/unpin"');
    assertStringIncludes(after.html, '<span class="badge badge--accent">Pinned</span>');
    const unpin = await ada.client.call("/apps/documents/unpin", { method: "POST" });
    assertEquals(unpin.headers.get("location"), "/apps?notice=unpinned");
    assertEquals(await pinned(), []);
  });

  await t.step("an app one may not use cannot be pinned", async () => {
    await api(fx.root.client, "/api/admin/apps/documents/grants", "PUT", {
      everyone: false,
      group_ids: [],
    });
    assertEquals((await api(ada.client, "/api/apps/documents/pin", "PUT")).status, 404);
    assertEquals((await ada.client.call("/apps/documents/pin", { method: "POST" })).status, 404);
  });
});

Deno.test("apps - admin routes and pages are 404 to everyone but administrators", async (t) => {
  await using fx = await createAppsFixture();
  const ada = await fx.signUp("ada@example.com");

  await t.step("non-admins", async () => {
    for (
      const [method, path] of [
        ["GET", "/api/admin/apps"],
        ["GET", "/api/admin/apps/documents"],
        ["PUT", "/api/admin/apps/documents/grants"],
      ]
    ) {
      const body = method === "GET" ? undefined : { everyone: true, group_ids: [] };
      const answer = await api(ada.client, path, method, body);
      assertEquals(answer.status, 404, `${method} ${path}`);
    }
    assertEquals((await page(ada.client, "/admin/apps")).status, 404);
    const form = await ada.client.call("/admin/apps/documents/grants", {
      method: "POST",
      form: { everyone: "on" },
    });
    assertEquals(form.status, 404);
  });

  await t.step(
    "the admin page shows each app's grants and saves them by a plain form",
    async () => {
      const team = await createGroup(fx.root.client, "Team", [ada.id]);
      const before = await page(fx.root.client, "/admin/apps");
      assertEquals(before.status, 200);
      assertStringIncludes(before.html, 'name="everyone" value="on" checked');
      assertStringIncludes(before.html, `name="group_ids" value="${team}"`);
      assertStringIncludes(before.html, 'href="/apps/documents/settings"');
      assertStringIncludes(before.html, "documents-admin");
      const body = new URLSearchParams([["group_ids", team]]);
      const saved = await fx.root.client.call("/admin/apps/documents/grants", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: body.toString(),
      });
      assertEquals(saved.status, 303);
      assertEquals(saved.headers.get("location"), "/admin/apps?notice=grants_saved");
      const listed = await api(fx.root.client, "/api/admin/apps/documents");
      assertEquals(listed.body.grants, { everyone: false, groups: [{ id: team, name: "Team" }] });
      const after = await page(fx.root.client, "/admin/apps?notice=grants_saved");
      assertStringIncludes(after.html, "Saved: who may use the app has changed.");
      assertStringIncludes(after.html, `name="group_ids" value="${team}" checked`);
      const unknown = await fx.root.client.call("/admin/apps/documents/grants", {
        method: "POST",
        form: { group_ids: crypto.randomUUID() },
      });
      assertEquals(unknown.headers.get("location"), "/admin/apps?error=unknown_group");
      assertEquals((await api(fx.root.client, "/api/admin/apps/documents")).body.grants.groups, [
        { id: team, name: "Team" },
      ]);
    },
  );
});
