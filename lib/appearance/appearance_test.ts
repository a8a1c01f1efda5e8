/**
 * What everyone sees of the appearance settings, on PGlite and PostgreSQL: /theme.css for
 * visitors and users alike (ETag, immediate in this process, within the cache time in
 * others), and the admin's default colour mode for whoever has not chosen one.
 */
import {
  createTestApp,
  createTestClient,
  createTestDeps,
  type TestClient,
} from "../app/testing.ts";
import { createAuthClock } from "../auth/auth_testing.ts";
import { setSetting } from "../settings/settings_service.ts";
import { assert, assertEquals, assertNotEquals, assertStringIncludes } from "../shared/assert.ts";
import { APPEARANCE_CACHE_MS } from "./appearance_state.ts";
import { adminAndUser, json } from "./appearance_testing.ts";
import type { ThemeTokens } from "./themes_tokens.ts";

Deno.test("theme.css - everyone gets the active theme; a change shows on the next load", async (t) => {
  const clock = createAuthClock();
  await using deps = await createTestDeps({ clock });
  const app = await createTestApp(deps);
  const { root, ada } = await adminAndUser(app, deps);
  const visitor = createTestClient(app);
  const get = (client: TestClient, etag?: string) =>
    client.call("/theme.css", etag ? { headers: { "if-none-match": etag } } : {});
  let first = "";

  await t.step("pages link it; with the default theme it is only a comment", async () => {
    assertStringIncludes(
      await (await visitor.call("/login")).text(),
      '<link rel="stylesheet" href="/theme.css"/>',
    );
    const response = await get(visitor);
    assertEquals(response.status, 200);
    assertEquals(response.headers.get("content-type"), "text/css; charset=utf-8");
    assertEquals(response.headers.get("cache-control"), "no-cache");
    first = response.headers.get("etag")!;
    assert(/^"[0-9a-f]{32}"$/.test(first), first);
    const css = await response.text();
    assert(css.startsWith("/*") && css.trimEnd().endsWith("*/") && !css.includes("{"), css);
    const again = await get(visitor, first);
    assertEquals(again.status, 304);
    assertEquals(again.headers.get("etag"), first);
  });

  await t.step("an admin picks forest: the visitor and another user get it at once", async () => {
    const forest = (await json(root, "/api/admin/themes/forest")).body.tokens as ThemeTokens;
    const put = await json(root, "/api/admin/settings/appearance", "PUT", {
      active_theme: "forest",
      default_color_mode: "system",
    });
    assertEquals(put.status, 200);
    for (const client of [visitor, ada]) {
      const response = await get(client, first);
      assertEquals(response.status, 200, "the old ETag no longer matches");
      assertNotEquals(response.headers.get("etag"), first);
      const css = await response.text();
      assertStringIncludes(css, `--color-accent: ${forest.light["color-accent"]};`);
      assertStringIncludes(css, `--color-accent: ${forest.dark["color-accent"]};`);
      assertStringIncludes(
        css,
        ':root:not([data-color-mode="light"]):not([data-color-mode="dark"]) {',
      );
    }
  });

  await t.step("editing the active theme's colours shows on the next load", async () => {
    const copy = await json(root, "/api/admin/themes", "POST", {
      label: "Mine",
      based_on: "forest",
    });
    await json(root, "/api/admin/settings/appearance", "PUT", {
      active_theme: copy.body.id,
      default_color_mode: "system",
    });
    const before = (await get(visitor)).headers.get("etag")!;
    await json(root, `/api/admin/themes/${copy.body.id}`, "PATCH", {
      tokens: { light: { "color-accent": "#0a5c36" } },
    });
    const response = await get(visitor, before);
    assertEquals(response.status, 200);
    assertStringIncludes(await response.text(), "--color-accent: #0a5c36;");
  });

  await t.step("another process's change shows here within the cache time", async () => {
    const before = await (await get(visitor)).text();
    // As if another process of the cluster saved it: this one's copy is not dropped.
    await setSetting(deps, "appearance", {
      active_theme: "ocean",
      default_color_mode: "system",
    }, null);
    assertEquals(await (await get(visitor)).text(), before, "still cached");
    clock.advance(APPEARANCE_CACHE_MS);
    const ocean = (await json(root, "/api/admin/themes/ocean")).body.tokens as ThemeTokens;
    assertStringIncludes(
      await (await get(visitor)).text(),
      `--color-accent: ${ocean.light["color-accent"]};`,
    );
  });
});

Deno.test("default colour mode - for whoever has not chosen, never over a choice", async (t) => {
  await using deps = await createTestDeps();
  const app = await createTestApp(deps);
  const { root, ada } = await adminAndUser(app, deps);
  const modeOf = async (client: TestClient, path = "/documents") => {
    const html = await (await client.call(path)).text();
    return /<html[^>]*data-color-mode="([a-z]+)"/.exec(html)?.[1];
  };

  await t.step("by default nobody's choice is made for them: system", async () => {
    assertEquals(await modeOf(createTestClient(app), "/login"), "system");
    assertEquals(await modeOf(ada), "system");
  });

  await json(root, "/api/admin/settings/appearance", "PUT", {
    active_theme: "default",
    default_color_mode: "dark",
  });

  await t.step("a visitor and a user without a choice get the admin's default", async () => {
    assertEquals(await modeOf(createTestClient(app), "/login"), "dark");
    assert(!ada.cookies.has("dv_color_mode"));
    assertEquals(await modeOf(ada), "dark");
  });

  await t.step("a choice wins: the visitor's cookie, the user's account", async () => {
    const visitor = createTestClient(app);
    visitor.cookies.set("dv_color_mode", "light");
    assertEquals(await modeOf(visitor, "/login"), "light");
    const chose = await ada.call("/api/preferences", {
      method: "POST",
      json: { color_mode: "system" },
    });
    assertEquals(chose.status, 200);
    ada.cookies.delete("dv_color_mode"); // a new browser: the account still remembers
    assertEquals(await modeOf(ada), "system");
  });
});
