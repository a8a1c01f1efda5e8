import { ensureFirstAdmin } from "../lib/auth/bootstrap_service.ts";
import { createMemoryLogger } from "../lib/app/logger.ts";
import { assertEquals } from "../lib/shared/assert.ts";
import {
  launchBrowser,
  screenshotAllModes,
  skipReason,
  startServer,
  VIEWPORTS,
  watchForErrors,
  withFailureScreenshot,
} from "./browser.ts";

Deno.test({
  name: `e2e - first-run setup with the token from the log${
    skipReason ? ` (skipped: ${skipReason})` : ""
  }`,
  ignore: skipReason !== null,
  async fn() {
    await using server = await startServer();
    const logger = createMemoryLogger("info");
    await ensureFirstAdmin({ ...server.deps, logger });
    const token = /token to create one: (\S+)$/.exec(
      String(logger.lines.find((l) => String(l.msg).startsWith("No administrator yet"))?.msg),
    )![1];
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
      const problems = watchForErrors(page);
      await withFailureScreenshot(page, "setup", async () => {
        await page.goto(server.url + "/setup");
        await screenshotAllModes(page, "setup");
        await page.fill("#field-setup_token", token);
        await page.fill("#field-full_name", "Root Admin");
        await page.fill("#field-email", "root@example.com");
        await page.fill("#field-password", "Vault-Keeper-2026!");
        await page.locator('main form[action="/setup"] button[type=submit]').click();
        await page.waitForURL("**/profile");
        const me = await page.evaluate(() => fetch("/api/users/me").then((r) => r.json()));
        assertEquals(me.role, "admin");
        const again = await page.goto(server.url + "/setup");
        assertEquals(again?.status(), 404, "setup is gone once there is an admin");
      });
      assertEquals(problems.filter((p) => !p.includes("404")), []);
    } finally {
      await browser.close();
    }
  },
});
