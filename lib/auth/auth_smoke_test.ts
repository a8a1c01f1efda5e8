import { assertEquals } from "../shared/assert.ts";
import { createTestApp, createTestClient, createTestDeps } from "../app/testing.ts";

Deno.test("auth smoke - register, me, logout", async () => {
  await using deps = await createTestDeps();
  const app = await createTestApp(deps);
  const browser = createTestClient(app);
  const reg = await browser.call("/api/auth/register", {
    method: "POST",
    json: {
      email: " Ada@Example.com ",
      password: "Analytical-Engine-1843",
      full_name: "Ada Lovelace",
    },
  });
  assertEquals(reg.status, 201, await reg.clone().text());
  const me = await browser.call("/api/users/me");
  assertEquals(me.status, 200);
  assertEquals((await me.json()).email, "ada@example.com");
  assertEquals((await browser.call("/api/auth/logout", { method: "POST" })).status, 204);
  assertEquals((await browser.call("/api/users/me")).status, 401);
});
