import { assert, assertEquals } from "../lib/shared/assert.ts";
import {
  launchBrowser,
  screenshot,
  skipReason,
  startServer,
  VIEWPORTS,
  watchForErrors,
  withFailureScreenshot,
} from "./browser.ts";

const DARK_BG = "rgb(15, 18, 23)";
const LIGHT_BG = "rgb(245, 246, 248)";

Deno.test({
  name: `e2e - the colour-mode switch hydrates, applies at once and is remembered${
    skipReason ? ` (skipped: ${skipReason})` : ""
  }`,
  ignore: skipReason !== null,
  async fn() {
    await using server = await startServer();
    const browser = await launchBrowser();
    try {
      for (const [size, viewport] of Object.entries(VIEWPORTS)) {
        const context = await browser.newContext({ viewport, colorScheme: "light" });
        const page = await context.newPage();
        const problems = watchForErrors(page);
        await withFailureScreenshot(page, `color-mode-${size}`, async () => {
          await page.goto(server.url + "/");
          await page.waitForSelector("dv-island[data-island=ColorModeSwitch][data-hydrated=true]");
          const html = page.locator("html");
          assertEquals(await html.getAttribute("data-color-mode"), "system");
          const background = () =>
            page.evaluate(() => getComputedStyle(document.body).backgroundColor);
          assertEquals(await background(), LIGHT_BG, "system mode follows the (light) device");
          await screenshot(page, `home-light-${size}`);

          const dark = page.getByRole("button", { name: "Dark" });
          const saved = page.waitForResponse((r) => r.url().endsWith("/api/preferences"));
          await dark.click();
          assertEquals(await html.getAttribute("data-color-mode"), "dark");
          assertEquals(await dark.getAttribute("aria-pressed"), "true");
          await page.waitForFunction(
            (bg) => getComputedStyle(document.body).backgroundColor === bg,
            DARK_BG,
          );
          await screenshot(page, `home-dark-${size}`);

          // Remembered: the server renders the page dark after a reload.
          assertEquals((await saved).status(), 200);
          await page.reload();
          assertEquals(await html.getAttribute("data-color-mode"), "dark");
          assertEquals(await background(), DARK_BG);
          assertEquals(
            await page.getByRole("button", { name: "Dark" }).getAttribute("aria-pressed"),
            "true",
          );

          await page.getByRole("button", { name: "Auto" }).click();
          assertEquals(await html.getAttribute("data-color-mode"), "system");
          await page.waitForFunction(
            (bg) => getComputedStyle(document.body).backgroundColor === bg,
            LIGHT_BG,
          );
        });
        assertEquals(problems, [], "no script errors or CSP violations");
        await context.close();
      }
    } finally {
      await browser.close();
    }
  },
});

Deno.test({
  name: `e2e - without JavaScript the switch still works as a form${
    skipReason ? ` (skipped: ${skipReason})` : ""
  }`,
  ignore: skipReason !== null,
  async fn() {
    await using server = await startServer();
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({
        javaScriptEnabled: false,
        viewport: VIEWPORTS.desktop,
      });
      const page = await context.newPage();
      await withFailureScreenshot(page, "color-mode-nojs", async () => {
        await page.goto(server.url + "/");
        await page.getByRole("button", { name: "Dark" }).click();
        await page.waitForURL(server.url + "/");
        assertEquals(await page.locator("html").getAttribute("data-color-mode"), "dark");
        const pressed = await page.getByRole("button", { name: "Dark" }).getAttribute(
          "aria-pressed",
        );
        assertEquals(pressed, "true");
        await screenshot(page, "home-dark-nojs-desktop");
      });
      await context.close();
    } finally {
      await browser.close();
    }
  },
});

Deno.test({
  name: `e2e - an unknown page shows the styled 404 page${
    skipReason ? ` (skipped: ${skipReason})` : ""
  }`,
  ignore: skipReason !== null,
  async fn() {
    await using server = await startServer();
    const browser = await launchBrowser();
    try {
      for (const [size, viewport] of Object.entries(VIEWPORTS)) {
        const page = await browser.newPage({ viewport });
        const response = await page.goto(server.url + "/no/such/page");
        assertEquals(response?.status(), 404);
        assert(await page.getByRole("heading", { name: "Page not found" }).isVisible());
        await screenshot(page, `not-found-${size}`);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  },
});
