/** `POST /api/documents/bulk` (SPEC §4.5): one action, many documents, one transaction. */
import { invalidFields } from "../auth/auth_testing.ts";
import type { TestClient } from "../app/testing.ts";
import { createQuotasRepo } from "../quotas/quotas_repo.ts";
import { assert, assertEquals } from "../shared/assert.ts";
import { createDocumentsFixture, samplePdf, seedDocuments, uploadOk } from "./documents_testing.ts";

async function bulk(client: TestClient, json: unknown) {
  const response = await client.call("/api/documents/bulk", { method: "POST", json });
  return { status: response.status, body: await response.json() };
}

async function doc(client: TestClient, id: string) {
  return await (await client.call(`/api/documents/${id}`)).json();
}

Deno.test("bulk - every action, per-id results, only the caller's documents", async (t) => {
  await using fx = await createDocumentsFixture();
  const { deps, alice } = fx;
  const bob = await fx.signUp("bob@example.com");
  const c = alice.client;
  const category =
    (await (await c.call("/api/categories", { method: "POST", json: { name: "Finance" } })).json())
      .id;
  const folder =
    (await (await c.call("/api/folders", { method: "POST", json: { name: "Archive" } })).json()).id;
  const mine = await seedDocuments(deps.db, [
    { userId: alice.userId, documentType: "invoice" },
    { userId: alice.userId, documentType: "invoice" },
    { userId: alice.userId },
  ]);
  const [bobs] = await seedDocuments(deps.db, [{ userId: bob.userId, title: "bob's" }]);
  const missing = crypto.randomUUID();
  const ids = [...mine, bobs, missing];
  const expected = [
    ...mine.map((id) => ({ id, ok: true })),
    { id: bobs, ok: false, error: "not_found" },
    { id: missing, ok: false, error: "not_found" },
  ];

  await t.step("add_category", async () => {
    const { status, body } = await bulk(c, { action: "add_category", ids, category_id: category });
    assertEquals(status, 200);
    assertEquals(body.results, expected);
    for (const id of mine) assertEquals((await doc(c, id)).categories.length, 1);
    assertEquals((await doc(bob.client, bobs)).categories, [], "bob's document is untouched");
    const examples = await deps.db.selectFrom("classifier_examples").select("document_id")
      .execute();
    assertEquals(examples.length, 3, "the labels feed the built-in classifier");
  });

  await t.step("add_tag creates the tag once; remove_tag and remove_category undo", async () => {
    await bulk(c, { action: "add_tag", ids, tag: "Q1" });
    const tags = (await doc(c, mine[0])).tags;
    assertEquals(tags.map((x: { name: string }) => x.name), ["Q1"]);
    assertEquals(
      (await bulk(c, { action: "remove_tag", ids, tag_id: tags[0].id })).body.results,
      expected,
    );
    await bulk(c, { action: "remove_category", ids, category_id: category });
    for (const id of mine) {
      const d = await doc(c, id);
      assertEquals([d.tags.length, d.categories.length], [0, 0]);
    }
  });

  await t.step("move_to_folder and back to no folder", async () => {
    await bulk(c, { action: "move_to_folder", ids: mine, folder_id: folder });
    assertEquals((await doc(c, mine[1])).folder_id, folder);
    await bulk(c, { action: "move_to_folder", ids: mine, folder_id: null });
    assertEquals((await doc(c, mine[1])).folder_id, null);
  });

  await t.step("an unknown category, tag or folder: 404 and nothing changes", async () => {
    const other = await bulk(bob.client, {
      action: "add_category",
      ids: [bobs],
      category_id: category,
    });
    assertEquals(other.status, 404, "alice's category is not bob's");
    assertEquals(
      (await bulk(c, { action: "move_to_folder", ids: mine, folder_id: crypto.randomUUID() }))
        .status,
      404,
    );
  });

  await t.step("reanalyse queues each document once", async () => {
    const { body } = await bulk(c, { action: "reanalyse", ids });
    assertEquals(body.results, expected);
    assertEquals((await doc(c, mine[0])).status, "uploaded");
    await bulk(c, { action: "reanalyse", ids });
    const jobs = await deps.db.selectFrom("jobs").select("id").where(
      "kind",
      "=",
      "documents.process",
    )
      .execute();
    assertEquals(jobs.length, 3);
  });

  await t.step("delete: own documents only, quota refunded", async () => {
    const uploaded = await uploadOk(fx.app, c, samplePdf());
    const { body } = await bulk(c, { action: "delete", ids: [uploaded, mine[2], bobs] });
    assertEquals(body.results, [
      { id: uploaded, ok: true },
      { id: mine[2], ok: true },
      { id: bobs, ok: false, error: "not_found" },
    ]);
    assertEquals((await c.call(`/api/documents/${uploaded}`)).status, 404);
    assertEquals((await bob.client.call(`/api/documents/${bobs}`)).status, 200);
    assertEquals((await createQuotasRepo(deps.db).ensure(alice.userId, 0)).used_bytes, 0);
  });

  await t.step("bad requests: unknown action, no ids, too many ids", async () => {
    assertEquals(
      await invalidFields(
        await c.call("/api/documents/bulk", {
          method: "POST",
          json: { action: "paint", ids: mine },
        }),
      ),
      ["action"],
    );
    const tooMany = Array.from({ length: 501 }, () => crypto.randomUUID());
    const fields = await invalidFields(
      await c.call("/api/documents/bulk", {
        method: "POST",
        json: { action: "delete", ids: tooMany },
      }),
    );
    assert(fields.includes("ids"), fields.join());
  });
});
