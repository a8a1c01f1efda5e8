/**
 * Groups, sharing and administration in Chromium (issue #6 point 7): an administrator
 * creates a group and adds its members through the admin pages; the owner shares a
 * document with the group; a member finds it under "Shared with me" and downloads it; the
 * owner revokes and the member loses it. Screenshots of the admin pages at 1440×900 and
 * 390×844, light and dark, go to artifacts/.
 */
import { Buffer } from "node:buffer";
import type { Browser, Page } from "playwright-core";
import { assert, assertEquals } from "../lib/shared/assert.ts";
import { makePdf } from "../lib/documents/testing/make_pdf.ts";
import {
  contrastProblems,
  launchBrowser,
  screenshotAllModes,
  skipReason,
  startServer,
  VIEWPORTS,
  watchForErrors,
  withFailureScreenshot,
} from "./browser.ts";

const PASSWORD = "Analytical-Engine-1843";

async function register(url: string, email: string, fullName: string): Promise<void> {
  const response = await fetch(`${url}/api/auth/register`, {
    method: "POST",
    headers: { origin: url, "content-type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD, full_name: fullName }),
  });
  assertEquals(response.status, 201, await response.text());
}

/** A signed-in page of its own (separate cookies), at the desktop size. */
async function signedIn(browser: Browser, url: string, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${url}/login`);
  await page.fill("#field-email", email);
  await page.fill("#field-password", PASSWORD);
  await page.locator("main form button[type=submit]").first().click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  return page;
}

const row = (page: Page, title: string | RegExp) =>
  page.locator(".doc-row").filter({ has: page.locator(".doc-row__title", { hasText: title }) });

Deno.test({
  name: `e2e - administration: group, share with it, shared with me, revoke${
    skipReason ? ` (skipped: ${skipReason})` : ""
  }`,
  ignore: skipReason !== null,
  async fn() {
    await using server = await startServer({}, { worker: true });
    const { url, deps } = server;
    await register(url, "root@example.com", "Root Admin");
    await register(url, "olivia@example.com", "Olivia Owner");
    await register(url, "max@example.com", "Max Member");
    await deps.db.updateTable("users").set({ role: "admin" })
      .where("email", "=", "root@example.com").execute();
    const browser = await launchBrowser();
    try {
      const admin = await signedIn(browser, url, "root@example.com");
      const owner = await signedIn(browser, url, "olivia@example.com");
      const member = await signedIn(browser, url, "max@example.com");
      const problems = [admin, owner, member].flatMap((page) => watchForErrors(page));

      await withFailureScreenshot(admin, "administration-admin", async () => {
        // The administrator creates a group and adds the two of them.
        await admin.goto(`${url}/documents`);
        await admin.getByRole("link", { name: "Admin" }).click();
        await admin.getByRole("heading", { name: "Service health" }).waitFor();
        await admin.getByRole("navigation", { name: "Administration" })
          .getByRole("link", { name: "Groups" }).click();
        await admin.getByRole("heading", { name: "Groups", level: 1 }).waitFor();
        await admin.fill("#field-name", "Family");
        await admin.fill("#field-description", "Household papers");
        await admin.getByRole("button", { name: "Create group" }).click();
        await admin.getByRole("heading", { name: "Family", level: 1 }).waitFor();
        for (const email of ["olivia@example.com", "max@example.com"]) {
          await admin.fill("#field-email", email);
          await admin.getByRole("button", { name: "Add member" }).click();
          await admin.getByRole("status").getByText("The member is added.").waitFor();
        }
        assertEquals(await admin.locator(".admin-table tbody tr").count(), 2);
        assertEquals(await contrastProblems(admin), []);
        await screenshotAllModes(admin, "admin-group");
        await admin.getByRole("link", { name: "← All groups" }).click();
        await admin.getByRole("link", { name: "Family" }).waitFor();
        await screenshotAllModes(admin, "admin-groups");
      });

      let documentId = "";
      await withFailureScreenshot(owner, "administration-owner", async () => {
        // The owner uploads a document and shares it with the group.
        await owner.goto(`${url}/documents`);
        await owner.waitForSelector("dv-island[data-hydrated] #upload-input", {
          state: "attached",
        });
        await owner.setInputFiles("#upload-input", {
          name: "family-insurance.pdf",
          mimeType: "application/pdf",
          buffer: Buffer.from(
            makePdf({ pages: ["Household insurance policy for the whole family"] }),
          ),
        });
        await owner.waitForSelector('.doc-row[data-status="ready"]', { timeout: 60_000 });
        documentId = (await deps.db.selectFrom("documents").select("id")
          .executeTakeFirstOrThrow()).id;
        await owner.locator(".doc-row").first().locator(".doc-row__title").click();
        const panel = owner.getByRole("dialog");
        await panel.locator(".doc-sharing summary").click();
        await panel.getByText("Only you can see this document.").waitFor();
        await panel.getByLabel("Share with").fill("Group: Family");
        await panel.getByRole("button", { name: "Share", exact: true }).click();
        await panel.getByRole("button", { name: /Revoke access of (Group: )?Family/ }).waitFor();
        await owner.keyboard.press("Escape");
        await owner.reload();
        await owner.locator(".doc-row").first().getByText("Shared with 1").waitFor();
      });

      await withFailureScreenshot(member, "administration-member", async () => {
        // The member finds it under "Shared with me" and downloads it.
        await member.goto(`${url}/documents`);
        await member.getByRole("link", { name: /Shared with me/ }).click();
        await member.waitForURL(/view=shared/);
        const shared = row(member, /insurance/i);
        await shared.getByText("Shared with you").waitFor();
        await screenshotAllModes(member, "shared-with-me");
        await shared.locator(".doc-row__title").click();
        const panel = member.getByRole("dialog");
        const [download] = await Promise.all([
          member.waitForEvent("download"),
          panel.getByRole("link", { name: "Download" }).click(),
        ]);
        assertEquals(download.suggestedFilename(), "family-insurance.pdf");
        const bytes = await Deno.readFile(await download.path());
        assertEquals(new TextDecoder().decode(bytes.slice(0, 5)), "%PDF-");
        // A recipient may not delete, re-analyse or share it.
        assertEquals(await panel.getByRole("button", { name: /^delete/i }).count(), 0);
        assertEquals(await panel.locator(".doc-sharing").count(), 0);
      });

      await withFailureScreenshot(owner, "administration-revoke", async () => {
        // The owner revokes: the member loses it at once.
        await owner.locator(".doc-row").first().locator(".doc-row__title").click();
        const panel = owner.getByRole("dialog");
        await panel.locator(".doc-sharing summary").click();
        await panel.getByRole("button", { name: /Revoke access of (Group: )?Family/ }).click();
        await panel.getByText("Only you can see this document.").waitFor();
      });
      await withFailureScreenshot(member, "administration-lost", async () => {
        await member.goto(`${url}/documents?view=shared`);
        await member.getByText("Nothing is shared with you").waitFor();
        const gone = await member.goto(`${url}/documents/${documentId}`);
        assertEquals(gone?.status(), 404);
        const download = await member.request.get(`${url}/api/documents/${documentId}/download`, {
          maxRedirects: 0,
        });
        assertEquals(download.status(), 404);
      });

      await withFailureScreenshot(admin, "administration-pages", async () => {
        // Every administration page, looked at in both modes and sizes, with readable text.
        const sections = [
          "Health",
          "Users",
          "Groups",
          "Audit log",
          "Settings",
          "Appearance",
          "Apps",
        ];
        for (const section of sections) {
          await admin.getByRole("navigation", { name: "Administration" })
            .getByRole("link", { name: section }).click();
          await admin.waitForLoadState("load");
          assertEquals(await admin.locator("main h1").count(), 1, section);
          for (const scheme of ["light", "dark"] as const) {
            await admin.emulateMedia({ colorScheme: scheme });
            assertEquals(await contrastProblems(admin), [], `${section}, ${scheme}`);
          }
          await admin.emulateMedia({ colorScheme: "light" });
          await screenshotAllModes(admin, `admin-${section.toLowerCase().replace(" ", "-")}`);
        }
        // One user's page, and the theme editor with its live preview.
        await admin.goto(`${url}/admin/users`);
        await admin.getByRole("link", { name: "Max Member" }).click();
        await admin.getByRole("heading", { name: "Max Member", level: 1 }).waitFor();
        await screenshotAllModes(admin, "admin-user");
        await admin.goto(`${url}/admin/appearance/themes/new`);
        await admin.waitForSelector("dv-island[data-hydrated]", { state: "attached" });
        await screenshotAllModes(admin, "admin-theme-editor");
      });

      await withFailureScreenshot(admin, "administration-theme", async () => {
        // The administrator picks another theme: everyone sees it on their next page.
        await admin.goto(`${url}/admin/appearance`);
        await admin.locator('input[name="active_theme"][value="forest"]').check();
        await admin.getByRole("button", { name: "Save" }).first().click();
        await admin.waitForURL(/notice=/);
        const forest = await deps.db.selectFrom("themes").select("tokens")
          .where("id", "=", "forest").executeTakeFirstOrThrow();
        const accent = (forest.tokens as { light: Record<string, string> }).light["color-accent"];
        for (const page of [owner, member, admin]) {
          await page.goto(`${url}/documents`);
          const shown = await page.evaluate(() =>
            getComputedStyle(document.documentElement).getPropertyValue("--color-accent").trim()
          );
          assertEquals(shown.toLowerCase(), accent.toLowerCase());
        }
        assertEquals(await contrastProblems(member), []);
        await screenshotAllModes(member, "documents-forest-theme");
      });

      // The member is not an administrator: no link, and 404 for the pages.
      assertEquals(await member.getByRole("link", { name: "Admin" }).count(), 0);
      assertEquals((await member.goto(`${url}/admin/groups`))?.status(), 404);
      assert(problems.length === 0, problems.join("\n"));
    } finally {
      await browser.close();
    }
  },
});
