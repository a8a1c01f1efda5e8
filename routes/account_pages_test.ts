/** The account pages as plain HTML forms (no JavaScript), through the whole app. */
import { createMemoryLogger } from "../lib/app/logger.ts";
import { createTestApp, createTestClient, createTestDeps } from "../lib/app/testing.ts";
import { ensureFirstAdmin } from "../lib/auth/bootstrap_service.ts";
import { assert, assertEquals, assertStringIncludes } from "../lib/shared/assert.ts";

const PASSWORD = "Difference-Engine-1822";

Deno.test("pages - a signed-out visitor is sent to sign in and brought back", async () => {
  await using deps = await createTestDeps();
  const app = await createTestApp(deps);
  const browser = createTestClient(app);
  const profile = await browser.call("/profile?tab=1");
  assertEquals(profile.status, 303);
  assertEquals(profile.headers.get("location"), "/login?next=%2Fprofile%3Ftab%3D1");

  await browser.call("/register", {
    method: "POST",
    form: { full_name: "Charles Babbage", email: "charles@example.com", password: PASSWORD },
  });
  await browser.call("/logout", { method: "POST" });
  const signedIn = await browser.call("/login?next=%2Fprofile", {
    method: "POST",
    form: { email: "charles@example.com", password: PASSWORD },
  });
  assertEquals(signedIn.status, 303);
  assertEquals(signedIn.headers.get("location"), "/profile");
  const page = await browser.call("/profile");
  assertEquals(page.status, 200);
  assertEquals(page.headers.get("cache-control"), "private, no-store");
  assertStringIncludes(await page.text(), "charles@example.com");
});

Deno.test("pages - next= never leads to another site", async () => {
  await using deps = await createTestDeps();
  const app = await createTestApp(deps);
  const browser = createTestClient(app);
  for (
    const [i, evil] of ["//evil.example", "https://evil.example/", "/\\evil.example"].entries()
  ) {
    const res = await browser.call(`/register?next=${encodeURIComponent(evil)}`, {
      method: "POST",
      form: { full_name: "Eve", email: `eve${i}@example.com`, password: PASSWORD },
    });
    assertEquals(res.status, 303);
    assertEquals(res.headers.get("location"), "/", `next=${evil}`);
    await browser.call("/logout", { method: "POST" });
  }
});

Deno.test("pages - a form with errors comes back with messages by its fields, never the password", async () => {
  await using deps = await createTestDeps();
  const app = await createTestApp(deps);
  const browser = createTestClient(app);
  const res = await browser.call("/register", {
    method: "POST",
    form: { full_name: "Ada", email: "not-an-email", password: "weakpassword" },
  });
  assertEquals(res.status, 422);
  const html = await res.text();
  assertStringIncludes(html, "Enter a valid e-mail address.");
  assertStringIncludes(html, "Add an upper-case letter.");
  assertStringIncludes(html, 'value="not-an-email"', "what the user typed is kept");
  assertStringIncludes(html, 'aria-invalid="true"');
  assert(!html.includes("weakpassword"), "the password is not sent back");
});

Deno.test("pages - a wrong password shows the same generic message as an unknown e-mail", async () => {
  await using deps = await createTestDeps();
  const app = await createTestApp(deps);
  const browser = createTestClient(app);
  await browser.call("/register", {
    method: "POST",
    form: { full_name: "Ada", email: "ada@example.com", password: PASSWORD },
  });
  await browser.call("/logout", { method: "POST" });
  const wrong = await browser.call("/login", {
    method: "POST",
    form: { email: "ada@example.com", password: "Nope-nope-1!" },
  });
  const unknown = await browser.call("/login", {
    method: "POST",
    form: { email: "bob@example.com", password: "Nope-nope-1!" },
  });
  assertEquals(wrong.status, 401);
  assertEquals(unknown.status, 401);
  const message = "The e-mail address or password is not right.";
  assertStringIncludes(await wrong.text(), message);
  assertStringIncludes(await unknown.text(), message);
});

Deno.test("pages - closed registration hides the page and the link", async () => {
  await using deps = await createTestDeps({ env: { REGISTRATION: "closed" } });
  const app = await createTestApp(deps);
  const browser = createTestClient(app);
  assertEquals((await browser.call("/register")).status, 404);
  const post = await browser.call("/register", {
    method: "POST",
    form: { full_name: "Eve", email: "eve@example.com", password: PASSWORD },
  });
  assertEquals(post.status, 404);
  const home = await (await browser.call("/")).text();
  assert(!home.includes('href="/register"'), "no link to a closed page");
});

Deno.test("pages - /setup creates the first admin only with the token from the log", async () => {
  const logger = createMemoryLogger("info");
  await using deps = await createTestDeps({ logger });
  const app = await createTestApp(deps);
  await ensureFirstAdmin(deps);
  const line = logger.lines.find((l) => String(l.msg).startsWith("No administrator yet"));
  const token = /token to create one: (\S+)$/.exec(String(line?.msg))?.[1];
  assert(token, "the setup token is in the log");

  const browser = createTestClient(app);
  assertEquals((await browser.call("/setup")).status, 200);
  const form = { full_name: "Root", email: "root@example.com", password: PASSWORD };
  const wrong = await browser.call("/setup", {
    method: "POST",
    form: { ...form, setup_token: "guess" },
  });
  assertEquals(wrong.status, 401);
  const right = await browser.call("/setup", {
    method: "POST",
    form: { ...form, setup_token: token },
  });
  assertEquals(right.status, 303);
  assertEquals(right.headers.get("location"), "/profile");
  const me = await (await browser.call("/api/users/me")).json();
  assertEquals(me.role, "admin");
  assertEquals((await browser.call("/setup")).status, 404, "setup is gone once there is an admin");
});

Deno.test("pages - the two-step sign-in works as plain forms", async () => {
  await using deps = await createTestDeps();
  const app = await createTestApp(deps);
  const browser = createTestClient(app);
  await browser.call("/api/auth/register", {
    method: "POST",
    json: { full_name: "Ada", email: "ada@example.com", password: PASSWORD },
  });
  const setup = await (await browser.call("/api/users/me/2fa/setup", {
    method: "POST",
    json: { password: PASSWORD },
  })).json();
  const { currentTotp } = await import("../lib/auth/totp.ts");
  const enabled = await browser.call("/api/users/me/2fa/enable", {
    method: "POST",
    json: { code: currentTotp(setup.secret, new Date()) },
  });
  const { backup_codes } = await enabled.json();
  await browser.call("/logout", { method: "POST" });

  const first = await browser.call("/login", {
    method: "POST",
    form: { email: "ada@example.com", password: PASSWORD },
  });
  assertEquals(first.status, 200);
  const html = await first.text();
  const mfaToken = /name="mfa_token" value="([^"]+)"/.exec(html)?.[1];
  assert(mfaToken, "the second step carries its token in the form");
  assertStringIncludes(html, "Use a backup code");

  const wrong = await browser.call("/login/2fa", {
    method: "POST",
    form: { mfa_token: mfaToken, code: "000000" },
  });
  assertEquals(wrong.status, 401);
  assertStringIncludes(await wrong.text(), 'name="mfa_token"', "the step is shown again");
  const ok = await browser.call("/login/2fa", {
    method: "POST",
    form: { mfa_token: mfaToken, code: "", backup_code: backup_codes[0].toLowerCase() },
  });
  assertEquals(ok.status, 303);
  assertEquals((await browser.call("/api/users/me")).status, 200);
});
