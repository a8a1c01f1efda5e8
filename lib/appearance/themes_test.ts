/**
 * Themes through the API, on PGlite and PostgreSQL: the built-in themes and their
 * contrast, custom themes with validation, the rules for built-in and active themes, the
 * appearance settings, audit events, and 404 for anyone who is not an administrator.
 * (What everyone sees of it — /theme.css and the default colour mode — is appearance_test.ts.)
 */
import { sql } from "kysely";
import * as m0007 from "../../migrations/0007_themes.ts";
import { PROJECT_ROOT } from "../app/assets.ts";
import { createTestApp, createTestDeps } from "../app/testing.ts";
import { errorOf } from "../auth/auth_testing.ts";
import { assert, assertEquals, assertStringIncludes } from "../shared/assert.ts";
import { adminAndUser, json } from "./appearance_testing.ts";
import { themeCss } from "./themes_css.ts";
import {
  contrastRatio,
  contrastWarnings,
  normaliseHex,
  type ThemeTokens,
  TOKEN_NAMES,
} from "./themes_tokens.ts";

/** The palettes of static/css/base.css, as the browser would read them. */
async function baseCss(): Promise<{ css: string; tokens: ThemeTokens }> {
  const css = await Deno.readTextFile(`${PROJECT_ROOT}/static/css/base.css`);
  const block = (selector: string) => {
    const start = css.indexOf(selector);
    assert(start >= 0, `base.css has ${selector}`);
    const body = css.slice(start, css.indexOf("}", start));
    return Object.fromEntries(
      [...body.matchAll(/--(color-[a-z0-9-]+):\s*(#[0-9a-f]{3,6});/g)].map((m) => [m[1], m[2]]),
    );
  };
  return {
    css,
    tokens: {
      light: block(":root {"),
      dark: block(':root[data-color-mode="dark"] {'),
    } as ThemeTokens,
  };
}

Deno.test("contrast - WCAG ratios and colour parsing", () => {
  assertEquals(contrastRatio("#000", "#ffffff"), 21);
  assertEquals(contrastRatio("#abc", "#aabbcc"), 1);
  // The classic borderline: #777 on white just misses AA, #767676 just meets it.
  assert(contrastRatio("#777777", "#fff") < 4.5);
  assert(contrastRatio("#767676", "#fff") >= 4.5);
  assertEquals(normaliseHex(" #ABC "), "#aabbcc");
  assertEquals(normaliseHex("#A1b2C3"), "#a1b2c3");
  for (const bad of ["red", "#12345", "#1234567", "url(x)", "; }", "#ggg", "", "abc"]) {
    assertEquals(normaliseHex(bad), null, bad);
  }
});

Deno.test("built-in themes - seeded once, default is base.css, all meet WCAG AA", async () => {
  await using deps = await createTestDeps();
  const rows = await deps.db.selectFrom("themes").selectAll().orderBy("id").execute();
  assertEquals(rows.map((r) => [r.id, r.is_builtin]), [
    ["default", true],
    ["forest", true],
    ["ocean", true],
  ]);
  const { css, tokens: base } = await baseCss();
  const byId = Object.fromEntries(rows.map((r) => [r.id, r.tokens as unknown as ThemeTokens]));
  assertEquals(byId.default, base, "choosing the default theme changes nothing");
  for (const row of rows) {
    const tokens = row.tokens as unknown as ThemeTokens;
    for (const mode of ["light", "dark"] as const) {
      assertEquals(Object.keys(tokens[mode]).sort(), [...TOKEN_NAMES].sort(), `${row.id} ${mode}`);
    }
    assertEquals(contrastWarnings(tokens), [], `${row.id} meets AA`);
  }
  // The selectors theme.css repeats are exactly base.css's.
  const forest = themeCss("forest", byId.forest);
  for (
    const selector of [
      ':root[data-color-mode="dark"] {',
      "@media (prefers-color-scheme: dark) {",
      ':root:not([data-color-mode="light"]):not([data-color-mode="dark"]) {',
    ]
  ) {
    assertStringIncludes(css, selector);
    assertStringIncludes(forest, selector);
  }
  // Running the seed again neither fails nor duplicates.
  await m0007.up(deps.db as never);
  const count = await deps.db.selectFrom("themes").select(sql<number>`count(*)::int`.as("n"))
    .executeTakeFirstOrThrow();
  assertEquals(count.n, 3);
});

Deno.test("themes API - custom themes, validation, built-in and active rules, audit", async (t) => {
  await using deps = await createTestDeps();
  const app = await createTestApp(deps);
  const { root, rootId, ada } = await adminAndUser(app, deps);
  const count = async () =>
    (await deps.db.selectFrom("themes").select(sql<number>`count(*)::int`.as("n"))
      .executeTakeFirstOrThrow()).n;

  await t.step("the list has the built-in themes, default active", async () => {
    const { status, body } = await json(root, "/api/admin/themes");
    assertEquals(status, 200);
    assertEquals(
      body.themes.map((th: { id: string; is_active: boolean }) => [th.id, th.is_active]),
      [["default", true], ["forest", false], ["ocean", false]],
    );
    assertEquals(body.themes[0].warnings, []);
  });

  let defaults: ThemeTokens;
  await t.step("create: missing tokens come from default, colours are normalised", async () => {
    defaults = (await json(root, "/api/admin/themes/default")).body.tokens;
    const created = await json(root, "/api/admin/themes", "POST", {
      label: "Sunset",
      tokens: { light: { "color-accent": "#B5452A", "color-bg": "#FFF" } },
    });
    assertEquals(created.status, 201);
    assertEquals(created.body.id, "sunset");
    assertEquals(created.body.is_builtin, false);
    assertEquals(created.body.tokens.light["color-accent"], "#b5452a");
    assertEquals(created.body.tokens.light["color-bg"], "#ffffff");
    assertEquals(created.body.tokens.light["color-text"], defaults.light["color-text"]);
    assertEquals(created.body.tokens.dark, defaults.dark);
    assertEquals(created.body.warnings, []);
  });

  await t.step("a theme that misses AA is saved, with warnings naming the pairs", async () => {
    const created = await json(root, "/api/admin/themes", "POST", {
      label: "Lemon",
      id: "lemon",
      tokens: { light: { "color-accent": "#ffdd00" } },
    });
    assertEquals(created.status, 201);
    const pairs = created.body.warnings.map((
      w: { mode: string; foreground: string; background: string },
    ) => `${w.mode}:${w.foreground}/${w.background}`);
    assert(pairs.includes("light:color-accent-text/color-accent"), pairs.join(", "));
    assert(pairs.includes("light:color-accent/color-surface"), "links on cards");
    assert(!pairs.some((p: string) => p.startsWith("dark:")), "the dark set is default's");
    assert(created.body.warnings[0].ratio < 4.5);
    assertStringIncludes(created.body.warnings[0].message, "WCAG AA asks for 4.5:1");
  });

  await t.step("duplicate a built-in theme with based_on", async () => {
    const forest = (await json(root, "/api/admin/themes/forest")).body;
    const copy = await json(root, "/api/admin/themes", "POST", {
      label: "My forest",
      based_on: "forest",
    });
    assertEquals(copy.status, 201);
    assertEquals(copy.body.id, "my-forest");
    assertEquals(copy.body.tokens, forest.tokens);
  });

  await t.step("names are unique in any case, ids too; 'new' is reserved", async () => {
    const before = await count();
    const sameName = await root.call("/api/admin/themes", {
      method: "POST",
      json: { label: "SUNSET" },
    });
    assertEquals(sameName.status, 409);
    assertStringIncludes((await errorOf(sameName)).message, "exists already");
    const sameId = await root.call("/api/admin/themes", {
      method: "POST",
      json: { label: "Other", id: "forest" },
    });
    assertEquals(sameId.status, 409);
    const reserved = await json(root, "/api/admin/themes", "POST", { label: "N", id: "new" });
    assertEquals(reserved.status, 422);
    const derived = await json(root, "/api/admin/themes", "POST", { label: "New" });
    assertEquals(derived.body.id, "new-2", "a label that would make a reserved id");
    assertEquals(await count(), before + 1);
  });

  await t.step("bad colours, token names and labels: 422 with paths, nothing stored", async () => {
    const before = await count();
    const cases: [unknown, string][] = [
      [{ label: "X", tokens: { light: { "color-accent": "red" } } }, "tokens.light.color-accent"],
      [
        { label: "X", tokens: { light: { "color-accent": "#12345" } } },
        "tokens.light.color-accent",
      ],
      [{ label: "X", tokens: { dark: { "color-bg": "url(x.png)" } } }, "tokens.dark.color-bg"],
      [{ label: "X", tokens: { dark: { "color-bg": "#000; }" } } }, "tokens.dark.color-bg"],
      [{ label: "X", tokens: { dark: { "color-bg": "; } body { x: y" } } }, "tokens.dark.color-bg"],
      [{ label: "X", tokens: { light: { "color-text": "#1234567" } } }, "tokens.light.color-text"],
      [{ label: "X", tokens: { light: { "color-text": 0x112233 } } }, "tokens.light.color-text"],
      [{ label: "X", tokens: { light: { "color-text": null } } }, "tokens.light.color-text"],
      [{ label: "X", tokens: { light: { "color-foo": "#ffffff" } } }, "tokens.light.color-foo"],
      [{ label: "X", tokens: { dark: { "--color-bg": "#ffffff" } } }, "tokens.dark.--color-bg"],
      [{ label: "X", tokens: { sepia: {} } }, "tokens"],
      [{
        label: "X",
        tokens: {
          light: Object.fromEntries(
            TOKEN_NAMES.map((n) => [n + "-x", "#fff"]).concat([["a", "#fff"]]),
          ),
        },
      }, "tokens.light"],
      [{ label: "X", tokens: { light: "#fff" } }, "tokens.light"],
      [{ label: "", tokens: {} }, "label"],
      [{ label: "x".repeat(65) }, "label"],
      [{ label: "X", id: "Has Spaces" }, "id"],
      [{ label: "X", based_on: "nope" }, "based_on"],
      [{ label: "X", admin: true }, ""],
    ];
    for (const [body, path] of cases) {
      const response = await json(root, "/api/admin/themes", "POST", body);
      assertEquals(response.status, 422, JSON.stringify(body));
      const paths = response.body.error.details.fields.map((f: { path: string }) => f.path);
      assert(paths.includes(path), `${JSON.stringify(body)} → ${paths.join(", ")}`);
    }
    assertEquals(await count(), before, "nothing stored");
  });

  await t.step("PATCH replaces the tokens given and keeps the others", async () => {
    const patched = await json(root, "/api/admin/themes/sunset", "PATCH", {
      label: "Sunset glow",
      tokens: { dark: { "color-bg": "#000" } },
    });
    assertEquals(patched.status, 200);
    assertEquals(patched.body.label, "Sunset glow");
    assertEquals(patched.body.tokens.dark["color-bg"], "#000000");
    assertEquals(patched.body.tokens.light["color-accent"], "#b5452a");
    const bad = await json(root, "/api/admin/themes/sunset", "PATCH", {
      tokens: { dark: { "color-bg": "black" } },
    });
    assertEquals(bad.status, 422);
    assertEquals(bad.body.error.details.fields[0].path, "tokens.dark.color-bg");
    const again = await json(root, "/api/admin/themes/sunset");
    assertEquals(again.body.tokens.dark["color-bg"], "#000000", "unchanged by the refused PATCH");
    assertEquals((await json(root, "/api/admin/themes/nope", "PATCH", { label: "Y" })).status, 404);
    assertEquals((await json(root, "/api/admin/themes/..%2Fx")).status, 404);
  });

  await t.step("built-in themes cannot be changed or deleted: 409, duplicate instead", async () => {
    for (const method of ["PATCH", "DELETE"]) {
      const response = await root.call("/api/admin/themes/forest", {
        method,
        ...(method === "PATCH" ? { json: { label: "Mine" } } : {}),
      });
      assertEquals(response.status, 409, method);
      const error = await errorOf(response);
      assertEquals(error.code, "themes.builtin");
      assertStringIncludes(error.message, "Duplicate it");
    }
    assertEquals((await json(root, "/api/admin/themes/forest")).body.label, "Forest");
  });

  await t.step(
    "appearance settings: unknown theme or mode 422; a theme becomes active",
    async () => {
      assertEquals((await json(root, "/api/admin/settings/appearance")).body, {
        active_theme: "default",
        default_color_mode: "system",
      });
      const unknown = await json(root, "/api/admin/settings/appearance", "PUT", {
        active_theme: "nope",
        default_color_mode: "dark",
      });
      assertEquals(unknown.status, 422);
      assertEquals(unknown.body.error.details.fields[0].path, "active_theme");
      const badMode = await json(root, "/api/admin/settings/appearance", "PUT", {
        active_theme: "forest",
        default_color_mode: "sepia",
      });
      assertEquals(badMode.status, 422);
      assertEquals(badMode.body.error.details.fields[0].path, "default_color_mode");
      assertEquals(
        (await json(root, "/api/admin/settings/appearance")).body.active_theme,
        "default",
      );
      const saved = await json(root, "/api/admin/settings/appearance", "PUT", {
        active_theme: "sunset",
        default_color_mode: "dark",
      });
      assertEquals(saved.status, 200);
      assertEquals(saved.body, { active_theme: "sunset", default_color_mode: "dark" });
      assertEquals((await json(root, "/api/admin/themes/sunset")).body.is_active, true);
    },
  );

  await t.step("the active theme cannot be deleted; another one can", async () => {
    const active = await root.call("/api/admin/themes/sunset", { method: "DELETE" });
    assertEquals(active.status, 409);
    assertStringIncludes((await errorOf(active)).message, "choose another theme first");
    assertEquals((await root.call("/api/admin/themes/lemon", { method: "DELETE" })).status, 204);
    assertEquals((await root.call("/api/admin/themes/lemon")).status, 404);
    assertEquals((await root.call("/api/admin/themes/lemon", { method: "DELETE" })).status, 404);
  });

  await t.step("non-admins find none of it (404) and change nothing", async () => {
    const before = await json(root, "/api/admin/themes");
    const attempts: [string, string, unknown?][] = [
      ["GET", "/api/admin/themes"],
      ["POST", "/api/admin/themes", { label: "Mine" }],
      ["GET", "/api/admin/themes/sunset"],
      ["PATCH", "/api/admin/themes/sunset", { label: "Mine" }],
      ["DELETE", "/api/admin/themes/my-forest"],
      ["GET", "/api/admin/settings/appearance"],
      ["PUT", "/api/admin/settings/appearance", {
        active_theme: "default",
        default_color_mode: "light",
      }],
    ];
    for (const [method, path, body] of attempts) {
      assertEquals((await json(ada, path, method, body)).status, 404, `${method} ${path}`);
    }
    assertEquals(await json(root, "/api/admin/themes"), before);
    assertEquals((await json(root, "/api/admin/settings/appearance")).body.active_theme, "sunset");
  });

  await t.step("every change is audited with the admin as actor", async () => {
    const events = await deps.db.selectFrom("audit_log")
      .select(["event_type", "actor_id", "resource_id", "metadata"])
      .where("event_type", "in", ["theme_created", "theme_updated", "theme_deleted"])
      .orderBy("id").execute();
    assertEquals(events.map((e) => [e.event_type, e.resource_id]), [
      ["theme_created", "sunset"],
      ["theme_created", "lemon"],
      ["theme_created", "my-forest"],
      ["theme_created", "new-2"],
      ["theme_updated", "sunset"],
      ["theme_deleted", "lemon"],
    ]);
    assert(events.every((e) => e.actor_id === rootId));
    assertEquals(events[2].metadata, { label: "My forest", based_on: "forest" });
    assertEquals(events[4].metadata, {
      label: "Sunset glow",
      old_label: "Sunset",
      tokens: ["dark.color-bg"],
    });
    const settings = await deps.db.selectFrom("audit_log").select(["actor_id", "metadata"])
      .where("event_type", "=", "settings_change").execute();
    assertEquals(settings.length, 1, "refused changes are not audited");
    assertEquals(settings[0].actor_id, rootId);
    assertEquals(settings[0].metadata, {
      keys: ["appearance"],
      old: { active_theme: "default", default_color_mode: "system" },
      new: { active_theme: "sunset", default_color_mode: "dark" },
    });
  });
});
