/**
 * Administrator settings (issue #6, SPEC §4.7) through the API and the page, on PGlite and
 * (in the clustered pass) PostgreSQL: the defaults, each scalar setting and what it changes
 * for users, validation, audit entries, and 404 for anyone but an administrator. The AI
 * provider and the system prompt are in admin_settings_ai_test.ts.
 */
import { createTestApp, createTestClient, createTestDeps } from "../app/testing.ts";
import { errorOf, invalidFields, PASSWORD, registerAccount, signIn } from "../auth/auth_testing.ts";
import { createAccount } from "../auth/auth_service.ts";
import { DEFAULT_SYSTEM_PROMPT } from "../classify/llm/default_prompt.ts";
import { requestUpload } from "../documents/documents_testing.ts";
import { assert, assertEquals, assertStringIncludes } from "../shared/assert.ts";
import { getSetting, setSetting } from "./settings_service.ts";
import { callJson, createSettingsFixture, settingsChanges } from "./settings_testing.ts";

const MiB = 1024 * 1024;

Deno.test("admin settings - defaults, and nothing for anyone but an administrator", async (t) => {
  await using fx = await createSettingsFixture();
  const { root, user } = fx;

  await t.step("GET answers every setting with its default", async () => {
    const { status, body } = await callJson(root, "/api/admin/settings");
    assertEquals(status, 200);
    assertEquals(body, {
      ai: {
        base_url: null,
        model: null,
        api_key: { set: false, masked: null },
        source: "none",
      },
      system_prompt: {
        value: DEFAULT_SYSTEM_PROMPT,
        is_default: true,
        default: DEFAULT_SYSTEM_PROMPT,
      },
      max_upload_bytes: 50 * MiB,
      default_quota_bytes: 100 * MiB,
      registration: "open",
      suggestions_mode: "auto",
    });
  });

  await t.step("a user who is not an admin gets 404 from every route and page", async () => {
    const calls: [string, string, unknown?][] = [
      ["/api/admin/settings", "GET"],
      ["/api/admin/settings", "PATCH", { registration: "closed" }],
      ["/api/admin/settings/ai", "PUT", { base_url: null, model: null }],
      ["/api/admin/settings/ai", "DELETE"],
      ["/api/admin/settings/ai/test", "POST", {}],
      ["/api/admin/settings/system-prompt", "PUT", { value: "Mine now." }],
      ["/api/admin/settings/system-prompt", "DELETE"],
    ];
    for (const [path, method, body] of calls) {
      assertEquals((await callJson(user, path, method, body)).status, 404, `${method} ${path}`);
    }
    assertEquals((await user.call("/admin/settings")).status, 404);
    const form = { registration: "closed", intent: "reset", value: "x" };
    for (const page of ["uploads", "ai", "system-prompt"]) {
      const response = await user.call(`/admin/settings/${page}`, { method: "POST", form });
      assertEquals(response.status, 404, page);
    }
    assertEquals((await callJson(root, "/api/admin/settings")).body.registration, "open");
    assertEquals(await settingsChanges(fx.deps), [], "nothing was changed");
  });
});

Deno.test("admin settings - each value takes effect at once", async (t) => {
  await using fx = await createSettingsFixture();
  const { app, root, user, deps } = fx;
  const patch = (body: unknown) => callJson(root, "/api/admin/settings", "PATCH", body);

  await t.step("closed registration: the API refuses, the pages stop offering it", async () => {
    const closed = await patch({ registration: "closed" });
    assertEquals([closed.status, closed.body.registration], [200, "closed"]);
    const refused = await createTestClient(app).call("/api/auth/register", {
      method: "POST",
      json: { email: "late@example.com", password: PASSWORD, full_name: "Late" },
    });
    assertEquals((await errorOf(refused)).code, "auth.registration_closed");
    assertEquals(refused.status, 403);
    const visitor = createTestClient(app);
    const login = await (await visitor.call("/login")).text();
    assert(!login.includes('href="/register'), "the sign-in page no longer links to /register");
    const home = await (await visitor.call("/")).text();
    assert(!home.includes('href="/register'), "nor does the home page");
    const register = await visitor.call("/register");
    assertEquals(register.status, 404);
    const html = await register.text();
    assertStringIncludes(html, "Registration is closed");
    assert(!html.includes('name="password"'), "no form to fill in");
  });

  await t.step("open again: the link and the form are back", async () => {
    assertEquals((await patch({ registration: "open" })).body.registration, "open");
    const visitor = createTestClient(app);
    assertStringIncludes(await (await visitor.call("/login")).text(), 'href="/register"');
    assertEquals((await visitor.call("/register")).status, 200);
    await registerAccount(visitor, "early@example.com");
  });

  await t.step("the largest file is enforced by upload-url", async () => {
    assertEquals((await patch({ max_upload_bytes: 4096 })).body.max_upload_bytes, 4096);
    const tooLarge = await requestUpload(user, { size: 5000 });
    assertEquals(tooLarge.status, 413);
    const body = await tooLarge.json();
    assertEquals(body.error.code, "documents.too_large");
    assertEquals(body.error.details.max_bytes, 4096);
    const fits = await requestUpload(user, { size: 4000 });
    assertEquals(fits.status, 201);
    await fits.body?.cancel();
  });

  await t.step("the default quota applies to the next new account only", async () => {
    const before = await callJson(user, "/api/users/me/quota");
    assertEquals(before.body.limit_bytes, 100 * MiB);
    assertEquals((await patch({ default_quota_bytes: 7 * MiB })).body.default_quota_bytes, 7 * MiB);
    const newcomer = createTestClient(app);
    await registerAccount(newcomer, "newcomer@example.com");
    assertEquals((await callJson(newcomer, "/api/users/me/quota")).body.limit_bytes, 7 * MiB);
    const existing = await callJson(user, "/api/users/me/quota");
    assertEquals(existing.body.limit_bytes, 100 * MiB, "an existing account keeps its quota");
  });

  await t.step("suggestions: review is what the pipeline reads from now on", async () => {
    assertEquals((await patch({ suggestions_mode: "review" })).body.suggestions_mode, "review");
    assertEquals(await getSetting(deps, "suggestions_mode"), "review");
  });

  await t.step("each change is audited with the admin, the keys and old/new", async () => {
    const changes = await settingsChanges(deps);
    assertEquals(changes.length, 5);
    assert(changes.every((c) => c.actor_id === fx.rootId));
    assertEquals(changes[0].metadata, {
      keys: ["registration"],
      old: { registration: "open" },
      new: { registration: "closed" },
    });
    assertEquals(changes[3].metadata, {
      keys: ["default_quota_bytes"],
      old: { default_quota_bytes: 100 * MiB },
      new: { default_quota_bytes: 7 * MiB },
    });
    const again = await patch({ suggestions_mode: "review", max_upload_bytes: 4096 });
    assertEquals(again.status, 200);
    assertEquals((await settingsChanges(deps)).length, 5, "no change, no entry");
  });
});

Deno.test("admin settings - registration: the setting wins over REGISTRATION", async (t) => {
  await using deps = await createTestDeps({ env: { REGISTRATION: "closed" } });
  const app = await createTestApp(deps);
  await createAccount({
    deps,
    email: "root@example.com",
    password: PASSWORD,
    fullName: "Root",
    role: "admin",
  });
  const root = createTestClient(app);
  await signIn(root, { id: "", email: "root@example.com", password: PASSWORD });
  const register = (email: string) =>
    createTestClient(app).call("/api/auth/register", {
      method: "POST",
      json: { email, password: PASSWORD, full_name: "Someone" },
    });

  await t.step("never set: REGISTRATION=closed applies", async () => {
    assertEquals((await callJson(root, "/api/admin/settings")).body.registration, "closed");
    assertEquals((await errorOf(await register("a@example.com"))).code, "auth.registration_closed");
  });

  await t.step("opened by the admin: open, whatever the variable says", async () => {
    const opened = await callJson(root, "/api/admin/settings", "PATCH", { registration: "open" });
    assertEquals(opened.body.registration, "open");
    assertEquals((await register("b@example.com")).status, 201);
    const login = await (await createTestClient(app).call("/login")).text();
    assertStringIncludes(login, 'href="/register"');
  });

  await t.step(
    "closed by another process (in the database): registration refuses at once",
    async () => {
      // Not through the service, so this process's cached copy still says "open".
      await setSetting(deps, "registration", "closed", null);
      assertEquals(
        (await errorOf(await register("c@example.com"))).code,
        "auth.registration_closed",
      );
    },
  );
});

Deno.test("admin settings - bad values are 422 and change nothing", async (t) => {
  await using fx = await createSettingsFixture();
  const { root, deps } = fx;
  const before = (await callJson(root, "/api/admin/settings")).body;
  const cases: [string, unknown, string[]][] = [
    ["below 1 KiB", { max_upload_bytes: 1000 }, ["max_upload_bytes"]],
    ["above 1 GiB", { max_upload_bytes: 1024 * MiB + 1 }, ["max_upload_bytes"]],
    ["not whole", { max_upload_bytes: 2048.5 }, ["max_upload_bytes"]],
    ["a string", { max_upload_bytes: "50MB" }, ["max_upload_bytes"]],
    ["negative quota", { default_quota_bytes: -1 }, ["default_quota_bytes"]],
    ["unsafe quota", { default_quota_bytes: 2 ** 60 }, ["default_quota_bytes"]],
    ["registration", { registration: "maybe", max_upload_bytes: 4096 }, ["registration"]],
    ["suggestions", { suggestions_mode: "sometimes" }, ["suggestions_mode"]],
    ["unknown key", { theme: "dark" }, [""]],
    ["nothing", {}, [""]],
  ];
  for (const [name, body, fields] of cases) {
    await t.step(`PATCH ${name}`, async () => {
      const response = await root.call("/api/admin/settings", { method: "PATCH", json: body });
      assertEquals((await invalidFields(response)).sort(), fields);
    });
  }

  await t.step("the page keeps what was typed and says what is wrong", async () => {
    const response = await root.call("/admin/settings/uploads", {
      method: "POST",
      form: {
        max_upload_mib: "lots",
        default_quota: "-3",
        default_quota_unit: "GiB",
        registration: "closed",
        suggestions_mode: "review",
      },
    });
    assertEquals(response.status, 422);
    const html = await response.text();
    assertStringIncludes(html, "Give a size in MiB, e.g. 50.");
    assertStringIncludes(html, "Give 0 or more.");
    assertStringIncludes(html, 'value="lots"');
    assertStringIncludes(html, 'value="-3"');
    assertStringIncludes(html, 'value="closed" checked');
  });

  await t.step("nothing was stored or audited", async () => {
    assertEquals((await callJson(root, "/api/admin/settings")).body, before);
    assertEquals(await settingsChanges(deps), []);
  });
});

Deno.test("admin settings page - each section is a plain form", async (t) => {
  await using fx = await createSettingsFixture();
  const { root } = fx;

  await t.step("the page shows the three sections with the current values", async () => {
    const response = await root.call("/admin/settings");
    assertEquals(response.status, 200);
    const html = await response.text();
    for (const title of ["AI provider", "System prompt", "Uploads and storage"]) {
      assertStringIncludes(html, `>${title}</h2>`);
    }
    for (const action of ["ai", "system-prompt", "uploads"]) {
      assertStringIncludes(html, `method="post" action="/admin/settings/${action}"`);
    }
    assertStringIncludes(html, 'name="max_upload_mib" type="text" value="50"');
    assertStringIncludes(html, 'name="default_quota" value="100"');
    assertStringIncludes(html, 'value="open" checked');
    assertStringIncludes(html, 'value="auto" checked');
    assertStringIncludes(html, "Apply confident suggestions automatically");
    assertStringIncludes(html, "Always ask for review");
    assertStringIncludes(html, "No AI endpoint is configured");
    assert(!html.includes("<script>"), "no inline script");
  });

  await t.step("saving the uploads form stores MiB and GiB as bytes", async () => {
    const response = await root.call("/admin/settings/uploads", {
      method: "POST",
      form: {
        max_upload_mib: "12,5",
        default_quota: "2",
        default_quota_unit: "GiB",
        registration: "closed",
        suggestions_mode: "review",
      },
    });
    assertEquals(response.status, 303);
    assertEquals(response.headers.get("location"), "/admin/settings?notice=uploads_saved");
    const { body } = await callJson(root, "/api/admin/settings");
    assertEquals(body.max_upload_bytes, 12.5 * MiB);
    assertEquals(body.default_quota_bytes, 2 * 1024 * MiB);
    assertEquals([body.registration, body.suggestions_mode], ["closed", "review"]);
    const html = await (await root.call("/admin/settings?notice=uploads_saved")).text();
    assertStringIncludes(html, "The settings are saved.");
    assertStringIncludes(html, 'name="max_upload_mib" type="text" value="12.5"');
    assertStringIncludes(html, 'name="default_quota" value="2"');
    assertStringIncludes(html, '<option value="GiB" selected>GiB</option>');
    assertStringIncludes(html, 'value="closed" checked');
    assertStringIncludes(html, 'value="review" checked');
  });
});
