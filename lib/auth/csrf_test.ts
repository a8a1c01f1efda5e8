import {
  createTestApp,
  createTestClient,
  createTestDeps,
  TEST_PUBLIC_URL,
} from "../app/testing.ts";
import { assertEquals } from "../shared/assert.ts";
import { errorOf, PASSWORD, registerAccount } from "./auth_testing.ts";

Deno.test("csrf - cookie-authenticated changes must come from our own pages", async (t) => {
  await using deps = await createTestDeps();
  const app = await createTestApp(deps);
  const browser = createTestClient(app);
  await registerAccount(browser, "ada@example.com");
  const createToken = (init: { noOrigin?: boolean; headers?: Record<string, string> }) =>
    browser.call("/api/users/me/tokens", { method: "POST", json: { name: "csrf" }, ...init });
  const tokenCount = async () =>
    (await (await browser.call("/api/users/me/tokens")).json()).tokens.length;

  await t.step("no Origin and no Referer: 403 csrf.origin_mismatch, nothing done", async () => {
    const error = await errorOf(await createToken({ noOrigin: true }));
    assertEquals([error.status, error.code], [403, "csrf.origin_mismatch"]);
    assertEquals(await tokenCount(), 0);
  });

  await t.step("a foreign Origin: 403", async () => {
    const res = await createToken({ headers: { origin: "https://evil.example" } });
    assertEquals((await errorOf(res)).code, "csrf.origin_mismatch");
    assertEquals(await tokenCount(), 0);
  });

  await t.step("Origin: null (sandboxed or privacy-stripped) without a Referer: 403", async () => {
    assertEquals((await createToken({ headers: { origin: "null" } })).status, 403);
  });

  await t.step("our Origin on another port or scheme: 403", async () => {
    for (const origin of ["http://localhost:8001", "https://localhost:8000"]) {
      assertEquals((await createToken({ headers: { origin } })).status, 403, origin);
    }
  });

  await t.step("a foreign Referer, even one that starts like ours: 403", async () => {
    for (const referer of ["https://evil.example/page", `${TEST_PUBLIC_URL}.evil.example/`]) {
      const res = await createToken({ noOrigin: true, headers: { referer } });
      assertEquals(res.status, 403, referer);
    }
    assertEquals(await tokenCount(), 0);
  });

  await t.step("a Referer on our origin, without Origin: allowed", async () => {
    const res = await createToken({
      noOrigin: true,
      headers: { referer: `${TEST_PUBLIC_URL}/profile` },
    });
    assertEquals(res.status, 201);
    assertEquals(await tokenCount(), 1);
  });

  await t.step("PATCH, PUT and DELETE are checked too", async () => {
    const foreign = { origin: "https://evil.example" };
    const patch = await browser.call("/api/users/me", {
      method: "PATCH",
      json: { full_name: "Mallory" },
      headers: foreign,
    });
    const put = await browser.call("/api/profile/me", {
      method: "PUT",
      json: { position: "Owned" },
      headers: foreign,
    });
    const del = await browser.call("/api/users/me/sessions", {
      method: "DELETE",
      headers: foreign,
    });
    assertEquals([patch.status, put.status, del.status], [403, 403, 403]);
    const me = await (await browser.call("/api/users/me")).json();
    assertEquals(me.full_name, "Test Person");
  });

  await t.step("GET needs no Origin", async () => {
    assertEquals((await browser.call("/api/users/me")).status, 200);
  });

  await t.step("a sign-in posted from another site is refused", async () => {
    const res = await createTestClient(app).call("/api/auth/login", {
      method: "POST",
      json: { email: "ada@example.com", password: PASSWORD },
      headers: { origin: "https://evil.example" },
    });
    assertEquals(res.status, 403);
    assertEquals(res.headers.getSetCookie(), []);
  });
});

Deno.test("csrf - Bearer requests are exempt (a cross-site page cannot send them)", async () => {
  await using deps = await createTestDeps();
  const app = await createTestApp(deps);
  const browser = createTestClient(app);
  await registerAccount(browser, "ada@example.com");
  const { token } = await (await browser.call("/api/users/me/tokens", {
    method: "POST",
    json: { name: "script" },
  })).json();
  const script = createTestClient(app);
  const bearer = { authorization: `Bearer ${token}` };
  const put = await script.call("/api/profile/me", {
    method: "PUT",
    json: { position: "Scripted" },
    headers: bearer,
    noOrigin: true,
  });
  assertEquals(put.status, 200);
  const patched = await script.call("/api/users/me", {
    method: "PATCH",
    json: { full_name: "Scripted" },
    headers: bearer,
    noOrigin: true,
  });
  assertEquals(patched.status, 200);
  assertEquals((await patched.json()).full_name, "Scripted");
  const invalid = await script.call("/api/users/me", {
    method: "PATCH",
    json: { full_name: "Nope" },
    headers: { authorization: "Bearer dv_not-a-real-token" },
    noOrigin: true,
  });
  assertEquals(invalid.status, 401, "exempt from CSRF, not from authentication");
});
