import type { Page } from "playwright-core";
import { currentTotp } from "../lib/auth/totp.ts";
import { assert, assertEquals, assertMatch } from "../lib/shared/assert.ts";
import {
  launchBrowser,
  screenshotAllModes,
  skipReason,
  startServer,
  VIEWPORTS,
  watchForErrors,
  withFailureScreenshot,
} from "./browser.ts";

const EMAIL = "grace@example.com";
const PASSWORD = "Cobol-Compiler-1959";
const NEW_PASSWORD = "Harvard-Mark-II-1947";

async function submit(page: Page, formAction: string) {
  await page.locator(`main form[action^="${formAction}"] button[type=submit]`).first().click();
  await page.waitForLoadState("load");
}

async function signIn(page: Page, url: string, password: string) {
  await page.goto(url + "/login");
  await page.fill("#field-email", EMAIL);
  await page.fill("#field-password", password);
  await submit(page, "/login");
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("**/login?notice=signed_out");
}

Deno.test({
  name: `e2e - accounts: register, 2FA, backup code, password change, sessions${
    skipReason ? ` (skipped: ${skipReason})` : ""
  }`,
  ignore: skipReason !== null,
  async fn() {
    await using server = await startServer();
    const url = server.url;
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
      const page = await context.newPage();
      const problems = watchForErrors(page);
      await withFailureScreenshot(page, "accounts", async () => {
        // A page that needs an account sends the visitor to sign in, and back after.
        await page.goto(url + "/profile");
        await page.waitForURL("**/login?next=%2Fprofile");
        await screenshotAllModes(page, "login");

        // Register, with the live password checklist.
        await page.goto(url + "/register");
        await page.fill("#field-password", "short");
        await page.waitForSelector("[data-rule=lower].is-met");
        assertEquals(await page.locator("[data-rule=length].is-met").count(), 0);
        await screenshotAllModes(page, "register");
        await page.fill("#field-full_name", "Grace Hopper");
        await page.fill("#field-email", EMAIL);
        await page.fill("#field-password", PASSWORD);
        assertEquals(await page.locator(".password-rules li.is-met").count(), 6);
        await submit(page, "/register");
        assertEquals(new URL(page.url()).pathname, "/");
        assert(await page.getByRole("link", { name: /Grace Hopper/ }).isVisible());
        await screenshotAllModes(page, "home-signed-in");

        await signOut(page);
        await signIn(page, url, PASSWORD);
        await page.goto(url + "/profile");
        await screenshotAllModes(page, "profile");

        // Enable 2FA (the password first): read the key from the page and compute codes
        // like an authenticator app.
        await page.locator("#two-factor #field-password").fill(PASSWORD);
        await submit(page, "/profile/2fa/setup");
        await page.waitForURL("**/profile/2fa");
        await page.waitForSelector("img.qr");
        await screenshotAllModes(page, "twofa-setup");
        const secret = (await page.textContent("[data-testid=totp-secret]"))!.replace(/\s/g, "");
        assertMatch(secret, /^[A-Z2-7]{32}$/);
        await page.fill("#field-code", currentTotp(secret, new Date()));
        await submit(page, "/profile/2fa/enable");
        const codes = await page.locator("[data-testid=backup-codes] code").allTextContents();
        assertEquals(codes.length, 10);
        await screenshotAllModes(page, "backup-codes");

        // Sign in with TOTP. The code used to enable is spent; the next step's is valid.
        await signOut(page);
        await signIn(page, url, PASSWORD);
        await page.waitForSelector("text=Two-factor authentication");
        await screenshotAllModes(page, "login-2fa");
        await page.fill("#field-code", currentTotp(secret, new Date(Date.now() + 30_000)));
        await submit(page, "/login/2fa");
        assertEquals(new URL(page.url()).pathname, "/");

        // Sign in with a backup code instead.
        await signOut(page);
        await signIn(page, url, PASSWORD);
        await page.getByText("Use a backup code").click();
        await page.fill("#field-backup_code", codes[0]);
        await submit(page, "/login/2fa");
        assertEquals(new URL(page.url()).pathname, "/");
        await page.goto(url + "/profile#two-factor");
        assertMatch((await page.textContent("[data-testid=backup-codes-left]"))!, /9\s*of 10/);

        // A second device signs in too.
        const phone = await browser.newContext({
          viewport: VIEWPORTS.phone,
          userAgent:
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1",
        });
        const phonePage = await phone.newPage();
        await signIn(phonePage, url, PASSWORD);
        await phonePage.getByText("Use a backup code").click();
        await phonePage.fill("#field-backup_code", codes[1]);
        await submit(phonePage, "/login/2fa");
        await phonePage.goto(url + "/profile");
        assertEquals(new URL(phonePage.url()).pathname, "/profile");

        // Change the password: the other device is signed out at once.
        await page.goto(url + "/profile#password");
        await page.fill("#field-current_password", PASSWORD);
        await page.fill("#field-new_password", NEW_PASSWORD);
        await submit(page, "/profile/password");
        assert(await page.getByText("Your password is changed").isVisible());
        await phonePage.goto(url + "/profile");
        await phonePage.waitForURL("**/login?next=%2Fprofile");

        // The phone signs in again with the new password; then we revoke it from here.
        await signIn(phonePage, url, NEW_PASSWORD);
        await phonePage.getByText("Use a backup code").click();
        await phonePage.fill("#field-backup_code", codes[2]);
        await submit(phonePage, "/login/2fa");
        await page.goto(url + "/profile#sessions");
        const otherDevice = page.getByRole("button", { name: "Sign out Safari on iOS" });
        assert(await otherDevice.isVisible(), "the phone is listed as Safari on iOS");
        await screenshotAllModes(page, "profile-two-sessions");
        await otherDevice.click();
        await page.waitForURL("**/profile?notice=session_revoked#sessions");
        assertEquals(await page.getByRole("button", { name: "Sign out Safari on iOS" }).count(), 0);
        await phonePage.goto(url + "/profile");
        await phonePage.waitForURL("**/login?next=%2Fprofile");
        await phone.close();

        // API token: created, shown once, listed by prefix.
        await page.goto(url + "/profile#tokens");
        await page.fill("#field-name", "Nightly backup");
        await submit(page, "/profile/tokens");
        const token = await page.textContent("[data-testid=new-token]");
        assertMatch(token!, /^dv_[A-Za-z0-9_-]{43}$/);
        await screenshotAllModes(page, "new-token");
        const me = await fetch(url + "/api/users/me", {
          headers: { authorization: `Bearer ${token}` },
        });
        assertEquals((await me.json()).email, EMAIL);
        await page.goto(url + "/profile#tokens");
        assert(await page.getByText(token!.slice(0, 10)).isVisible());
        assertEquals(await page.getByText(token!).count(), 0, "the token is not shown again");
      });
      assertEquals(problems, [], "no script errors or CSP violations");
      await context.close();
    } finally {
      await browser.close();
    }
  },
});
