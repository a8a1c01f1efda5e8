/**
 * The documents workspace in Chromium (issue #5 point 10): upload by drag-and-drop and by
 * the picker with live progress, the slide-over editor, the category tree, tag chips,
 * search highlighting, bulk delete, URL state across reload/back/forward, the quota bar
 * and dark mode — with screenshots of every state at 1440×900 and 390×844.
 */
import { Buffer } from "node:buffer";
import type { Page } from "playwright-core";
import { createQuotasRepo } from "../lib/quotas/quotas_repo.ts";
import { assert, assertEquals, assertMatch } from "../lib/shared/assert.ts";
import { setSetting } from "../lib/settings/settings_service.ts";
import { testEnv } from "../lib/app/testing.ts";
import {
  contrastProblems,
  launchBrowser,
  layoutShift,
  screenshot,
  screenshotAllModes,
  skipReason,
  startServer,
  VIEWPORTS,
  watchForErrors,
  withFailureScreenshot,
} from "./browser.ts";

const CORPUS = new URL("../../shared/corpus/", import.meta.url);
const FILES = {
  invoice: "invoice__invoice2data__01.pdf",
  contract: "contract__awsidp__01.pdf",
  statement: "bank_statement__awsidp__01.pdf",
};
const corpusReason = (() => {
  try {
    for (const name of Object.values(FILES)) Deno.statSync(new URL(name, CORPUS));
    return null;
  } catch {
    return "../shared/corpus/ is not there";
  }
})();
const ignoreReason = skipReason ?? corpusReason;

/** Drop real File objects on the page, as a drag from the desktop does. */
async function dropFiles(page: Page, files: { name: string; bytes: Uint8Array }[]) {
  await page.evaluate(async (list) => {
    const transfer = new DataTransfer();
    for (const file of list) {
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], file.name, { type: "application/pdf" }));
    }
    const fire = (type: string) =>
      document.body.dispatchEvent(
        new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }),
      );
    fire("dragenter");
    fire("dragover");
    // The overlay shows while files are dragged over the page.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    fire("drop");
  }, files.map((f) => ({ name: f.name, base64: Buffer.from(f.bytes).toString("base64") })));
}

/** The row of a document in the list, found by its title. */
const row = (page: Page, title: string | RegExp) =>
  page.locator(".doc-row").filter({ has: page.locator(".doc-row__title", { hasText: title }) });

Deno.test({
  name: `e2e - documents workspace: upload, edit, filter, search, bulk delete, URL state${
    ignoreReason ? ` (skipped: ${ignoreReason})` : ""
  }`,
  ignore: ignoreReason !== null,
  async fn() {
    await using server = await startServer({}, { worker: true });
    const { url, deps } = server;
    // Every suggestion waits for review, so there is one to accept.
    await setSetting(deps, "suggestions_mode", "review", null);
    // Someone to share with.
    const bob = await fetch(`${url}/api/auth/register`, {
      method: "POST",
      headers: { origin: url, "content-type": "application/json" },
      body: JSON.stringify({
        email: "bob@example.com",
        password: "Difference-Engine-1822",
        full_name: "Bob Babbage",
      }),
    });
    assertEquals(bob.status, 201);
    await bob.body?.cancel();
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
      const page = await context.newPage();
      const problems = watchForErrors(page);
      await withFailureScreenshot(page, "documents", async () => {
        await page.goto(url + "/register");
        await page.fill("#field-full_name", "Ada Lovelace");
        await page.fill("#field-email", "ada@example.com");
        await page.fill("#field-password", "Analytical-Engine-1843");
        await page.locator("main form button[type=submit]").first().click();
        await page.waitForLoadState("load");
        const userId = (await deps.db.selectFrom("users").select("id")
          .where("email", "=", "ada@example.com").executeTakeFirstOrThrow()).id;

        // An empty vault says what to do.
        await page.goto(url + "/documents");
        await page.getByText("Your vault is empty").waitFor();
        await page.waitForSelector("dv-island[data-hydrated] #upload-input", { state: "attached" });
        await screenshotAllModes(page, "documents-empty");

        // Two files dropped on the page, one chosen with the picker.
        const read = (name: string) => ({ name, bytes: Deno.readFileSync(new URL(name, CORPUS)) });
        const dropped = performance.now();
        await dropFiles(page, [read(FILES.invoice), read(FILES.contract)]);
        await page.setInputFiles("#upload-input", new URL(FILES.statement, CORPUS).pathname);
        // Each file has its own progress bar in the queue.
        const queue = page.getByRole("region", { name: /upload/i });
        await queue.waitFor();
        assertEquals(await queue.locator("progress").count() >= 1, true);
        await screenshotAllModes(page, "documents-uploading");
        // The list shows the new documents and their status live, until all are processed.
        await page.waitForFunction(
          () =>
            document.querySelectorAll(".doc-row").length === 3 &&
            [...document.querySelectorAll(".doc-row")].every((r) =>
              ["ready", "error"].includes((r as HTMLElement).dataset.status ?? "")
            ),
          undefined,
          { timeout: 60_000 },
        );
        const allReadyMs = performance.now() - dropped;
        await Deno.mkdir(testEnv.artifactsDir, { recursive: true });
        await Deno.writeTextFile(
          `${testEnv.artifactsDir}/documents-timings.json`,
          JSON.stringify({ drop_to_all_three_ready_ms: Math.round(allReadyMs) }, null, 2),
        );
        // The figure the issue asks to report, in the test's output too.
        // deno-lint-ignore no-console
        console.log(`drop → all three ready: ${Math.round(allReadyMs)} ms`);
        assertEquals(await page.locator('.doc-row[data-status="ready"]').count(), 3);
        await screenshotAllModes(page, "documents-uploaded");

        // A fresh load does not jump when the islands hydrate and the counts arrive; text
        // contrast is AA in both colour modes.
        await page.reload({ waitUntil: "networkidle" });
        await page.waitForFunction(() =>
          document.querySelectorAll("dv-island:not([data-hydrated])").length === 0
        );
        await page.waitForTimeout(500);
        const shift = await layoutShift(page);
        assert(shift < 0.01, `layout shift ${shift}`);
        for (const scheme of ["light", "dark"] as const) {
          await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
          assertEquals(await contrastProblems(page), [], `contrast in ${scheme} mode`);
        }
        // The check itself sees a planted pale-grey-on-white line.
        await page.evaluate(() => {
          const planted = Object.assign(document.createElement("p"), { id: "planted" });
          planted.textContent = "planted low contrast";
          Object.assign(planted.style, { color: "#bbb", background: "#fff" });
          document.querySelector("main")!.append(planted);
        });
        assert((await contrastProblems(page)).some((p) => p.startsWith("planted low contrast")));
        await page.evaluate(() => document.getElementById("planted")!.remove());
        await page.emulateMedia({ colorScheme: "light", reducedMotion: null });

        // The keyboard: ↓ moves through the list, x selects, Enter opens, Esc closes and
        // gives focus back to the row.
        const focusedIndex = () =>
          page.evaluate(() =>
            document.activeElement?.closest(".doc-row")?.getAttribute("data-index")
          );
        await page.locator(".doc-row__title").first().focus();
        await page.keyboard.press("ArrowDown");
        assertEquals(await focusedIndex(), "1");
        await page.keyboard.press("x");
        await page.locator('.doc-row[data-index="1"].is-selected').waitFor();
        await page.keyboard.press("x");
        await page.locator('.doc-row[data-index="1"]:not(.is-selected)').waitFor();
        await page.keyboard.press("Enter");
        await page.getByRole("dialog").waitFor();
        await page.keyboard.press("Escape");
        await page.getByRole("dialog").waitFor({ state: "detached" });
        // Focus goes back to the row once the dialog has gone (a frame later on a busy machine).
        await page.waitForFunction(() =>
          document.activeElement?.closest(".doc-row")?.getAttribute("data-index") === "1"
        );
        assertEquals(await focusedIndex(), "1");

        // The slide-over: open the contract; the URL names it.
        const contract = row(page, /mortgage|contract/i);
        const contractId = await contract.getAttribute("data-id");
        await contract.locator(".doc-row__title").click();
        const panel = page.getByRole("dialog");
        await panel.waitFor();
        assertEquals(new URL(page.url()).searchParams.get("open"), contractId);
        await screenshotAllModes(page, "documents-panel");
        for (const scheme of ["light", "dark"] as const) {
          await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
          assertEquals(await contrastProblems(page), [], `contrast of the panel in ${scheme} mode`);
        }
        await page.emulateMedia({ colorScheme: "light", reducedMotion: null });

        // Accept the suggestion.
        await panel.getByRole("button", { name: /^accept/i }).click();
        await panel.getByRole("button", { name: /^accept/i }).waitFor({ state: "detached" });

        // Add a tag, change the type.
        const tags = panel.getByRole("combobox", { name: /tags/i });
        await tags.fill("mortgage");
        await tags.press("Enter");
        await panel.getByRole("button", { name: /remove mortgage/i }).waitFor();
        await panel.getByLabel(/^type$/i).selectOption("letter");
        await panel.getByText(/saved/i).first().waitFor();
        // A new category, created from the combobox.
        const categories = panel.getByRole("combobox", { name: /categories/i });
        await categories.fill("Home loan");
        await page.getByRole("option", { name: /create/i }).click();
        await panel.getByRole("button", { name: /remove home loan/i }).waitFor();
        await screenshotAllModes(page, "documents-panel-edited");

        // Share it with Bob by his e-mail address.
        await panel.locator(".doc-sharing summary").click();
        await panel.getByText("Only you can see this document.").waitFor();
        await panel.getByLabel("Share with").fill("bob@example.com");
        await panel.getByRole("button", { name: "Share", exact: true }).click();
        await panel.getByRole("button", { name: /Revoke access of Bob Babbage/ }).waitFor();
        await screenshotAllModes(page, "documents-panel-shared");

        // Esc closes the panel and restores the URL.
        await page.keyboard.press("Escape");
        await panel.waitFor({ state: "detached" });
        assertEquals(new URL(page.url()).searchParams.get("open"), null);

        // The edits survive a reload.
        await page.reload();
        const edited = row(page, /mortgage|contract/i);
        await edited.getByText("#mortgage").waitFor();
        await edited.getByText("Home loan").waitFor();
        await edited.getByText("Shared with 1").waitFor();

        // Filter by the category in the tree…
        await page.locator(".source-panel").getByRole("link", { name: /home loan/i }).click();
        await page.waitForURL(/category=/);
        assertEquals(await page.locator(".doc-row").count(), 1);
        await page.getByText("Category: Home loan").waitFor();
        await screenshotAllModes(page, "documents-category");
        // …and by a tag, then remove the category chip: the tag chip stays.
        await page.locator(".source-panel").getByRole("link", { name: /#mortgage/ }).click();
        await page.waitForURL(/tag=/);
        await page.getByRole("link", { name: "Remove filter Category: Home loan" }).click();
        await page.waitForURL((u) => !u.searchParams.has("category"));
        await page.getByText("Tag: mortgage").waitFor();
        assertEquals(await page.locator(".doc-row").count(), 1);

        // Search a word from one document: it is highlighted in the snippet.
        await page.goto(url + "/documents");
        await page.fill("#documents-search", "borrower");
        await page.press("#documents-search", "Enter");
        await page.waitForURL(/q=borrower/);
        const mark = page.locator(".doc-row__snippet mark").first();
        await mark.waitFor();
        assertMatch((await mark.textContent())!.toLowerCase(), /borrower/);
        for (const scheme of ["light", "dark"] as const) {
          await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
          assertEquals(await contrastProblems(page), [], `contrast of results in ${scheme} mode`);
        }
        await page.emulateMedia({ colorScheme: "light", reducedMotion: null });
        await screenshotAllModes(page, "documents-search");

        // Back and forward restore exactly what was on screen.
        await page.goBack();
        await page.waitForURL((u) => !u.searchParams.has("q"));
        assertEquals(await page.locator(".doc-row").count(), 3);
        await page.goForward();
        await page.waitForURL(/q=borrower/);
        await page.locator(".doc-row__snippet mark").first().waitFor();

        // Select two (the second with shift: a range) and delete them in bulk.
        await page.goto(url + "/documents?sort=title");
        await page.waitForSelector("dv-island[data-hydrated] .doc-row");
        const checks = page.locator(".doc-row__check input");
        await checks.nth(0).click();
        await checks.nth(1).click({ modifiers: ["Shift"] });
        const bar = page.getByRole("region", { name: "Selected documents" });
        await bar.getByText("2 selected").waitFor();
        await screenshotAllModes(page, "documents-selected");
        // The bulk bar and the open account menu read well in both modes too.
        await page.locator(".user-menu__summary").click();
        for (const scheme of ["light", "dark"] as const) {
          await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
          assertEquals(await contrastProblems(page), [], `contrast with the bulk bar in ${scheme}`);
        }
        await page.emulateMedia({ colorScheme: "light", reducedMotion: null });
        await page.locator(".user-menu__summary").click();
        await bar.getByRole("button", { name: "Delete", exact: true }).click();
        await bar.getByRole("button", { name: "Delete 2 documents" }).click();
        await page.getByText("Deleted 2 documents.").waitFor();
        assertEquals(await page.locator(".doc-row").count(), 1);

        // Reload: the same state (one document, sorted by title) is back.
        await page.reload();
        assertEquals(await page.locator(".doc-row").count(), 1);
        assertEquals(new URL(page.url()).searchParams.get("sort"), "title");

        // The document's own page, as it reads without JavaScript.
        const lastId = await page.locator(".doc-row").first().getAttribute("data-id");
        const noScript = await browser.newContext({
          viewport: VIEWPORTS.desktop,
          javaScriptEnabled: false,
          storageState: await context.storageState(),
        });
        const plain = await noScript.newPage();
        await plain.goto(`${url}/documents/${lastId}`);
        await plain.getByRole("heading", { name: "Text" }).waitFor();
        assert(await plain.getByRole("link", { name: "Download" }).isVisible());
        // (Scripts are off: page.evaluate cannot run, so one shot per size, light mode.)
        await screenshot(plain, "documents-page-no-js-desktop");
        await plain.setViewportSize(VIEWPORTS.phone);
        await screenshot(plain, "documents-page-no-js-phone");
        await plain.goto(`${url}/documents?q=borrower`);
        await plain.locator(".doc-row__snippet mark").first().waitFor();
        await noScript.close();

        // The quota bar: amber from 80 %, red from 95 %.
        const quota = await createQuotasRepo(deps.db).ensure(userId, 0);
        const setLimit = (limit: number) =>
          deps.db.updateTable("quotas").set({ limit_bytes: Math.ceil(limit) })
            .where("user_id", "=", userId).execute();
        assertEquals(await page.locator(".quota").getAttribute("data-level"), "ok");
        await setLimit(quota.used_bytes / 0.85);
        await page.reload();
        assertEquals(await page.locator(".quota").getAttribute("data-level"), "warning");
        await screenshotAllModes(page, "documents-quota-warning");
        await setLimit(quota.used_bytes / 0.97);
        await page.reload();
        assertEquals(await page.locator(".quota").getAttribute("data-level"), "danger");
        await screenshotAllModes(page, "documents-quota-danger");

        // Dark mode, chosen in the sidebar, stays after a reload.
        await page.getByRole("button", { name: "Dark" }).click();
        await page.reload();
        assertEquals(await page.locator("html").getAttribute("data-color-mode"), "dark");

        // The phone layout: the source panel folds behind "Browse".
        await page.setViewportSize(VIEWPORTS.phone);
        assert(!(await page.locator(".source-panel").isVisible()));
        await page.getByText("Browse", { exact: true }).click();
        assert(await page.locator(".source-panel").isVisible());
        await screenshotAllModes(page, "documents-phone-browse");
      });
      assertEquals(problems, []);
    } finally {
      await browser.close();
    }
  },
});
