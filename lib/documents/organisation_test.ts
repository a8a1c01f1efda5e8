/**
 * Organising documents (SPEC §4.5): document types, categories, tags, folders, editing a
 * document, its text, and accepting or rejecting a classifier's suggestion.
 */
import { sql } from "kysely";
import { invalidFields } from "../auth/auth_testing.ts";
import type { TestClient } from "../app/testing.ts";
import { SEEDED_DOCUMENT_TYPES } from "../../migrations/0004_documents.ts";
import { assert, assertEquals } from "../shared/assert.ts";
import { createDocumentsFixture, seedDocuments } from "./documents_testing.ts";
import { readCorpus } from "./extraction/testing_corpus.ts";

async function send(client: TestClient, method: string, path: string, json?: unknown) {
  const response = await client.call(path, { method, json });
  const body = response.status === 204 ? null : await response.json();
  return { status: response.status, body };
}

const CORPUS = readCorpus();

Deno.test("organisation - document types: seeded from the corpus labels, admin-editable", async (t) => {
  await using fx = await createDocumentsFixture();
  const { deps, alice } = fx;
  const admin = await fx.signUp("admin@example.com");
  await sql`update users set role = 'admin' where id = ${admin.userId}`.execute(deps.db);

  await t.step("the seeded types are listed in order", async () => {
    const { body } = await send(alice.client, "GET", "/api/document-types");
    const slugs = body.document_types.map((t: { slug: string }) => t.slug);
    assertEquals(slugs, SEEDED_DOCUMENT_TYPES.map(([slug]) => slug));
  });

  await t.step({
    name: CORPUS
      ? "every label of the corpus manifest is a seeded slug"
      : "corpus labels (skipped: ../shared/corpus is absent)",
    ignore: !CORPUS,
    fn: async () => {
      const { body } = await send(alice.client, "GET", "/api/document-types");
      const slugs = body.document_types.map((t: { slug: string }) => t.slug);
      // "edge" marks the malformed and hostile files, not a document type.
      const labels = new Set(
        CORPUS!.map((entry) => entry.type).filter((label) => label !== "edge"),
      );
      assert(labels.size >= 15, `${labels.size} labels`);
      for (const label of labels) assert(slugs.includes(label), `unknown label ${label}`);
    },
  });

  await t.step("users cannot change types: 404 as if the route did not exist", async () => {
    assertEquals(
      (await send(alice.client, "POST", "/api/document-types", { slug: "x_ray", label: "X-ray" }))
        .status,
      404,
    );
    assertEquals(
      (await send(alice.client, "PATCH", "/api/document-types/invoice", { label: "Bill" })).status,
      404,
    );
    assertEquals((await send(alice.client, "DELETE", "/api/document-types/invoice")).status, 404);
  });

  await t.step("admins add, rename and remove types; documents keep the slug", async () => {
    const created = await send(admin.client, "POST", "/api/document-types", {
      slug: "x_ray",
      label: "X-ray",
    });
    assertEquals(created.status, 201);
    assertEquals(
      (await send(admin.client, "POST", "/api/document-types", { slug: "x_ray", label: "Again" }))
        .status,
      409,
    );
    assertEquals(
      await invalidFields(
        await admin.client.call("/api/document-types", {
          method: "POST",
          json: { slug: "Bad Slug", label: "x" },
        }),
      ),
      ["slug"],
    );
    const [doc] = await seedDocuments(deps.db, [{ userId: alice.userId, documentType: "x_ray" }]);
    await send(admin.client, "PATCH", "/api/document-types/x_ray", { label: "Radiograph" });
    assertEquals(
      (await send(alice.client, "GET", `/api/documents/${doc}`)).body.document_type,
      "x_ray",
    );
    assertEquals((await send(admin.client, "DELETE", "/api/document-types/x_ray")).status, 204);
    assertEquals(
      (await send(alice.client, "GET", `/api/documents/${doc}`)).body.document_type,
      null,
    );
    assertEquals((await send(admin.client, "DELETE", "/api/document-types/other")).status, 400);
  });
});

Deno.test("organisation - categories: system and personal, a tree, move and delete", async (t) => {
  await using fx = await createDocumentsFixture();
  const { deps, alice } = fx;
  const bob = await fx.signUp("bob@example.com");
  const admin = await fx.signUp("admin@example.com");
  await sql`update users set role = 'admin' where id = ${admin.userId}`.execute(deps.db);
  const c = alice.client;
  let finance = "", taxes = "", y2024 = "", system = "";

  await t.step("a personal tree with paths", async () => {
    finance = (await send(c, "POST", "/api/categories", { name: "Finance" })).body.id;
    const created = await send(c, "POST", "/api/categories", { name: "Taxes", parent_id: finance });
    assertEquals(created.status, 201);
    assertEquals(created.body.path, "Finance / Taxes");
    taxes = created.body.id;
    y2024 = (await send(c, "POST", "/api/categories", { name: "2024", parent_id: taxes })).body.id;
    assertEquals(
      (await send(c, "POST", "/api/categories", { name: "Taxes", parent_id: finance })).status,
      409,
    );
    assertEquals(
      await invalidFields(
        await c.call("/api/categories", { method: "POST", json: { name: "a/b" } }),
      ),
      ["name"],
    );
  });

  await t.step("system categories: admins only, visible to everyone", async () => {
    assertEquals(
      (await send(c, "POST", "/api/categories", { name: "Health", system: true })).status,
      404,
    );
    const created = await send(admin.client, "POST", "/api/categories", {
      name: "Health",
      system: true,
    });
    assertEquals(created.body.system, true);
    system = created.body.id;
    const bobs = (await send(bob.client, "GET", "/api/categories")).body.categories;
    assertEquals(
      bobs.map((x: { name: string }) => x.name),
      ["Health"],
      "bob sees the system one, not alice's",
    );
    assertEquals(
      (await send(c, "PATCH", `/api/categories/${system}`, { name: "Mine" })).status,
      404,
    );
  });

  await t.step("the tree counts documents, rolled up", async () => {
    await seedDocuments(deps.db, [
      { userId: alice.userId, categoryIds: [y2024] },
      { userId: alice.userId, categoryIds: [taxes] },
      { userId: alice.userId, categoryIds: [finance, system] },
    ]);
    const tree = (await send(c, "GET", "/api/categories")).body.categories;
    const fin = tree.find((x: { id: string }) => x.id === finance);
    assertEquals([fin.document_count, fin.total_count], [1, 3]);
    assertEquals(fin.children[0].children[0].path, "Finance / Taxes / 2024");
  });

  await t.step("move: under another category, to the top, never into itself", async () => {
    const home = (await send(c, "POST", "/api/categories", { name: "Home" })).body.id;
    assertEquals(
      (await send(c, "PATCH", `/api/categories/${taxes}`, { parent_id: home })).body.path,
      "Home / Taxes",
    );
    assertEquals(
      (await send(c, "PATCH", `/api/categories/${taxes}`, { parent_id: null })).body.path,
      "Taxes",
    );
    const cycle = await send(c, "PATCH", `/api/categories/${taxes}`, { parent_id: y2024 });
    assertEquals([cycle.status, cycle.body.error.code], [400, "categories.cycle"]);
  });

  await t.step("delete: children move up, documents lose only this category", async () => {
    assertEquals((await send(c, "DELETE", `/api/categories/${taxes}`)).status, 204);
    const tree = (await send(c, "GET", "/api/categories")).body.categories;
    const moved = tree.find((x: { id: string }) => x.id === y2024);
    assert(moved, "2024 moved to the top level (where Taxes was)");
    assertEquals(moved.document_count, 1);
    const docs = (await send(c, "GET", "/api/documents")).body.documents;
    assertEquals(docs.length, 3, "no document was deleted");
  });
});

Deno.test("organisation - tags: autocomplete, rename, merge, delete", async (t) => {
  await using fx = await createDocumentsFixture();
  const { deps, alice } = fx;
  const c = alice.client;
  const a = (await send(c, "POST", "/api/tags", { name: "Urgent" })).body;
  const b = (await send(c, "POST", "/api/tags", { name: "to-pay" })).body;
  const same = await send(c, "POST", "/api/tags", { name: "urgent" });
  assertEquals(same.body.id, a.id, "names are unique per user, in any case");
  const [d1, d2] = await seedDocuments(deps.db, [
    { userId: alice.userId, tagIds: [a.id, b.id] },
    { userId: alice.userId, tagIds: [b.id] },
  ]);

  await t.step("list with counts, and by prefix", async () => {
    const all = (await send(c, "GET", "/api/tags")).body.tags;
    assertEquals(
      all.map((t: { name: string; document_count: number }) => [t.name, t.document_count]),
      [
        ["to-pay", 2],
        ["Urgent", 1],
      ],
    );
    assertEquals(
      (await send(c, "GET", "/api/tags?q=ur")).body.tags.map((t: { name: string }) => t.name),
      ["Urgent"],
    );
  });

  await t.step("rename onto an existing name merges the two", async () => {
    const renamed = await send(c, "PATCH", `/api/tags/${b.id}`, { name: "URGENT" });
    assertEquals(renamed.body, { id: a.id, name: "Urgent", merged: true });
    const all = (await send(c, "GET", "/api/tags")).body.tags;
    assertEquals(
      all.map((t: { name: string; document_count: number }) => [t.name, t.document_count]),
      [["Urgent", 2]],
    );
    const doc1 = (await send(c, "GET", `/api/documents/${d1}`)).body;
    assertEquals(doc1.tags.map((t: { name: string }) => t.name), ["Urgent"], "one tag, not two");
  });

  await t.step("delete removes the tag from its documents", async () => {
    assertEquals((await send(c, "DELETE", `/api/tags/${a.id}`)).status, 204);
    assertEquals((await send(c, "GET", `/api/documents/${d2}`)).body.tags, []);
  });
});

Deno.test("organisation - folders: a tree, move, delete moves contents up", async () => {
  await using fx = await createDocumentsFixture();
  const { deps, alice } = fx;
  const c = alice.client;
  const root = (await send(c, "POST", "/api/folders", { name: "Archive" })).body.id;
  const sub = (await send(c, "POST", "/api/folders", { name: "2024", parent_id: root })).body.id;
  const [doc] = await seedDocuments(deps.db, [{ userId: alice.userId, folderId: sub }]);
  const tree = (await send(c, "GET", "/api/folders")).body.folders;
  assertEquals(tree[0].children[0].document_count, 1);
  const cycle = await send(c, "PATCH", `/api/folders/${root}`, { parent_id: sub });
  assertEquals(cycle.body.error.code, "folders.cycle");
  assertEquals((await send(c, "DELETE", `/api/folders/${sub}`)).status, 204);
  assertEquals((await send(c, "GET", `/api/documents/${doc}`)).body.folder_id, root);
});

Deno.test("organisation - editing a document, its text, and suggestions", async (t) => {
  await using fx = await createDocumentsFixture();
  const { deps, alice } = fx;
  const c = alice.client;
  const folder = (await send(c, "POST", "/api/folders", { name: "Bills" })).body.id;
  const category = (await send(c, "POST", "/api/categories", { name: "Utilities" })).body.id;
  const suggestion = {
    classifier: "llm",
    confidence: 0.9,
    document_type: "utility_bill",
    title: "Stadtwerke bill March",
    summary: "Electricity for March.",
    document_date: "2026-03-31",
    issuer: "Stadtwerke",
    amount: { value: 84.5, currency: "EUR" },
    categories: [{ path: "Utilities", is_new: false }, { path: "Home / Energy", is_new: true }],
    tags: [{ name: "electricity", is_new: true }],
  };
  const [doc, other] = await seedDocuments(deps.db, [
    { userId: alice.userId, title: "scan", text: "Strom März 84,50 EUR", aiSuggestion: suggestion },
    { userId: alice.userId, title: "second", aiSuggestion: suggestion },
  ]);

  await t.step(
    "PATCH sets title, type, date, issuer, amount, categories, tags and folder",
    async () => {
      const { status, body } = await send(c, "PATCH", `/api/documents/${doc}`, {
        title: "  Power bill  ",
        document_type: "utility_bill",
        document_date: "2026-03-31",
        issuer: "Stadtwerke München",
        amount: { value: 84.5, currency: "eur" },
        category_ids: [category],
        tags: ["power", "Power", "2026"],
        folder_id: folder,
      });
      assertEquals(status, 200);
      assertEquals(body.title, "Power bill");
      assertEquals(body.document_type, "utility_bill");
      assertEquals(body.document_date, "2026-03-31");
      assertEquals(body.amount, { value: 84.5, currency: "EUR" });
      assertEquals(body.categories.map((x: { path: string }) => x.path), ["Utilities"]);
      assertEquals(body.tags.map((x: { name: string }) => x.name).sort(), ["2026", "power"]);
      assertEquals(body.folder_id, folder);
      assertEquals(body.classified_by, "user");
    },
  );

  await t.step("the user's labels are remembered for the built-in classifier", async () => {
    const example = await deps.db.selectFrom("classifier_examples").selectAll()
      .where("document_id", "=", doc).executeTakeFirstOrThrow();
    assertEquals(example.document_type, "utility_bill");
    assertEquals(example.categories, ["Utilities"]);
  });

  await t.step("bad edits are refused and change nothing", async () => {
    const fields = await invalidFields(
      await c.call(`/api/documents/${doc}`, {
        method: "PATCH",
        json: { document_date: "31.03.2026", amount: { value: "x" } },
      }),
    );
    assertEquals(fields.sort(), ["amount.currency", "amount.value", "document_date"]);
    const unknownType = await send(c, "PATCH", `/api/documents/${doc}`, {
      document_type: "spaceship",
    });
    assertEquals(unknownType.body.error.code, "documents.unknown_type");
    const strangers = await send(c, "PATCH", `/api/documents/${doc}`, { nope: 1 });
    assertEquals(strangers.status, 422);
    assertEquals((await send(c, "GET", `/api/documents/${doc}`)).body.title, "Power bill");
  });

  await t.step("GET /text gives the extracted text", async () => {
    const { body } = await send(c, "GET", `/api/documents/${doc}/text`);
    assertEquals(body.text, "Strom März 84,50 EUR");
  });

  await t.step(
    "accept: applies the suggestion, creating new categories in the user's space",
    async () => {
      const { status, body } = await send(c, "POST", `/api/documents/${other}/suggestion/accept`);
      assertEquals(status, 200);
      assertEquals(body.ai_suggestion, null);
      assertEquals(body.title, "Stadtwerke bill March");
      assertEquals(body.categories.map((x: { path: string }) => x.path).sort(), [
        "Home / Energy",
        "Utilities",
      ]);
      assertEquals(body.tags.map((x: { name: string }) => x.name), ["electricity"]);
      const created = await deps.db.selectFrom("categories").select(["name", "user_id"])
        .where("name", "in", ["Home", "Energy"]).execute();
      assert(created.every((row) => row.user_id === alice.userId), "new categories are personal");
      assertEquals(
        (await send(c, "POST", `/api/documents/${other}/suggestion/accept`)).status,
        409,
      );
    },
  );

  await t.step("reject: the suggestion goes, the document stays as it was", async () => {
    const { body } = await send(c, "POST", `/api/documents/${doc}/suggestion/reject`);
    assertEquals(body.ai_suggestion, null);
    assertEquals(body.title, "Power bill");
  });
});
