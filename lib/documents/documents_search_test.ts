/**
 * The document list and search (SPEC §4.5) through `GET /api/documents`, on PGlite and
 * (in the clustered pass) PostgreSQL: stemming per language, websearch syntax, ranking,
 * snippets, typo tolerance, filters, sorts, cursors and facets.
 */
import { errorOf, invalidFields } from "../auth/auth_testing.ts";
import type { TestClient } from "../app/testing.ts";
import { assert, assertEquals } from "../shared/assert.ts";
import { createDocumentsFixture, seedDocuments } from "./documents_testing.ts";
import { queryWords, RANKED_MATCHES, snippetSegments, withoutPhrases } from "./documents_search.ts";

interface Listed {
  id: string;
  title: string | null;
  display_title: string;
  snippet: { text: string; match: boolean }[] | null;
}

async function list(client: TestClient, query: string) {
  const response = await client.call(`/api/documents?${query}`);
  assertEquals(response.status, 200, await response.clone().text());
  return await response.json() as {
    documents: Listed[];
    next_cursor: string | null;
    facets?: {
      total: number;
      types: { slug: string | null; count: number }[];
      categories: { id: string; path: string; count: number }[];
      tags: { id: string; name: string; count: number }[];
    };
  };
}

const titles = async (client: TestClient, query: string) =>
  (await list(client, query)).documents.map((d) => d.display_title);

async function post(client: TestClient, path: string, json: unknown) {
  const response = await client.call(path, { method: "POST", json });
  assertEquals(response.status, 201, await response.clone().text());
  return await response.json();
}

Deno.test("search - helpers split queries and snippets", () => {
  assertEquals(queryWords('"electricity bill" -draft or Stadtwerke'), [
    "electricity",
    "bill",
    "stadtwerke",
  ]);
  assertEquals(withoutPhrases("'a' <-> 'b' | 'x<->y' <2> 'c'"), "'a' & 'b' | 'x<->y' & 'c'");
  assertEquals(snippetSegments("a \u0001b\u0002 c"), [
    { text: "a ", match: false },
    { text: "b", match: true },
    { text: " c", match: false },
  ]);
});

Deno.test("search - full text, ranking, snippets and typo tolerance", async (t) => {
  await using fx = await createDocumentsFixture();
  const { deps, alice } = fx;
  const bob = await fx.signUp("bob@example.com");
  const day = (n: number) => new Date(Date.UTC(2026, 0, n));
  await seedDocuments(deps.db, [
    {
      userId: alice.userId,
      title: "Invoice ACME March",
      text: "Dear customer, please find the invoices for March attached. Total due 120 EUR.",
      createdAt: day(1),
    },
    {
      userId: alice.userId,
      title: "Stadtwerke Abrechnung",
      language: "de",
      text: "Sehr geehrte Kundin, anbei die Rechnungen für Strom und Gas im Jahr 2025.",
      issuer: "Stadtwerke München",
      createdAt: day(2),
    },
    {
      userId: alice.userId,
      title: "Meeting notes",
      text: "We discussed the electricity bill and the office move. " +
        "Later: the bill for electricity was paid. <img src=x onerror=alert(1)> Signed, invoice",
      createdAt: day(3),
    },
    {
      userId: alice.userId,
      title: "Draft invoice",
      text: "This is only a draft of the electricity bill.",
      createdAt: day(4),
    },
    {
      userId: alice.userId,
      title: "Upload in progress",
      text: "invoice",
      status: "uploaded",
      createdAt: day(5),
    },
    { userId: bob.userId, title: "Bob's invoice", text: "invoice for bob", createdAt: day(6) },
  ]);
  await deps.db.insertInto("documents").values({
    user_id: alice.userId,
    filename: "pending-invoice.pdf",
    size_bytes: 1,
    object_key: `${alice.userId}/pending/x.pdf`,
    storage_backend: "fs",
    status: "pending",
  }).execute();

  await t.step(
    "stemming: 'invoice' finds 'invoices'; German 'rechnung' finds 'Rechnungen'",
    async () => {
      const found = await titles(alice.client, "q=invoice");
      assert(found.includes("Invoice ACME March"));
      assertEquals(await titles(alice.client, "q=rechnung"), ["Stadtwerke Abrechnung"]);
      assertEquals(
        await titles(alice.client, "q=M%C3%BCnchen"),
        ["Stadtwerke Abrechnung"],
        "issuer",
      );
    },
  );

  await t.step("only the user's own processed documents, never pending uploads", async () => {
    const found = await titles(alice.client, "q=invoice");
    assert(!found.includes("Bob's invoice"));
    assert(!found.some((t) => t.startsWith("pending")));
    assert(found.includes("Upload in progress"), "uploaded (queued) documents are listed");
    assertEquals(await titles(bob.client, "q=invoice"), ["Bob's invoice"]);
  });

  await t.step("ranking: a match in the title beats one in the text", async () => {
    const found = await titles(alice.client, "q=invoice");
    assert(
      found.indexOf("Invoice ACME March") < found.indexOf("Meeting notes"),
      found.join(", "),
    );
  });

  await t.step("websearch syntax: phrases, or, exclusion", async () => {
    assertEquals(
      (await titles(alice.client, `q=${encodeURIComponent('"electricity bill"')}`)).sort(),
      ["Draft invoice", "Meeting notes"],
    );
    assertEquals(
      await titles(alice.client, `q=${encodeURIComponent('"electricity bill" -draft')}`),
      ["Meeting notes"],
    );
    assertEquals(
      (await titles(alice.client, `q=${encodeURIComponent("rechnung or draft")}`)).sort(),
      ["Draft invoice", "Stadtwerke Abrechnung"],
    );
  });

  await t.step("snippets mark the matches as segments; the text is never HTML", async () => {
    const { documents } = await list(alice.client, "q=electricity");
    const notes = documents.find((d) => d.title === "Meeting notes")!;
    assert(notes.snippet && notes.snippet.some((s) => s.match), JSON.stringify(notes.snippet));
    for (const segment of notes.snippet!.filter((s) => s.match)) {
      assertEquals(segment.text.toLowerCase(), "electricity");
    }
    const { documents: withMarkup } = await list(alice.client, "q=signed");
    const text = withMarkup[0].snippet!.map((s) => s.text).join("");
    assert(text.includes("<img src=x"), `markup in the text comes back as plain text: ${text}`);
    assert(!/<b>|<mark>/.test(text), "no HTML is added");
  });

  await t.step("typo tolerance on titles: 'invioce' finds 'Invoice ACME March'", async () => {
    assert((await titles(alice.client, "q=invioce")).includes("Invoice ACME March"));
    assert((await titles(alice.client, "q=stadwerke")).includes("Stadtwerke Abrechnung"));
    assertEquals(await titles(alice.client, "q=acne"), [], "no false friends");
  });

  await t.step("a query of stop words only finds nothing, without an error", async () => {
    assertEquals((await list(alice.client, "q=the")).documents.length, 0);
  });
});

Deno.test("search - filters, sorts, cursors and facets", async (t) => {
  await using fx = await createDocumentsFixture();
  const { deps, alice } = fx;
  const c = alice.client;
  const finance = await post(c, "/api/categories", { name: "Finance" });
  const taxes = await post(c, "/api/categories", { name: "Taxes", parent_id: finance.id });
  const home = await post(c, "/api/categories", { name: "Home" });
  const urgent = await post(c, "/api/tags", { name: "urgent" });
  const paid = await post(c, "/api/tags", { name: "paid" });
  const archive = await post(c, "/api/folders", { name: "Archive" });
  const archive2024 = await post(c, "/api/folders", { name: "2024", parent_id: archive.id });

  const base = { userId: alice.userId, text: "quarterly statement" };
  const [taxReturn, bankJan, bankFeb, lease, failed, review] = await seedDocuments(deps.db, [
    {
      ...base,
      title: "Tax return 2024",
      documentType: "tax_document",
      documentDate: "2025-03-10",
      sizeBytes: 5000,
      categoryIds: [taxes.id],
      tagIds: [urgent.id],
      folderId: archive2024.id,
      createdAt: new Date("2026-01-01T10:00:00Z"),
    },
    {
      ...base,
      title: "Bank statement January",
      documentType: "bank_statement",
      documentDate: "2025-01-31",
      sizeBytes: 3000,
      categoryIds: [finance.id],
      tagIds: [urgent.id, paid.id],
      folderId: archive.id,
      createdAt: new Date("2026-01-02T10:00:00Z"),
    },
    {
      ...base,
      title: "Bank statement February",
      documentType: "bank_statement",
      documentDate: "2025-02-28",
      sizeBytes: 1000,
      categoryIds: [finance.id],
      tagIds: [paid.id],
      createdAt: new Date("2026-01-03T10:00:00Z"),
    },
    {
      ...base,
      title: "Apartment lease",
      documentType: "contract",
      documentDate: null,
      sizeBytes: 9000,
      categoryIds: [home.id],
      createdAt: new Date("2026-01-04T10:00:00Z"),
    },
    {
      ...base,
      title: "Broken scan",
      status: "error",
      sizeBytes: 200,
      createdAt: new Date("2026-01-05T10:00:00Z"),
    },
    {
      ...base,
      title: "Needs a look",
      documentType: "letter",
      documentDate: "2024-12-24",
      sizeBytes: 400,
      aiSuggestion: { classifier: "builtin", document_type: "letter" },
      createdAt: new Date("2026-01-06T10:00:00Z"),
    },
  ]);
  const ids = (r: { documents: Listed[] }) => r.documents.map((d) => d.id);

  await t.step("default order: newest upload first", async () => {
    assertEquals(ids(await list(c, "")), [review, failed, lease, bankFeb, bankJan, taxReturn]);
  });

  await t.step("a category includes its sub-categories", async () => {
    assertEquals(
      ids(await list(c, `category=${finance.id}`)).sort(),
      [taxReturn, bankJan, bankFeb].sort(),
    );
    assertEquals(ids(await list(c, `category=${taxes.id}`)), [taxReturn]);
  });

  await t.step("several tags: documents with all of them", async () => {
    assertEquals(ids(await list(c, `tag=${urgent.id}`)).sort(), [taxReturn, bankJan].sort());
    assertEquals(ids(await list(c, `tag=${urgent.id}&tag=${paid.id}`)), [bankJan]);
  });

  await t.step("a folder includes its sub-folders", async () => {
    assertEquals(ids(await list(c, `folder=${archive.id}`)).sort(), [taxReturn, bankJan].sort());
  });

  await t.step("type, status, date ranges and views", async () => {
    assertEquals(ids(await list(c, "type=bank_statement&sort=date&order=asc")), [bankJan, bankFeb]);
    assertEquals(ids(await list(c, "type=contract&type=letter")), [review, lease]);
    assertEquals(ids(await list(c, "status=error")), [failed]);
    assertEquals(ids(await list(c, "view=failed")), [failed]);
    assertEquals(ids(await list(c, "view=processing")), [failed]);
    assertEquals(ids(await list(c, "view=shared")), []);
    assertEquals(ids(await list(c, "view=review")), [review]);
    assertEquals(ids(await list(c, "from=2025-01-01&to=2025-02-28")), [bankFeb, bankJan]);
    assertEquals(
      ids(await list(c, "uploaded_from=2026-01-02&uploaded_to=2026-01-03")),
      [bankFeb, bankJan],
    );
  });

  await t.step("sorts: document date (undated as the oldest), title, size", async () => {
    const byDate = ids(await list(c, "sort=date"));
    assertEquals(byDate.slice(0, 4), [taxReturn, bankFeb, bankJan, review]);
    assertEquals(byDate.slice(4).sort(), [failed, lease].sort(), "undated last");
    assertEquals(
      await titles(c, "sort=title"),
      [
        "Apartment lease",
        "Bank statement February",
        "Bank statement January",
        "Broken scan",
        "Needs a look",
        "Tax return 2024",
      ],
    );
    assertEquals(ids(await list(c, "sort=size&order=asc")), [
      failed,
      review,
      bankFeb,
      bankJan,
      taxReturn,
      lease,
    ]);
  });

  await t.step("cursor pages walk the whole list once, in every sort", async () => {
    const sorts = ["uploaded", "date", "title", "size"];
    const walks = [
      ...sorts.map((s) => [s, ""]),
      ...[...sorts, "relevance"].map((s) => [s, "&q=statement"]),
    ];
    for (const [sort, q] of walks) {
      const all = ids(await list(c, `sort=${sort}${q}&limit=100`));
      const walked: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof list>> = await list(
          c,
          `sort=${sort}${q}&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        );
        assert(page.documents.length <= 2);
        walked.push(...ids(page));
        cursor = page.next_cursor;
      } while (cursor);
      assertEquals(walked, all, `sort=${sort}${q}`);
      assertEquals(all.length, 6);
    }
  });

  await t.step("a cursor from another query is refused", async () => {
    const page = await list(c, "sort=title&limit=2");
    const response = await c.call(`/api/documents?sort=size&limit=2&cursor=${page.next_cursor}`);
    assertEquals((await errorOf(response)).code, "documents.bad_cursor");
    const garbage = await c.call("/api/documents?cursor=not-a-cursor");
    assertEquals((await errorOf(garbage)).status, 400);
  });

  await t.step("facets count types, categories and tags over the whole result", async () => {
    const { facets } = await list(c, "q=statement&facets=1&limit=1");
    assertEquals(facets!.total, 6);
    const types = Object.fromEntries(facets!.types.map((t) => [t.slug ?? "none", t.count]));
    assertEquals(types, {
      bank_statement: 2,
      tax_document: 1,
      contract: 1,
      letter: 1,
      none: 1,
    });
    assertEquals(Object.fromEntries(facets!.tags.map((t) => [t.name, t.count])), {
      urgent: 2,
      paid: 2,
    });
    const categories = Object.fromEntries(facets!.categories.map((x) => [x.path, x.count]));
    assertEquals(categories, { "Finance": 2, "Finance / Taxes": 1, "Home": 1 });
    const filtered = await list(c, `facets=1&type=bank_statement`);
    assertEquals(filtered.facets!.total, 2);
  });

  await t.step("edits of labels and type show in facets and filters at once", async () => {
    // The lease becomes a bank statement in Finance, tagged urgent; February loses its tag.
    const edit = async (id: string, json: unknown) => {
      const response = await c.call(`/api/documents/${id}`, { method: "PATCH", json });
      assertEquals(response.status, 200, await response.clone().text());
    };
    await edit(lease, {
      document_type: "bank_statement",
      category_ids: [finance.id],
      tags: ["urgent"],
    });
    await edit(bankFeb, { tags: [] });
    const { facets } = await list(c, "q=statement&facets=1&limit=1");
    const types = Object.fromEntries(facets!.types.map((t) => [t.slug ?? "none", t.count]));
    assertEquals(types, { bank_statement: 3, tax_document: 1, letter: 1, none: 1 });
    assertEquals(Object.fromEntries(facets!.tags.map((t) => [t.name, t.count])), {
      urgent: 3,
      paid: 1,
    });
    const categories = Object.fromEntries(facets!.categories.map((x) => [x.path, x.count]));
    assertEquals(categories, { "Finance": 3, "Finance / Taxes": 1 });
    assertEquals(
      ids(await list(c, `category=${finance.id}&tag=${urgent.id}&sort=uploaded`)),
      [lease, bankJan, taxReturn],
    );
    assertEquals(ids(await list(c, `tag=${paid.id}`)), [bankJan]);
    assertEquals(ids(await list(c, `category=${home.id}`)), []);
  });

  await t.step("bad parameters are a 422 naming them", async () => {
    const response = await c.call("/api/documents?sort=colour&limit=1000&category=x");
    assertEquals((await invalidFields(response)).sort(), ["category.0", "limit", "sort"]);
  });
});

Deno.test("search - relevance ranks the newest matches, then the rest by date; phrases", async (t) => {
  await using fx = await createDocumentsFixture();
  const { deps, alice } = fx;
  const total = RANKED_MATCHES + 60;
  // Newest first by index: document i was uploaded i minutes after the first.
  const minute = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 60_000);
  const ids = await seedDocuments(
    deps.db,
    Array.from({ length: total }, (_, i) => ({
      userId: alice.userId,
      // Every 10th has the word in its title; every 3rd has the phrase.
      title: i % 10 === 0 ? `Lease agreement ${i}` : `Document ${i}`,
      text: i % 3 === 0 ? "the lease agreement is renewed" : "agreement about the lease",
      createdAt: minute(i),
    })),
  );
  const walk = async (query: string) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof list>> = await list(
        alice.client,
        `${query}&limit=50${cursor ? `&cursor=${cursor}` : ""}`,
      );
      seen.push(...page.documents.map((d) => d.id));
      cursor = page.next_cursor;
    } while (cursor);
    return seen;
  };

  await t.step("every match exactly once, across the ranked and the dated part", async () => {
    const seen = await walk("q=lease");
    assertEquals(seen.length, total);
    assertEquals(new Set(seen).size, total);
  });

  await t.step("among the newest matches, title matches come first", async () => {
    const first = (await list(alice.client, "q=lease&limit=20")).documents;
    for (const doc of first) assert(doc.title!.startsWith("Lease agreement"), doc.title!);
    assertEquals(first[0].title, `Lease agreement ${total - 10}`, "the newest title match leads");
  });

  await t.step("after the ranked ones, older matches follow newest first", async () => {
    const seen = await walk("q=lease");
    const tail = seen.slice(RANKED_MATCHES);
    const expected = ids.slice(0, total - RANKED_MATCHES).reverse();
    assertEquals(tail, expected);
  });

  await t.step("a phrase finds only documents with the words in that order", async () => {
    const seen = await walk(`q=${encodeURIComponent('"lease agreement"')}`);
    const expected = ids.filter((_, i) => i % 3 === 0 || i % 10 === 0);
    assertEquals(seen.length, expected.length);
    assertEquals(new Set(seen), new Set(expected));
  });
});
