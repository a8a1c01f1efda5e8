import { call, createTestApp, createTestClient, createTestDeps } from "../app/testing.ts";
import { createAuthClock, invalidFields, registerAccount } from "../auth/auth_testing.ts";
import { assertEquals } from "../shared/assert.ts";

const EMPTY = { phone: null, date_of_birth: null, position: null, address: null };

function isoDay(date: Date, offsetDays = 0): string {
  return new Date(date.getTime() + offsetDays * 24 * 60 * 60_000).toISOString().slice(0, 10);
}

Deno.test("profile - PUT /api/profile/me keeps to the SPEC §3 limits", async (t) => {
  const clock = createAuthClock();
  await using deps = await createTestDeps({ clock });
  const app = await createTestApp(deps);
  const browser = createTestClient(app);
  await registerAccount(browser, "ada@example.com");
  const put = (json: Record<string, unknown>) =>
    browser.call("/api/profile/me", { method: "PUT", json });
  const today = isoDay(clock.now());

  await t.step("it starts empty, and needs a signed-in user", async () => {
    assertEquals(await (await browser.call("/api/profile/me")).json(), EMPTY);
    assertEquals((await call(app, "/api/profile/me")).status, 401);
  });

  await t.step("values within the limits are saved and read back", async () => {
    const profile = {
      phone: "+44 (20) 7946-0958",
      date_of_birth: "1990-12-10",
      position: "Analyst",
      address: "12 St James's Square, London",
    };
    const res = await put(profile);
    assertEquals(res.status, 200);
    assertEquals(await res.json(), profile);
    assertEquals(await (await browser.call("/api/profile/me")).json(), profile);
  });

  await t.step("the edges are allowed", async () => {
    const edges = {
      phone: "1".repeat(20),
      date_of_birth: "1900-01-01",
      position: "p".repeat(128),
      address: "a".repeat(255),
    };
    assertEquals(await (await put(edges)).json(), edges);
    assertEquals((await put({ date_of_birth: today })).status, 200, "born today");
  });

  await t.step("one past each edge is 422 naming the field", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ phone: "1".repeat(21) }, "phone"],
      [{ phone: "call me" }, "phone"],
      [{ phone: "12" }, "phone"],
      [{ date_of_birth: "1899-12-31" }, "date_of_birth"],
      [{ date_of_birth: isoDay(clock.now(), 1) }, "date_of_birth"],
      [{ date_of_birth: "10/12/1990" }, "date_of_birth"],
      [{ position: "p".repeat(129) }, "position"],
      [{ address: "a".repeat(256) }, "address"],
    ];
    for (const [json, field] of cases) {
      const fields = await invalidFields(await put(json));
      assertEquals([...new Set(fields)], [field], JSON.stringify(json));
    }
    assertEquals(await (await browser.call("/api/profile/me")).json(), {
      ...EMPTY,
      date_of_birth: today,
    }, "nothing was saved");
  });

  await t.step("blank fields are cleared, unknown fields refused", async () => {
    assertEquals(await (await put({ phone: "  ", position: "" })).json(), EMPTY);
    assertEquals(await invalidFields(await put({ user_id: crypto.randomUUID() })), [""]);
  });
});

Deno.test("profile - PATCH /api/users/me limits", async (t) => {
  await using deps = await createTestDeps();
  const app = await createTestApp(deps);
  const browser = createTestClient(app);
  await registerAccount(browser, "ada@example.com");
  const patch = (json: Record<string, unknown>) =>
    browser.call("/api/users/me", { method: "PATCH", json });
  const apps = (n: number) => Array.from({ length: n }, (_, i) => `app-${i}`);

  await t.step("full_name up to 128 characters, trimmed", async () => {
    const res = await patch({ full_name: `  ${"n".repeat(128)}  ` });
    assertEquals((await res.json()).full_name, "n".repeat(128));
    assertEquals(await invalidFields(await patch({ full_name: "n".repeat(129) })), ["full_name"]);
    assertEquals(await invalidFields(await patch({ full_name: "   " })), ["full_name"]);
  });

  await t.step("color_mode is light, dark, system or null", async () => {
    for (const mode of ["light", "dark", "system", null]) {
      assertEquals((await (await patch({ color_mode: mode })).json()).color_mode, mode);
    }
    assertEquals(await invalidFields(await patch({ color_mode: "purple" })), ["color_mode"]);
  });

  await t.step("at most 50 pinned apps, each once", async () => {
    assertEquals(
      (await (await patch({ pinned_app_ids: apps(50) })).json()).pinned_app_ids,
      apps(50),
    );
    assertEquals(await invalidFields(await patch({ pinned_app_ids: apps(51) })), [
      "pinned_app_ids",
    ]);
    assertEquals(
      await invalidFields(await patch({ pinned_app_ids: ["docs", "docs"] })),
      ["pinned_app_ids"],
    );
    assertEquals(
      await invalidFields(await patch({ pinned_app_ids: ["../etc"] })),
      ["pinned_app_ids.0"],
    );
  });

  await t.step("e-mail, role and other fields cannot be changed here", async () => {
    for (const json of [{ role: "admin" }, { email: "boss@example.com" }, { is_active: false }]) {
      assertEquals((await patch(json)).status, 422, JSON.stringify(json));
    }
    const me = await (await browser.call("/api/users/me")).json();
    assertEquals([me.role, me.email], ["user", "ada@example.com"]);
  });
});
