/**
 * Groups (issue #6 point 1) through the API, on PGlite and (in the clustered pass)
 * PostgreSQL: admin CRUD with validation, memberships, group admins who manage their own
 * group's members and nothing else, /api/users/me/groups, and 404 for everyone else.
 */
import { callJson, createTestApp, createTestClient, createTestDeps } from "../app/testing.ts";
import { errorOf, invalidFields, registerAccount, signUpAdmin } from "../auth/auth_testing.ts";
import { assert, assertEquals } from "../shared/assert.ts";

const json = callJson;

Deno.test("groups - admin CRUD, members, group admins and who sees what", async (t) => {
  await using deps = await createTestDeps();
  const app = await createTestApp(deps);
  const { client: root } = await signUpAdmin(app, deps);
  const ada = createTestClient(app);
  const adaAccount = await registerAccount(ada, "ada@example.com");
  const bob = createTestClient(app);
  const bobAccount = await registerAccount(bob, "bob@example.com");
  const eve = createTestClient(app);
  await registerAccount(eve, "eve@example.com");

  let family = "";
  let work = "";

  await t.step("an admin creates groups; names are unique (any case) and bounded", async () => {
    const created = await json(root, "/api/admin/groups", "POST", {
      name: "Family",
      description: "Our household papers",
    });
    assertEquals(created.status, 201);
    family = created.body.id;
    work = (await json(root, "/api/admin/groups", "POST", { name: "Work" })).body.id;
    const duplicate = await root.call("/api/admin/groups", {
      method: "POST",
      json: { name: "family" },
    });
    assertEquals(duplicate.status, 409);
    assertEquals((await errorOf(duplicate)).message, "A group with this name exists.");
    const tooLong = await root.call("/api/admin/groups", {
      method: "POST",
      json: { name: "x".repeat(129), description: "y".repeat(513) },
    });
    assertEquals(tooLong.status, 422);
    assertEquals((await invalidFields(tooLong)).sort(), ["description", "name"]);
    const list = await json(root, "/api/admin/groups?q=fam");
    assertEquals(list.body.groups.map((g: { name: string }) => g.name), ["Family"]);
  });

  await t.step("members by e-mail or id; only admins make group admins", async () => {
    const added = await json(root, `/api/admin/groups/${family}/members`, "POST", {
      email: "ADA@example.com",
      is_group_admin: true,
    });
    assertEquals(added.status, 201);
    assertEquals(added.body.members.map((m: { email: string }) => m.email), ["ada@example.com"]);
    assert(added.body.members[0].is_group_admin);
    const unknown = await root.call(`/api/admin/groups/${family}/members`, {
      method: "POST",
      json: { email: "nobody@example.com" },
    });
    assertEquals(unknown.status, 404);
    const both = await root.call(`/api/admin/groups/${family}/members`, {
      method: "POST",
      json: { email: "bob@example.com", user_id: bobAccount.id },
    });
    assertEquals(both.status, 422);
    const listed = await json(root, "/api/admin/groups");
    assertEquals(
      listed.body.groups.map((
        g: { name: string; member_count: number },
      ) => [g.name, g.member_count]),
      [["Family", 1], ["Work", 0]],
    );
  });

  await t.step("a group admin adds and removes members of their own group only", async () => {
    const added = await json(ada, `/api/groups/${family}/members`, "POST", {
      user_id: bobAccount.id,
      is_group_admin: true, // not theirs to give: ignored
    });
    assertEquals(added.status, 201);
    const bobRow = added.body.members.find((m: { email: string }) => m.email === "bob@example.com");
    assertEquals(bobRow.is_group_admin, false);
    // Not their group, not a group they admin, and no admin routes at all.
    assertEquals((await ada.call(`/api/groups/${work}/members`)).status, 404);
    assertEquals((await bob.call(`/api/groups/${family}/members`)).status, 404);
    assertEquals(
      (await bob.call(`/api/groups/${family}/members/${adaAccount.id}`, { method: "DELETE" }))
        .status,
      404,
    );
    assertEquals((await ada.call(`/api/admin/groups/${family}`)).status, 404);
    assertEquals(
      (await ada.call(`/api/admin/groups/${family}`, { method: "PATCH", json: { name: "Mine" } }))
        .status,
      404,
    );
    assertEquals(
      (await ada.call(`/api/groups/${family}/members/${bobAccount.id}`, { method: "DELETE" }))
        .status,
      204,
    );
  });

  await t.step("each user sees their own groups", async () => {
    await json(root, `/api/admin/groups/${work}/members`, "POST", { user_id: adaAccount.id });
    const mine = await json(ada, "/api/users/me/groups");
    assertEquals(
      mine.body.groups.map((
        g: { name: string; is_group_admin: boolean },
      ) => [g.name, g.is_group_admin]),
      [["Family", true], ["Work", false]],
    );
    assertEquals((await json(eve, "/api/users/me/groups")).body.groups, []);
    // Whom Ada can pick by name: the people in her groups (Bob left), never everyone.
    await json(root, `/api/admin/groups/${work}/members`, "POST", { user_id: bobAccount.id });
    const contacts = await json(ada, "/api/users/me/contacts");
    assertEquals(contacts.body.contacts.map((c: { email: string }) => c.email), [
      "bob@example.com",
    ]);
    assertEquals((await json(eve, "/api/users/me/contacts")).body.contacts, []);
  });

  await t.step(
    "an admin changes a member's role, renames, and deletes; each is audited",
    async () => {
      const changed = await json(
        root,
        `/api/admin/groups/${family}/members/${adaAccount.id}`,
        "PATCH",
        {
          is_group_admin: false,
        },
      );
      assertEquals(changed.status, 200);
      assertEquals(
        (await ada.call(`/api/groups/${family}/members`)).status,
        404,
        "no longer manages it",
      );
      const renamed = await json(root, `/api/admin/groups/${family}`, "PATCH", {
        name: "Household",
      });
      assertEquals(renamed.body.name, "Household");
      assertEquals(
        (await root.call(`/api/admin/groups/${work}`, { method: "DELETE" })).status,
        204,
      );
      assertEquals((await root.call(`/api/admin/groups/${work}`)).status, 404);
      assertEquals(
        (await json(ada, "/api/users/me/groups")).body.groups.map((g: { name: string }) => g.name),
        ["Household"],
      );
      const events = await deps.db.selectFrom("audit_log").select("event_type")
        .where("event_type", "like", "group%").execute();
      assertEquals(
        new Set(events.map((e) => e.event_type)),
        new Set([
          "group_created",
          "group_member_added",
          "group_member_removed",
          "group_member_changed",
          "group_updated",
          "group_deleted",
        ]),
      );
    },
  );

  await t.step("someone who is not an admin gets 404 from every admin group route", async () => {
    const id = family;
    for (
      const [method, path] of [
        ["GET", "/api/admin/groups"],
        ["POST", "/api/admin/groups"],
        ["GET", `/api/admin/groups/${id}`],
        ["PATCH", `/api/admin/groups/${id}`],
        ["DELETE", `/api/admin/groups/${id}`],
        ["GET", `/api/admin/groups/${id}/members`],
        ["POST", `/api/admin/groups/${id}/members`],
        ["PATCH", `/api/admin/groups/${id}/members/${adaAccount.id}`],
        ["DELETE", `/api/admin/groups/${id}/members/${adaAccount.id}`],
      ]
    ) {
      const response = await eve.call(path, { method, json: method === "GET" ? undefined : {} });
      assertEquals(response.status, 404, `${method} ${path}`);
      await response.body?.cancel();
    }
    assertEquals((await json(root, `/api/admin/groups/${id}`)).body.name, "Household", "unchanged");
  });
});
