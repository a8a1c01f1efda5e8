/**
 * App settings: the schema subset's validator and form model, and the settings of
 * Documents through the API and the generated form — for administrators and members of
 * `documents-admin` only, validated, audited, and in effect in the Documents app.
 */
import { assert, assertEquals, assertStringIncludes } from "../shared/assert.ts";
import { seedDocuments } from "../documents/documents_testing.ts";
import { findManifest } from "./app_manifests.ts";
import {
  defaultSettings,
  effectiveSettings,
  settingsForm,
  settingsFromForm,
  type SettingsSchema,
  validateSettings,
} from "./app_settings_schema.ts";
import { addMember, api, createAppsFixture, groupIdByName, page } from "./apps_testing.ts";

const SCHEMA: SettingsSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    name: { type: "string", title: "Name", minLength: 1, maxLength: 5, default: "x" },
    size: { type: "integer", title: "Size", minimum: 1, maximum: 10 },
    ratio: { type: "number", title: "Ratio", maximum: 1, default: 0.5 },
    on: { type: "boolean", title: "On", description: "Turn it on." },
    mode: { type: "string", title: "Mode", enum: ["a", "b"], "x-enum-titles": ["Alpha", "Beta"] },
  },
};

Deno.test("settings schema - defaults, validation by field, saved values that no longer fit", () => {
  assertEquals(defaultSettings(SCHEMA), { name: "x", size: 1, ratio: 0.5, on: false, mode: "a" });
  assertEquals(validateSettings(SCHEMA, { size: 3, on: true }), {
    ok: true,
    value: { name: "x", size: 3, ratio: 0.5, on: true, mode: "a" },
  });
  const bad = validateSettings(SCHEMA, {
    name: "toolong",
    size: 2.5,
    ratio: 2,
    on: "yes",
    mode: "c",
    other: 1,
  });
  assertEquals(bad, {
    ok: false,
    errors: [
      { path: "other", message: "This app has no such setting." },
      { path: "name", message: "At most 5 characters." },
      { path: "size", message: "Enter a whole number from 1 to 10." },
      { path: "ratio", message: "Enter a number of at most 1." },
      { path: "on", message: "Choose yes or no." },
      { path: "mode", message: "Choose one of: Alpha, Beta." },
    ],
  });
  assertEquals(validateSettings(SCHEMA, { name: "" }).ok, false, "minLength");
  assertEquals(validateSettings(SCHEMA, [1]).ok, false, "not an object");
  assertEquals(
    effectiveSettings(SCHEMA, { size: 99, mode: "b", gone: true }),
    { name: "x", size: 1, ratio: 0.5, on: false, mode: "b" },
  );
  // Every manifest's defaults fit its own schema.
  const documents = findManifest("documents")!;
  assert(validateSettings(documents.settings_schema, {}).ok);
});

Deno.test("settings schema - form values are typed, and the form shows fields and errors", () => {
  const input = settingsFromForm(SCHEMA, { name: "ab", size: " 4 ", ratio: "half", mode: "b" });
  assertEquals(input, { name: "ab", size: 4, ratio: "half", on: false, mode: "b" });
  const checked = validateSettings(SCHEMA, input);
  assert(!checked.ok);
  const fields = settingsForm(SCHEMA, input, checked.errors);
  assertEquals(fields.map((f) => [f.name, f.kind, f.value, f.error]), [
    ["name", "text", "ab", null],
    ["size", "number", "4", null],
    ["ratio", "number", "half", "Enter a number of at most 1."],
    ["on", "checkbox", "false", null],
    ["mode", "select", "b", null],
  ]);
  const size = fields[1];
  assertEquals([size.min, size.max, size.step], [1, 10, "1"]);
  assertEquals(fields[3].hint, "Turn it on.");
  assertEquals(fields[4].options, [{ value: "a", label: "Alpha" }, { value: "b", label: "Beta" }]);
  assertEquals(settingsFromForm(SCHEMA, { on: "on" }).on, true);
});

Deno.test("apps - Documents settings: who may change them, validation, audit, effect", async (t) => {
  await using fx = await createAppsFixture();
  const { root, deps } = fx;
  const ada = await fx.signUp("ada@example.com");
  const bob = await fx.signUp("bob@example.com");
  const day = 86_400_000;
  const now = Date.now();
  await seedDocuments(deps.db, [
    { userId: ada.id, title: "Zebra insurance", createdAt: new Date(now - 3 * day) },
    { userId: ada.id, title: "Apple receipt", createdAt: new Date(now - 10 * day) },
  ]);
  const titles = async (query = "") =>
    (await api(ada.client, `/api/documents${query}`)).body.documents.map(
      (d: { title: string }) => d.title,
    );

  await t.step("a plain user gets 404 everywhere, and no Settings button", async () => {
    assertEquals((await api(bob.client, "/api/apps/documents/settings")).status, 404);
    const put = await bob.client.call("/api/apps/documents/settings", {
      method: "PUT",
      body: "not json",
      headers: { "content-type": "application/json" },
    });
    assertEquals(put.status, 404, "no hint that the app is configurable");
    assertEquals((await page(bob.client, "/apps/documents/settings")).status, 404);
    const form = await bob.client.call("/apps/documents/settings", {
      method: "POST",
      form: { recent_days: "5" },
    });
    assertEquals(form.status, 404);
    assertEquals((await api(bob.client, "/api/apps")).body.apps[0].can_configure, false);
    assertEquals((await api(bob.client, "/api/apps/nope/settings")).status, 404);
  });

  await t.step("a member of documents-admin reads the defaults and the schema", async () => {
    const group = await groupIdByName(root.client, "documents-admin");
    assert(group, "start-up made the group");
    await addMember(root.client, group, ada.id);
    const read = await api(ada.client, "/api/apps/documents/settings");
    assertEquals(read.status, 200);
    assertEquals(read.body.settings, { recent_days: 30, default_sort: "uploaded" });
    assertEquals(read.body.schema.properties.recent_days.maximum, 365);
    assertEquals((await api(ada.client, "/api/apps")).body.apps[0].can_configure, true);
    assertEquals(await titles("?view=recent"), ["Zebra insurance", "Apple receipt"]);
  });

  await t.step("bad values are 422 by field, and nothing changes", async () => {
    const bad = await api(ada.client, "/api/apps/documents/settings", "PUT", {
      recent_days: 0,
      default_sort: "colour",
      theme: "dark",
    });
    assertEquals(bad.status, 422);
    assertEquals(bad.body.error.details.fields.map((f: { path: string }) => f.path), [
      "theme",
      "recent_days",
      "default_sort",
    ]);
    assertEquals(
      bad.body.error.details.fields[1].message,
      "Enter a whole number from 1 to 365.",
    );
    assertEquals((await api(ada.client, "/api/apps/documents/settings")).body.settings, {
      recent_days: 30,
      default_sort: "uploaded",
    });
  });

  await t.step("saved settings take effect: the Recent view and the default order", async () => {
    const saved = await api(ada.client, "/api/apps/documents/settings", "PUT", {
      recent_days: 7,
      default_sort: "title",
    });
    assertEquals(saved.status, 200);
    assertEquals(saved.body.settings, { recent_days: 7, default_sort: "title" });
    assertEquals(await titles("?view=recent"), ["Zebra insurance"]);
    assertEquals(await titles(), ["Apple receipt", "Zebra insurance"], "title A–Z");
    assertEquals(await titles("?sort=uploaded"), ["Zebra insurance", "Apple receipt"]);
    const workspace = await page(ada.client, "/documents");
    assertStringIncludes(workspace.html, "Title A–Z");
  });

  await t.step("the generated form: fields from the schema, errors by field, saving", async () => {
    const form = await page(ada.client, "/apps/documents/settings");
    assertEquals(form.status, 200);
    assertStringIncludes(form.html, "Recent view: days");
    assertStringIncludes(form.html, 'type="number" value="7" min="1" max="365" step="1"');
    assertStringIncludes(form.html, "The Recent view shows documents uploaded in this many days.");
    assertStringIncludes(form.html, '<option value="title" selected>Title A–Z</option>');
    const wrong = await ada.client.call("/apps/documents/settings", {
      method: "POST",
      form: { recent_days: "lots", default_sort: "date" },
    });
    assertEquals(wrong.status, 422);
    const html = await wrong.text();
    assertStringIncludes(html, "Enter a whole number from 1 to 365.");
    assertStringIncludes(html, 'value="lots"');
    assertStringIncludes(html, 'aria-invalid="true"');
    const good = await ada.client.call("/apps/documents/settings", {
      method: "POST",
      form: { recent_days: "14", default_sort: "date" },
    });
    assertEquals(good.status, 303);
    assertEquals(good.headers.get("location"), "/apps/documents/settings?notice=settings_saved");
    assertEquals((await api(ada.client, "/api/apps/documents/settings")).body.settings, {
      recent_days: 14,
      default_sort: "date",
    });
    const apps = await page(ada.client, "/apps");
    assertStringIncludes(apps.html, 'href="/apps/documents/settings"');
  });

  await t.step("administrators may change them too; every change is audited", async () => {
    const saved = await api(root.client, "/api/apps/documents/settings", "PUT", {});
    assertEquals(saved.body.settings, { recent_days: 30, default_sort: "uploaded" });
    const rows = await deps.db.selectFrom("audit_log")
      .select(["actor_id", "resource_id", "metadata"])
      .where("event_type", "=", "app_settings_change").orderBy("id").execute();
    assertEquals(rows.map((r) => [r.actor_id, r.resource_id, r.metadata.changed]), [
      [ada.id, "documents", "recent_days,default_sort"],
      [ada.id, "documents", "recent_days,default_sort"],
      [root.id, "documents", "recent_days,default_sort"],
    ]);
  });
});
