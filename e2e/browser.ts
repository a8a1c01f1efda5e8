/**
 * Browser-test harness: Debian's Chromium driven by playwright-core (never a downloaded
 * browser), and the real app served on loopback from an in-process test setup.
 * Screenshots go to $TEST_ARTIFACTS_DIR (default ./artifacts).
 */
import { type Browser, chromium, type Page } from "playwright-core";
import { freePort } from "../lib/app/test_services.ts";
import { createTestApp, createTestDeps, type TestDeps, testEnv } from "../lib/app/testing.ts";
import { runWorker } from "../workers/run.ts";

export const chromiumPath = testEnv.chromiumPath;
export const skipReason = chromiumPath
  ? null
  : "no Chromium: set TEST_CHROMIUM_PATH or run `deno task test`";

export async function launchBrowser(): Promise<Browser> {
  return await chromium.launch({
    executablePath: chromiumPath,
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
  });
}

export interface TestServer extends AsyncDisposable {
  url: string;
  deps: TestDeps;
}

/**
 * The whole app on a loopback port, with PUBLIC_URL matching it; with `worker`, also the
 * queue worker that processes uploads, as the embedded default runs it.
 */
export async function startServer(
  env: Record<string, string> = {},
  options: { worker?: boolean } = {},
): Promise<TestServer> {
  const port = freePort();
  const url = `http://127.0.0.1:${port}`;
  const deps = await createTestDeps({ env: { PUBLIC_URL: url, ...env }, storage: "fs" });
  const app = await createTestApp(deps);
  const worker = options.worker ? await runWorker(deps) : null;
  const server = Deno.serve({ hostname: "127.0.0.1", port, onListen: () => {} }, app.fetch);
  return {
    url,
    deps,
    async [Symbol.asyncDispose]() {
      await server.shutdown();
      await worker?.[Symbol.asyncDispose]();
      await deps.close();
    },
  };
}

export const VIEWPORTS = {
  desktop: { width: 1440, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

export async function screenshot(page: Page, name: string): Promise<void> {
  await Deno.mkdir(testEnv.artifactsDir, { recursive: true });
  await page.screenshot({ path: `${testEnv.artifactsDir}/${name}.png`, fullPage: true });
}

/** Collect what a user would see go wrong: page errors and console errors (CSP included). */
export function watchForErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  return problems;
}

/**
 * Screenshot the page as it is in every combination the issue asks to look at: light and
 * dark, desktop and phone. The page is not reloaded (one-time pages stay as they are).
 */
export async function screenshotAllModes(page: Page, name: string): Promise<void> {
  const original = page.viewportSize();
  // A full-page shot of a scrolled page draws the sticky header mid-page.
  await page.evaluate(() => globalThis.scrollTo(0, 0));
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    for (const scheme of ["light", "dark"] as const) {
      // Reduced motion turns the colour transitions off: no half-faded screenshots.
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
      // Even a 0.01 ms transition shows its first frame: let two frames pass.
      await page.evaluate(() =>
        new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
      );
      await screenshot(page, `${name}-${scheme}-${size}`);
    }
  }
  await page.emulateMedia({ colorScheme: "light", reducedMotion: null });
  if (original) await page.setViewportSize(original);
}

/** Run `fn`; on failure, screenshot the page before rethrowing. */
export async function withFailureScreenshot(page: Page, name: string, fn: () => Promise<void>) {
  try {
    await fn();
  } catch (error) {
    await screenshot(page, `FAILED-${name}`).catch(() => {});
    throw error;
  }
}
