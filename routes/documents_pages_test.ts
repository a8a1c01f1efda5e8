/**
 * The documents workspace as plain HTML (issue #5 point 8: reading works without
 * JavaScript): the listing the URL asks for, filters as links, chips that remove them,
 * the no-JavaScript document page, and nobody else's documents.
 */
import { createCategoriesRepo } from "../lib/categories/categories_repo.ts";
import { createDocumentsFixture, seedDocuments } from "../lib/documents/documents_testing.ts";
import { assert, assertEquals, assertStringIncludes } from "../lib/shared/assert.ts";
import { createTagsRepo } from "../lib/tags/tags_repo.ts";

/** The text of the page without tags (what a reader sees), for plain assertions. */
async function pageText(response: Response): Promise<string> {
  assertEquals(response.status, 200);
  return (await response.text()).replace(/<script[\s\S]*?<\/script>/g, "");
}

const decode = (html: string) => html.replaceAll("&amp;", "&").replaceAll("&quot;", '"');

Deno.test("documents pages - the workspace lists, filters and searches from the URL", async (t) => {
  await using f = await createDocumentsFixture();
  const { deps, alice } = f;
  const finance = await createCategoriesRepo(deps.db).create({
    userId: alice.userId,
    parentId: null,
    name: "Finance",
  });
  const urgent = await createTagsRepo(deps.db).findOrCreate(alice.userId, "urgent");
  const [invoice, lease] = await seedDocuments(deps.db, [
    {
      userId: alice.userId,
      title: "Electricity invoice March",
      text: "Your electricity invoice for March. Amount due: 84.20 EUR.",
      documentType: "invoice",
      documentDate: "2025-03-05",
      categoryIds: [finance.id],
      tagIds: [urgent.id],
      createdAt: new Date("2026-01-02T10:00:00Z"),
    },
    {
      userId: alice.userId,
      title: "Flat lease",
      text: "This tenancy agreement is made between the landlord and the tenant.",
      documentType: "contract",
      createdAt: new Date("2026-01-03T10:00:00Z"),
    },
  ]);
  const bob = await f.signUp("bob@example.com");
  const [bobs] = await seedDocuments(deps.db, [{ userId: bob.userId, title: "Bob's payslip" }]);

  await t.step("signed out: sent to sign in, and back", async () => {
    const response = await f.app.fetch(new Request("http://localhost:8000/documents?view=recent"));
    assertEquals(response.status, 303);
    assertEquals(response.headers.get("location"), "/login?next=%2Fdocuments%3Fview%3Drecent");
  });

  await t.step("all documents: rows, newest first, with labels and the quota", async () => {
    const html = await pageText(await alice.client.call("/documents"));
    assert(html.indexOf("Flat lease") < html.indexOf("Electricity invoice March"));
    assertStringIncludes(html, "All documents");
    assertStringIncludes(html, ">Finance<");
    assertStringIncludes(html, "#urgent");
    assertStringIncludes(html, "5 Mar 2025");
    assertStringIncludes(html, "of 100 MiB used");
    assert(!html.includes("Bob&#39;s payslip") && !html.includes("Bob's payslip"));
    // Every row links to its own page, which works without JavaScript.
    assertStringIncludes(html, `href="/documents/${invoice}"`);
  });

  await t.step("a category filter: the chip says which, and its link removes it", async () => {
    const html = decode(
      await pageText(await alice.client.call(`/documents?category=${finance.id}`)),
    );
    assertStringIncludes(html, "Category: Finance");
    assertStringIncludes(html, 'aria-label="Remove filter Category: Finance"');
    assert(html.includes("Electricity invoice March") && !html.includes("Flat lease"));
    // The tree links to the category, keeping nothing else.
    assertStringIncludes(html, `href="/documents?category=${finance.id}"`);
  });

  await t.step("search: the word is highlighted and the sort menu offers best match", async () => {
    const html = await pageText(await alice.client.call("/documents?q=tenancy"));
    assertStringIncludes(html, "Results for “tenancy”");
    assertStringIncludes(html, "<mark>tenancy</mark>");
    assertStringIncludes(html, "Best match");
    assert(!html.includes("Electricity invoice March"));
  });

  await t.step(
    "a tag and a type together, then nothing matches: a way out is offered",
    async () => {
      const html = await pageText(
        await alice.client.call(`/documents?tag=${urgent.id}&type=contract`),
      );
      assertStringIncludes(html, "No documents match");
      assertStringIncludes(html, "Tag: urgent");
      assertStringIncludes(html, "Type: Contract");
      assertStringIncludes(html, "Clear all");
    },
  );

  await t.step(
    "a broken link: the bad part is ignored and said so, never an error page",
    async () => {
      const html = await pageText(
        await alice.client.call("/documents?type=NOT%20A%20TYPE&sort=sideways&cursor=garbage"),
      );
      assertStringIncludes(html, "Part of this link was not understood");
      assertStringIncludes(html, "Flat lease");
    },
  );

  await t.step("a later page by cursor link, without JavaScript", async () => {
    const first = decode(await pageText(await alice.client.call("/documents?sort=title")));
    // Two documents fit on one page: no "Load more".
    assert(!first.includes("Load more"));
    const more = await seedDocuments(
      deps.db,
      Array.from({ length: 55 }, (_, i) => ({ userId: alice.userId, title: `Receipt ${i}` })),
    );
    assertEquals(more.length, 55);
    const page1 = decode(await pageText(await alice.client.call("/documents")));
    const next = /href="(\/documents\?cursor=[^"]+)"/.exec(page1)?.[1];
    assert(next, "a Load more link");
    const page2 = await pageText(await alice.client.call(next));
    assertStringIncludes(page2, "Back to the first page");
    assertStringIncludes(page2, "Electricity invoice March");
  });

  await t.step("the document page shows the facts and the text", async () => {
    const html = await pageText(await alice.client.call(`/documents/${lease}`));
    assertStringIncludes(html, "<h1>Flat lease</h1>");
    assertStringIncludes(html, "This tenancy agreement is made between");
    assertStringIncludes(html, `/api/documents/${lease}/download`);
  });

  await t.step("someone else's document, or no document at all, is not found", async () => {
    assertEquals((await alice.client.call(`/documents/${bobs}`)).status, 404);
    assertEquals((await alice.client.call(`/documents/${crypto.randomUUID()}`)).status, 404);
    assertEquals((await alice.client.call("/documents/not-a-uuid")).status, 404);
    // ?open= with someone else's id opens nothing and leaks nothing.
    const html = await pageText(await alice.client.call(`/documents?open=${bobs}`));
    assert(!html.includes("Bob&#39;s payslip") && !html.includes("Bob's payslip"));
  });
});
