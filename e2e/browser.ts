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
    // A page wider than the screen scrolls sideways and cuts off its right edge.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > viewport.width) {
      await screenshot(page, `FAILED-${name}-${size}`).catch(() => {});
      throw new Error(`${name} is ${width} px wide on a ${viewport.width} px ${size} screen`);
    }
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

/**
 * Text on the page whose contrast with its background is below WCAG AA (4.5:1, or 3:1
 * for large text), as "text: ratio (colour on background)". Backgrounds are composited
 * up the ancestors; text over images or gradients is not judged.
 */
export async function contrastProblems(page: Page): Promise<string[]> {
  // After a colour-scheme change, colours may still be fading (slowly, on a busy machine):
  // switching transitions off ends any that run, so what is read is what will stay.
  await page.evaluate(() => {
    for (const element of document.querySelectorAll<HTMLElement>("*")) {
      element.style.transition = "none";
    }
  });
  await page.waitForTimeout(50);
  return await page.evaluate(() => {
    type Rgba = [number, number, number, number];
    const probe = document.createElement("canvas").getContext("2d")!;
    function parse(color: string): Rgba {
      // The canvas normalises any CSS colour (color-mix, color(srgb …), …) to rgb(a) or hex.
      probe.fillStyle = "#000";
      probe.fillStyle = color;
      const value = String(probe.fillStyle);
      if (value.startsWith("#")) {
        const n = parseInt(value.slice(1), 16);
        return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 1];
      }
      const parts = value.match(/[\d.]+/g)!.map(Number);
      return [parts[0], parts[1], parts[2], parts[3] ?? 1];
    }
    const over = (top: Rgba, below: Rgba): Rgba => {
      const a = top[3] + below[3] * (1 - top[3]);
      if (a === 0) return [0, 0, 0, 0];
      const mix = (i: number) => (top[i] * top[3] + below[i] * below[3] * (1 - top[3])) / a;
      return [mix(0), mix(1), mix(2), a];
    };
    function background(element: Element | null): Rgba | null {
      const layers: Rgba[] = [];
      for (let e = element; e; e = e.parentElement) {
        const style = getComputedStyle(e);
        if (style.backgroundImage !== "none") return null;
        const color = parse(style.backgroundColor);
        if (color[3] > 0) layers.push(color);
        if (color[3] >= 1) break;
      }
      let result: Rgba = [255, 255, 255, 1];
      for (const layer of layers.reverse()) result = over(layer, result);
      return result;
    }
    const luminance = ([r, g, b]: Rgba) => {
      const c = [r, g, b].map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    };
    const problems: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || seen.has(element) || !node.textContent?.trim()) continue;
      seen.add(element);
      if (element.closest("[aria-hidden=true], .visually-hidden, option, [disabled]")) continue;
      // The inside of a closed <details> is not shown (and its style is not kept current).
      const details = element.closest("details:not([open])");
      if (details && !element.closest("summary")) continue;
      const rect = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (rect.width === 0 || style.visibility === "hidden" || Number(style.opacity) < 0.1) {
        continue;
      }
      const bg = background(element);
      if (!bg) continue;
      const fg = over(parse(style.color), bg);
      const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) {
        problems.push(
          `${node.textContent.trim().slice(0, 40)}: ${ratio.toFixed(2)} (${style.color} on ${`rgb(${
            bg.slice(0, 3).map(Math.round).join(" ")
          })`})`,
        );
      }
    }
    return problems;
  });
}

/** Cumulative layout shift of the page so far (not counting shifts right after input). */
export async function layoutShift(page: Page): Promise<number> {
  return await page.evaluate(() =>
    new Promise<number>((resolve) => {
      let total = 0;
      new PerformanceObserver((list) => {
        for (
          const entry of list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
          })[]
        ) {
          if (!entry.hadRecentInput) total += entry.value;
        }
      }).observe({ type: "layout-shift", buffered: true });
      setTimeout(() => resolve(total), 100);
    })
  );
}
