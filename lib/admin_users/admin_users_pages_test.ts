/**
 * The /admin/users pages, as an administrator uses them without JavaScript: the list with
 * search and pages, the create form, one account's page and its forms — and that no page
 * ever shows a document's title or file name. Anyone else finds nothing (404).
 */
import { me } from "../auth/auth_testing.ts";
import { assert, assertEquals, assertMatch, assertStringIncludes } from "../shared/assert.ts";
import { createUsersRepo } from "../users/users_repo.ts";
import { createAdminFixture, documentsWithFiles, json } from "./admin_users_testing.ts";
import type { TestClient } from "../app/testing.ts";

const GiB = 1024 ** 3;

async function page(client: TestClient, path: string, status = 200): Promise<string> {
  const response = await client.call(path);
  const html = await response.text();
  assertEquals(response.status, status, html.slice(0, 500));
  return html;
}

async function post(client: TestClient, path: string, form: Record<string, string> = {}) {
  const response = await client.call(path, { method: "POST", form });
  return {
    status: response.status,
    location: response.headers.get("location"),
    html: await response.text(),
  };
}

/** The value of the input named `name` in the page. */
function inputValue(html: string, name: string): string | undefined {
  return new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1] ??
    new RegExp(`<input[^>]*value="([^"]*)"[^>]*name="${name}"`).exec(html)?.[1];
}

Deno.test("admin users pages - the list: table, search, pages and the create form", async (t) => {
  await using fx = await createAdminFixture();
  const { deps, root } = fx;
  const ada = await fx.signUp("ada@example.com", "Ada Lovelace");
  const bob = await fx.signUp("bob@example.com", "Bob Babbage");
  await documentsWithFiles(deps, ada.account.id, [
    { title: "Ada's secret diary", filename: "diary-ada.pdf", sizeBytes: 4000 },
  ]);
  await deps.db.updateTable("quotas").set({ used_bytes: 4000 }).where(
    "user_id",
    "=",
    ada.account.id,
  )
    .execute();
  await deps.db.updateTable("users").set({ is_active: false }).where("id", "=", bob.account.id)
    .execute();

  await t.step("every account with its badges and figures, never a document", async () => {
    const html = await page(root.client, "/admin/users");
    for (const text of ["Ada Lovelace", "ada@example.com", "Bob Babbage", "Root Admin"]) {
      assertStringIncludes(html, text);
    }
    assertStringIncludes(html, `href="/admin/users/${ada.account.id}"`);
    assertStringIncludes(html, ">Admin</span>");
    assertStringIncludes(html, ">Deactivated</span>");
    assertStringIncludes(html, "3.9 KiB of 100 MiB");
    assert(!html.includes("secret diary") && !html.includes("diary-ada"), "no document detail");
    assertStringIncludes(html, "Create a user");
    assertStringIncludes(html, 'name="full_name"');
  });

  await t.step("the search box filters by name or e-mail", async () => {
    const html = await page(root.client, "/admin/users?q=LOVELACE");
    assertStringIncludes(html, "ada@example.com");
    assert(!html.includes("bob@example.com"));
    assertEquals(inputValue(html, "q"), "LOVELACE");
    assertStringIncludes(await page(root.client, "/admin/users?q=nobody"), "No account matches");
  });

  await t.step("more than a page: a next link, and back to the first", async () => {
    await deps.db.insertInto("users").values(
      Array.from({ length: 50 }, (_, i) => ({
        email: `filler${String(i).padStart(2, "0")}@example.com`,
        password_hash: "x",
        full_name: `Filler ${i}`,
      })),
    ).execute();
    const first = await page(root.client, "/admin/users");
    assertEquals(first.match(/data-user-id=/g)?.length, 50);
    const next = /href="(\/admin\/users\?cursor=[^"]+)" rel="next"/.exec(first)?.[1];
    assert(next, "a next link");
    const second = await page(root.client, next.replaceAll("&amp;", "&"));
    assertEquals(second.match(/data-user-id=/g)?.length, 3);
    assertStringIncludes(second, "root@example.com");
    assertStringIncludes(second, 'href="/admin/users">← First page');
    assert(!second.includes('rel="next"'));
    await page(root.client, "/admin/users?cursor=!!!", 400);
  });

  await t.step("a refused form keeps the values and names the field", async () => {
    const bad = await post(root.client, "/admin/users", {
      email: "not-an-address",
      full_name: "Kept Name",
      password: "short",
      admin: "on",
    });
    assertEquals(bad.status, 422);
    assertStringIncludes(bad.html, "Enter a valid e-mail address.");
    assertStringIncludes(bad.html, "Add an upper-case letter.");
    assertEquals(inputValue(bad.html, "full_name"), "Kept Name");
    assertEquals(inputValue(bad.html, "email"), "not-an-address");
    assert(!bad.html.includes('value="short"'), "a password is never sent back");
    const taken = await post(root.client, "/admin/users", {
      email: "ada@example.com",
      full_name: "Ada Again",
    });
    assertEquals(taken.status, 409);
    assertStringIncludes(taken.html, "An account with this e-mail already exists.");
  });

  await t.step("created without a password: the generated one is shown once", async () => {
    const created = await post(root.client, "/admin/users", {
      email: "new@example.com",
      full_name: "New Person",
      admin: "on",
    });
    assertEquals(created.status, 201);
    const password = /data-testid="generated-password">([^<]+)</.exec(created.html)?.[1];
    assert(password, "the password is on the page");
    const user = (await createUsersRepo(deps.db).findByEmail("new@example.com"))!;
    assertEquals(user.role, "admin");
    const again = await page(root.client, `/admin/users/${user.id}`);
    assert(!again.includes(password), "not shown a second time");
    const client = await fx.signInAs({ id: user.id, email: user.email, password });
    assertEquals(await me(client), 200);
  });

  await t.step("created with a password: to the account's page with a notice", async () => {
    const created = await post(root.client, "/admin/users", {
      email: "chosen@example.com",
      full_name: "Chosen Password",
      password: "Tidy-Lighthouse-42",
    });
    assertEquals(created.status, 303);
    assertMatch(created.location!, /^\/admin\/users\/[0-9a-f-]{36}\?notice=created$/);
    assertStringIncludes(await page(root.client, created.location!), "The account is created.");
  });
});

Deno.test("admin users pages - one account: facts and every form", async (t) => {
  await using fx = await createAdminFixture();
  const { deps, root } = fx;
  const ada = await fx.signUp("ada@example.com", "Ada Lovelace");
  await documentsWithFiles(deps, ada.account.id, [
    { title: "Ada's secret diary", filename: "diary-ada.pdf", sizeBytes: 3 * 1024 * 1024 },
  ]);
  await deps.db.updateTable("quotas").set({ used_bytes: 3 * 1024 * 1024 })
    .where("user_id", "=", ada.account.id).execute();
  const base = `/admin/users/${ada.account.id}`;
  const api = async () => (await json(root.client, `/api/admin/users/${ada.account.id}`)).body;

  await t.step("the facts, counts and bytes only; unknown accounts are 404", async () => {
    const html = await page(root.client, base);
    assertStringIncludes(html, "<h1>Ada Lovelace</h1>");
    assertStringIncludes(html, "3 MiB used of 100 MiB");
    assertStringIncludes(html, "This deletes <strong>ada@example.com</strong>");
    assertStringIncludes(html, "1 document</strong> (3 MiB)");
    assert(!html.includes("secret diary") && !html.includes("diary-ada"), "no document detail");
    assertEquals(inputValue(html, "quota_amount"), "100");
    await page(root.client, `/admin/users/${crypto.randomUUID()}`, 404);
    await page(root.client, "/admin/users/nope", 404);
  });

  await t.step("role and activation", async () => {
    const role = await post(root.client, `${base}/role`, { role: "admin" });
    assertEquals([role.status, role.location], [303, `${base}?notice=role_saved#role`]);
    assertEquals((await api()).role, "admin");
    await post(root.client, `${base}/role`, { role: "user" });
    const off = await post(root.client, `${base}/active`, { is_active: "false" });
    assertEquals(off.location, `${base}?notice=deactivated#active`);
    assertEquals(await me(ada.client), 401);
    assertStringIncludes(await page(root.client, off.location!), "cannot sign in");
    await post(root.client, `${base}/active`, { is_active: "true" });
    assertEquals((await api()).is_active, true);
  });

  await t.step("quota in GiB; a bad size is shown next to the field", async () => {
    const saved = await post(root.client, `${base}/quota`, {
      quota_amount: "1.5",
      quota_unit: "GiB",
    });
    assertEquals(saved.location, `${base}?notice=quota_saved#quota`);
    assertEquals((await api()).quota.limit_bytes, 1.5 * GiB);
    const bad = await post(root.client, `${base}/quota`, {
      quota_amount: "lots",
      quota_unit: "GiB",
    });
    assertEquals(bad.status, 422);
    assertStringIncludes(bad.html, "Enter a number, such as 500 or 1.5.");
    assertEquals(inputValue(bad.html, "quota_amount"), "lots");
    assertEquals((await api()).quota.limit_bytes, 1.5 * GiB, "unchanged");
  });

  await t.step("AI assignment, checked", async () => {
    const bad = await post(root.client, `${base}/ai`, { ai_provider: "http://10.0.0.5:11434/v1" });
    assertEquals(bad.status, 422);
    assertStringIncludes(bad.html, "An endpoint URL needs a model");
    assertEquals(inputValue(bad.html, "ai_provider"), "http://10.0.0.5:11434/v1");
    const ok = await post(root.client, `${base}/ai`, {
      ai_provider: "http://10.0.0.5:11434/v1",
      ai_model: "llama3.2",
    });
    assertEquals(ok.status, 303);
    assertEquals((await api()).ai_model, "llama3.2");
  });

  await t.step("password reset shows the new password once; 2FA reset", async () => {
    const reset = await post(root.client, `${base}/reset-password`);
    assertEquals(reset.status, 200);
    const password = /data-testid="generated-password">([^<]+)</.exec(reset.html)?.[1];
    assert(password);
    const client = await fx.signInAs({ ...ada.account, password });
    assertEquals(await me(client), 200);
    const twoFactor = await post(root.client, `${base}/reset-2fa`);
    assertEquals(twoFactor.location, `${base}?notice=two_factor_reset#two_factor`);
    assertEquals(await me(client), 401, "signed out everywhere");
  });

  await t.step("one's own page: the forms say no, and a forced post is refused", async () => {
    const own = `/admin/users/${root.account.id}`;
    const html = await page(root.client, own);
    assertStringIncludes(html, "another administrator must change its role");
    const refused = await post(root.client, `${own}/role`, { role: "user" });
    assertEquals(refused.status, 409);
    assertStringIncludes(refused.html, "You cannot remove the administrator role of your own");
  });

  await t.step("delete needs the typed address, then the account is gone", async () => {
    const wrong = await post(root.client, `${base}/delete`, { confirm_email: "ada@example.org" });
    assertEquals(wrong.status, 422);
    assertStringIncludes(
      wrong.html,
      "Type the account's e-mail address (ada@example.com) to confirm.",
    );
    const done = await post(root.client, `${base}/delete`, { confirm_email: "ada@example.com" });
    assertEquals([done.status, done.location], [303, "/admin/users?notice=deleted"]);
    assertStringIncludes(await page(root.client, done.location!), "The account is deleted");
    await page(root.client, base, 404);
  });
});

Deno.test("admin users pages - 404 for anyone who is not an administrator", async () => {
  await using fx = await createAdminFixture();
  const ada = await fx.signUp("ada@example.com");
  const target = `/admin/users/${fx.root.account.id}`;
  for (const path of ["/admin/users", target]) await page(ada.client, path, 404);
  for (
    const action of [
      "",
      "/role",
      "/active",
      "/quota",
      "/ai",
      "/reset-2fa",
      "/reset-password",
      "/delete",
    ]
  ) {
    const response = await post(ada.client, action ? `${target}${action}` : "/admin/users", {
      role: "user",
      is_active: "false",
      confirm_email: "root@example.com",
    });
    assertEquals(response.status, 404, action);
  }
  const root = (await json(fx.root.client, `/api/admin/users/${fx.root.account.id}`)).body;
  assertEquals([root.role, root.is_active], ["admin", true]);
});
