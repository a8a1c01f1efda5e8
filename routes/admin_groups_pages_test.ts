/** The groups pages of the administration, used as an administrator would, without JavaScript. */
import { createTestApp, createTestClient, createTestDeps } from "../lib/app/testing.ts";
import { registerAccount, signUpAdmin } from "../lib/auth/auth_testing.ts";
import { assert, assertEquals, assertStringIncludes } from "../lib/shared/assert.ts";

Deno.test("admin groups pages - create, add members, roles, rename, remove and delete", async (t) => {
  await using deps = await createTestDeps();
  const app = await createTestApp(deps);
  const member = await registerAccount(createTestClient(app), "grace@example.com");
  const user = createTestClient(app);
  await registerAccount(user, "user@example.com");
  const { client: root } = await signUpAdmin(app, deps);
  let groupUrl = "";

  await t.step(
    "a name that is too long is refused by the field, and nothing is created",
    async () => {
      const response = await root.call("/admin/groups", {
        method: "POST",
        form: { name: "x".repeat(129), description: "" },
      });
      assertEquals(response.status, 422);
      const html = await response.text();
      assertStringIncludes(html, "At most 128 characters.");
      assertStringIncludes(html, "There are no groups yet.");
    },
  );

  await t.step("an admin creates a group and lands on its page", async () => {
    const created = await root.call("/admin/groups", {
      method: "POST",
      form: { name: "Family", description: "Household papers" },
    });
    assertEquals(created.status, 303);
    groupUrl = created.headers.get("location")!.split("?")[0];
    assert(/^\/admin\/groups\/[0-9a-f-]{36}$/.test(groupUrl), groupUrl);
    const html = await (await root.call(created.headers.get("location")!)).text();
    assertStringIncludes(html, "<h1>Family</h1>");
    assertStringIncludes(html, "The group is created.");
    assertStringIncludes(html, "Nobody is in this group yet.");
    const list = await (await root.call("/admin/groups?q=fam")).text();
    assertStringIncludes(list, `href="${groupUrl}">Family</a>`);
    assertStringIncludes(
      await (await root.call("/admin/groups?q=zzz")).text(),
      "No group is named",
    );
  });

  await t.step("a second group with the same name in other case is a conflict", async () => {
    const response = await root.call("/admin/groups", {
      method: "POST",
      form: { name: "FAMILY", description: "" },
    });
    assertEquals(response.status, 409);
  });

  await t.step("members are added by e-mail; an unknown address is said so", async () => {
    const unknown = await root.call(`${groupUrl}/members`, {
      method: "POST",
      form: { email: "nobody@example.com" },
    });
    assertEquals(unknown.status, 404);
    assertStringIncludes(await unknown.text(), "No account has this address.");
    const added = await root.call(`${groupUrl}/members`, {
      method: "POST",
      form: { email: "grace@example.com", is_group_admin: "true" },
    });
    assertEquals(added.status, 303);
    const html = await (await root.call(groupUrl)).text();
    assertStringIncludes(html, "grace@example.com");
    assertStringIncludes(html, "Group admin</span>");
    const rows = await deps.db.selectFrom("group_members").selectAll().execute();
    assertEquals(rows.map((r) => [r.user_id, r.is_group_admin]), [[member.id, true]]);
  });

  await t.step("a group admin is made a plain member, then removed", async () => {
    const memberUrl = `${groupUrl}/members/${member.id}`;
    assertEquals(
      (await root.call(memberUrl, { method: "POST", form: { action: "member" } })).status,
      303,
    );
    assertEquals(
      (await deps.db.selectFrom("group_members").select("is_group_admin").executeTakeFirst())
        ?.is_group_admin,
      false,
    );
    assertEquals(
      (await root.call(memberUrl, { method: "POST", form: { action: "promote" } })).status,
      422,
    );
    assertEquals(
      (await root.call(memberUrl, { method: "POST", form: { action: "remove" } })).status,
      303,
    );
    assertEquals((await deps.db.selectFrom("group_members").selectAll().execute()).length, 0);
  });

  await t.step("the group is renamed; an empty name keeps the old one", async () => {
    const refused = await root.call(groupUrl, { method: "POST", form: { name: " " } });
    assertEquals(refused.status, 422);
    assertStringIncludes(await refused.text(), "Give the group a name.");
    const saved = await root.call(groupUrl, {
      method: "POST",
      form: { name: "Household", description: "" },
    });
    assertEquals(saved.status, 303);
    assertStringIncludes(await (await root.call(groupUrl)).text(), "<h1>Household</h1>");
  });

  await t.step("delete needs its confirmation box", async () => {
    const unconfirmed = await root.call(`${groupUrl}/delete`, { method: "POST", form: {} });
    assertEquals(unconfirmed.status, 303);
    assertEquals((await root.call(groupUrl)).status, 200, "still there");
    const deleted = await root.call(`${groupUrl}/delete`, {
      method: "POST",
      form: { confirm: "yes" },
    });
    assertEquals(deleted.headers.get("location"), "/admin/groups?notice=deleted");
    assertEquals((await root.call(groupUrl)).status, 404);
  });

  await t.step("anyone but an administrator finds none of it", async () => {
    for (const path of ["/admin/groups", groupUrl]) {
      assertEquals((await user.call(path)).status, 404, path);
    }
    const post = await user.call("/admin/groups", { method: "POST", form: { name: "Mine" } });
    assertEquals(post.status, 404);
    const mine = await deps.db.selectFrom("groups").selectAll().where("name", "=", "Mine")
      .execute();
    assertEquals(mine, []);
  });
});
