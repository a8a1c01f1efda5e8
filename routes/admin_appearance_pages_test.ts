/**
 * The appearance pages (/admin/appearance…): plain HTML forms that work without
 * JavaScript, the theme editor with its preview, and 404 for anyone but administrators.
 */
import { createTestApp, createTestClient, createTestDeps } from "../lib/app/testing.ts";
import { PASSWORD, registerAccount, signIn } from "../lib/auth/auth_testing.ts";
import { getSetting } from "../lib/settings/settings_service.ts";
import { assert, assertEquals, assertStringIncludes } from "../lib/shared/assert.ts";
import type { ThemeTokens } from "../lib/appearance/themes_tokens.ts";

/** Every token as the editor's form fields. */
function tokenFields(tokens: ThemeTokens): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const mode of ["light", "dark"] as const) {
    for (const [name, value] of Object.entries(tokens[mode])) {
      fields[`tokens.${mode}.${name}`] = value;
    }
  }
  return fields;
}

Deno.test("appearance pages - choose, create, edit, duplicate and delete without JavaScript", async (t) => {
  await using deps = await createTestDeps();
  const app = await createTestApp(deps);
  const rootAccount = await registerAccount(createTestClient(app), "root@example.com");
  await deps.db.updateTable("users").set({ role: "admin" }).where("id", "=", rootAccount.id)
    .execute();
  const root = createTestClient(app);
  await signIn(root, { ...rootAccount, password: PASSWORD });
  const user = createTestClient(app);
  await registerAccount(user, "user@example.com");
  const themeCount = async () => (await deps.db.selectFrom("themes").select("id").execute()).length;
  const forest: ThemeTokens = (await (await root.call("/api/admin/themes/forest")).json()).tokens;

  await t.step("the page shows every theme as a choice with swatches, and the modes", async () => {
    const response = await root.call("/admin/appearance");
    assertEquals(response.status, 200);
    const html = await response.text();
    assertStringIncludes(html, '<link rel="stylesheet" href="/admin/appearance/themes.css"/>');
    for (const id of ["default", "forest", "ocean"]) {
      assertStringIncludes(html, `name="active_theme" value="${id}"`);
      assertStringIncludes(html, `data-theme="${id}" data-mode="dark"`);
    }
    assertStringIncludes(html, 'name="active_theme" value="default" checked');
    assertStringIncludes(html, 'name="default_color_mode" value="system" checked');
    assertStringIncludes(html, 'href="/admin/appearance/themes/new?from=forest"');
    assert(!/\sstyle="/.test(html), "no inline styles (CSP)");
    const css = await root.call("/admin/appearance/themes.css");
    assertEquals(css.headers.get("content-type"), "text/css; charset=utf-8");
    assertStringIncludes(
      await css.text(),
      `.theme-tokens[data-theme="forest"][data-mode="dark"] {\n  --color-bg: ${
        forest.dark["color-bg"]
      };`,
    );
  });

  await t.step("Save applies the theme and the default mode; a bad choice is refused", async () => {
    const bad = await root.call("/admin/appearance", {
      method: "POST",
      form: { active_theme: "nope", default_color_mode: "dark" },
    });
    assertEquals(bad.status, 422);
    assertStringIncludes(await bad.text(), "There is no such theme.");
    assertEquals((await getSetting(deps, "appearance")).active_theme, "default");
    const saved = await root.call("/admin/appearance", {
      method: "POST",
      form: { active_theme: "ocean", default_color_mode: "light" },
    });
    assertEquals(saved.status, 303);
    assertEquals(saved.headers.get("location"), "/admin/appearance?notice=saved");
    assertEquals(await getSetting(deps, "appearance"), {
      active_theme: "ocean",
      default_color_mode: "light",
    });
    const html = await (await root.call("/admin/appearance?notice=saved")).text();
    assertStringIncludes(html, "Everyone sees the theme on their next page.");
  });

  await t.step("the editor: a field per token and mode, the live preview island", async () => {
    const response = await root.call("/admin/appearance/themes/new?from=forest");
    assertEquals(response.status, 200);
    const html = await response.text();
    assertStringIncludes(html, 'data-island="ThemeEditor"');
    assertStringIncludes(html, 'value="Forest copy"');
    assertStringIncludes(
      html,
      `name="tokens.dark.color-accent" value="${forest.dark["color-accent"]}"`,
    );
    assertStringIncludes(html, 'type="color"');
    assertStringIncludes(html, 'class="theme-preview__page theme-tokens" data-theme="forest"');
    assertStringIncludes(html, "Every text colour meets WCAG AA");
    assert(!/\sstyle="/.test(html), "no inline styles (CSP)");
  });

  let copyId = "";
  await t.step("a bad colour re-renders the form with the message; nothing is stored", async () => {
    const before = await themeCount();
    const response = await root.call("/admin/appearance/themes/new?from=forest", {
      method: "POST",
      form: { label: "Moss", ...tokenFields(forest), "tokens.light.color-accent": "green" },
    });
    assertEquals(response.status, 422);
    const html = await response.text();
    assertStringIncludes(html, "Use a colour like #1a2b3c or #abc.");
    assertStringIncludes(html, 'name="tokens.light.color-accent" value="green"', "kept as typed");
    assertEquals(await themeCount(), before);
  });

  await t.step("creating posts every field and lands on the new theme", async () => {
    const response = await root.call("/admin/appearance/themes/new?from=forest", {
      method: "POST",
      form: { label: "Moss", ...tokenFields(forest), "tokens.light.color-accent": "#ff0" },
    });
    assertEquals(response.status, 303);
    const location = response.headers.get("location")!;
    assertEquals(location, "/admin/appearance/themes/moss?notice=created");
    copyId = "moss";
    const html = await (await root.call(location)).text();
    assertStringIncludes(html, 'name="tokens.light.color-accent" value="#ffff00"');
    assertStringIncludes(html, "may be hard to read", "the contrast warnings are shown");
    assertStringIncludes(html, "color-accent-text on color-accent");
  });

  await t.step("editing saves; built-in themes are shown read-only, a post refused", async () => {
    const saved = await root.call(`/admin/appearance/themes/${copyId}`, {
      method: "POST",
      form: { label: "Moss", ...tokenFields(forest) },
    });
    assertEquals(saved.status, 303);
    assertEquals(
      saved.headers.get("location"),
      `/admin/appearance/themes/${copyId}?notice=theme_saved`,
    );
    const theme = await (await root.call(`/api/admin/themes/${copyId}`)).json();
    assertEquals(theme.tokens, forest);
    const builtin = await (await root.call("/admin/appearance/themes/forest")).text();
    assertStringIncludes(builtin, "is built in: it cannot be changed");
    assert(!builtin.includes(">Save theme</button>"), "no Save button");
    const refused = await root.call("/admin/appearance/themes/forest", {
      method: "POST",
      form: { label: "Mine", ...tokenFields(forest) },
    });
    assertEquals(refused.status, 409);
    assertStringIncludes(await refused.text(), "Duplicate it and change the copy.");
    assertEquals((await root.call("/admin/appearance/themes/nope")).status, 404);
  });

  await t.step("delete asks for confirmation, and never takes the active theme", async () => {
    const path = `/admin/appearance/themes/${copyId}/delete`;
    const unconfirmed = await root.call(path, { method: "POST", form: {} });
    assertEquals(unconfirmed.status, 303);
    assertEquals((await root.call(`/api/admin/themes/${copyId}`)).status, 200, "still there");
    await root.call("/admin/appearance", {
      method: "POST",
      form: { active_theme: copyId, default_color_mode: "light" },
    });
    const active = await root.call(path, { method: "POST", form: { confirm: "yes" } });
    assertEquals(active.headers.get("location"), "/admin/appearance?error=active#themes");
    assertStringIncludes(
      await (await root.call("/admin/appearance?error=active")).text(),
      "choose another theme first",
    );
    await root.call("/admin/appearance", {
      method: "POST",
      form: { active_theme: "default", default_color_mode: "light" },
    });
    const deleted = await root.call(path, { method: "POST", form: { confirm: "yes" } });
    assertEquals(deleted.headers.get("location"), "/admin/appearance?notice=deleted");
    assertEquals((await root.call(`/api/admin/themes/${copyId}`)).status, 404);
  });

  await t.step("users who are not admins get 404 on every appearance page", async () => {
    const before = await themeCount();
    const attempts: [string, string, Record<string, string>?][] = [
      ["GET", "/admin/appearance"],
      ["POST", "/admin/appearance", { active_theme: "forest", default_color_mode: "dark" }],
      ["GET", "/admin/appearance/themes.css"],
      ["GET", "/admin/appearance/themes/new"],
      ["POST", "/admin/appearance/themes/new", { label: "Mine" }],
      ["GET", "/admin/appearance/themes/forest"],
      ["POST", "/admin/appearance/themes/ocean", { label: "Mine" }],
      ["POST", "/admin/appearance/themes/ocean/delete", { confirm: "yes" }],
    ];
    for (const [method, path, form] of attempts) {
      const response = await user.call(path, { method, ...(form ? { form } : {}) });
      assertEquals(response.status, 404, `${method} ${path}`);
    }
    assertEquals(await themeCount(), before);
    assertEquals((await getSetting(deps, "appearance")).active_theme, "default");
  });
});
