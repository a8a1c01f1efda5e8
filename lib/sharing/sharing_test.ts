/**
 * Sharing (SPEC §4.6, issue #6 point 2) through the API, on PGlite and (in the clustered
 * pass) PostgreSQL: every kind of caller against every document route, as a table; the
 * shared-with-me list; share counts; the owner's private filing staying private; and
 * access that ends at once when a share is revoked or a member leaves the group.
 */
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from "kysely";
import type { TestClient } from "../app/testing.ts";
import { listDocumentsSchema } from "../documents/documents_schemas.ts";
import { listDocuments } from "../documents/documents_search.ts";
import { createCategoriesRepo } from "../categories/categories_repo.ts";
import { createDocumentsFixture, seedDocuments, uploadOk } from "../documents/documents_testing.ts";
import { createGroupsRepo } from "../groups/groups_repo.ts";
import { assert, assertEquals } from "../shared/assert.ts";

type Route = [name: string, method: string, path: (id: string) => string, body?: unknown];

const ROUTES: Route[] = [
  ["read", "GET", (id) => `/api/documents/${id}`],
  ["download", "GET", (id) => `/api/documents/${id}/download`],
  ["text", "GET", (id) => `/api/documents/${id}/text`],
  ["edit title", "PATCH", (id) => `/api/documents/${id}`, { title: "Renamed" }],
  ["file in tags", "PATCH", (id) => `/api/documents/${id}`, { tags: ["mine"] }],
  ["re-analyse", "POST", (id) => `/api/documents/${id}/reanalyse`],
  ["accept suggestion", "POST", (id) => `/api/documents/${id}/suggestion/accept`],
  ["list shares", "GET", (id) => `/api/documents/${id}/shares`],
  ["re-share", "POST", (id) => `/api/documents/${id}/shares`, {
    user_email: "erin@example.com",
  }],
  ["delete", "DELETE", (id) => `/api/documents/${id}`],
];

/** Expected status per route, in ROUTES order, for someone who is not the owner. */
const VIEWER = [200, 302, 200, 403, 403, 404, 404, 404, 404, 404];
const EDITOR = [200, 302, 200, 200, 403, 404, 404, 404, 404, 404];
const NOBODY = ROUTES.map(() => 404);

async function statuses(client: TestClient, id: string): Promise<number[]> {
  const result: number[] = [];
  for (const [, method, path, body] of ROUTES) {
    const response = await client.call(path(id), {
      method,
      ...(body === undefined ? {} : { json: body }),
    });
    await response.body?.cancel();
    result.push(response.status);
  }
  return result;
}

async function share(client: TestClient, id: string, body: unknown, status = 201) {
  const response = await client.call(`/api/documents/${id}/shares`, { method: "POST", json: body });
  assertEquals(response.status, status, await response.clone().text());
  return (await response.json()).shares;
}

Deno.test("sharing - who may do what with a shared document", async (t) => {
  await using f = await createDocumentsFixture();
  const { deps, app, alice } = f;
  const [bob, carol, dave, _erin, mallory, root] = await Promise.all(
    ["bob", "carol", "dave", "erin", "mallory", "root"].map((n) => f.signUp(`${n}@example.com`)),
  );
  await deps.db.updateTable("users").set({ role: "admin" }).where("id", "=", root.userId).execute();
  const groups = createGroupsRepo(deps.db);
  const family = await groups.create({ name: "Family", description: "" });
  await groups.upsertMember(family.id, alice.userId, false);
  await groups.upsertMember(family.id, dave.userId, false);
  const doc = await uploadOk(app, alice.client);
  const other = await uploadOk(app, alice.client);
  // Alice's private filing of the document.
  const privateCategory = await createCategoriesRepo(deps.db).create({
    userId: alice.userId,
    parentId: null,
    name: "Alice's medical",
  });
  const patch = await alice.client.call(`/api/documents/${doc}`, {
    method: "PATCH",
    json: { category_ids: [privateCategory.id], tags: ["private-tag"] },
  });
  assertEquals(patch.status, 200);

  await t.step("the owner shares with users by e-mail and with her group", async () => {
    await share(alice.client, doc, { user_email: "bob@example.com" });
    await share(alice.client, doc, { user_email: "CAROL@example.com", permission: "edit" });
    const shares = await share(alice.client, doc, { group_id: family.id });
    assertEquals(shares.length, 3);
    // Again with the same recipient: the permission changes, no second share.
    assertEquals((await share(alice.client, doc, { user_email: "bob@example.com" })).length, 3);
    // Not herself, nobody unknown, no group she is not in.
    await share(alice.client, doc, { user_email: "alice@example.com" }, 422);
    await share(alice.client, doc, { user_email: "nobody@example.com" }, 404);
    const strangers = await groups.create({ name: "Strangers", description: "" });
    await share(alice.client, doc, { group_id: strangers.id }, 404);
    await share(alice.client, doc, { user_email: "bob@example.com", group_id: family.id }, 422);
  });

  await t.step("every caller against every route", async () => {
    const table: [string, TestClient, number[]][] = [
      ["view recipient", bob.client, VIEWER],
      ["edit recipient", carol.client, EDITOR],
      ["group member", dave.client, VIEWER],
      ["stranger", mallory.client, NOBODY],
      ["administrator", root.client, NOBODY],
    ];
    for (const [who, client, expected] of table) {
      const got = await statuses(client, doc);
      assertEquals(
        Object.fromEntries(ROUTES.map(([name], i) => [name, got[i]])),
        Object.fromEntries(ROUTES.map(([name], i) => [name, expected[i]])),
        who,
      );
    }
    // The edit recipient's title change is there for everyone.
    const read = await (await bob.client.call(`/api/documents/${doc}`)).json();
    assertEquals(read.display_title, "Renamed");
    // A document not shared is nobody else's business.
    assertEquals(await statuses(bob.client, other), NOBODY);
  });

  await t.step("recipients never see the owner's private categories, tags or folder", async () => {
    const mine = await (await alice.client.call(`/api/documents/${doc}`)).json();
    assertEquals(mine.categories.map((c: { name: string }) => c.name), ["Alice's medical"]);
    assertEquals(mine.owned, true);
    assertEquals(mine.share_count, 3);
    const theirs = await (await bob.client.call(`/api/documents/${doc}`)).json();
    assertEquals(theirs.categories, []);
    assertEquals(theirs.tags, []);
    assertEquals(theirs.owned, false);
    assertEquals(theirs.share_count, 0);
  });

  await t.step("shared with me, and share counts in the owner's list", async () => {
    const shared = await (await dave.client.call("/api/documents?view=shared")).json();
    assertEquals(shared.documents.map((d: { id: string }) => d.id), [doc]);
    assertEquals((await (await dave.client.call("/api/documents")).json()).documents, []);
    const list = await (await alice.client.call("/api/documents")).json();
    const counts = Object.fromEntries(
      list.documents.map((d: { id: string; share_count: number }) => [d.id, d.share_count]),
    );
    assertEquals(counts, { [doc]: 3, [other]: 0 });
    const page = await (await bob.client.call("/documents?view=shared")).text();
    assert(page.includes("Renamed") && page.includes("Shared with you"));
    const owners = await (await alice.client.call("/documents")).text();
    assert(owners.includes(`data-share-count="3"`) && owners.includes("Shared with 3"));
  });

  await t.step("a revoked share and a member who left lose access at once", async () => {
    const shares = await (await alice.client.call(`/api/documents/${doc}/shares`)).json();
    const bobs = shares.shares.find((s: { user: { email: string } | null }) =>
      s.user?.email === "bob@example.com"
    );
    const revoked = await alice.client.call(`/api/documents/${doc}/shares/${bobs.id}`, {
      method: "DELETE",
    });
    assertEquals(revoked.status, 204);
    assertEquals(await statuses(bob.client, doc), NOBODY);
    await groups.removeMember(family.id, dave.userId);
    assertEquals(await statuses(dave.client, doc), NOBODY);
    assertEquals(
      (await (await dave.client.call("/api/documents?view=shared")).json()).documents,
      [],
    );
    // The view's own empty state, not "no documents match" a filter nobody set.
    const empty = await (await dave.client.call("/documents?view=shared")).text();
    assert(empty.includes("Nothing is shared with you") && !empty.includes("No documents match"));
    // Carol still has it; nobody but Alice may revoke.
    assertEquals((await carol.client.call(`/api/documents/${doc}`)).status, 200);
    const carols = (await (await alice.client.call(`/api/documents/${doc}/shares`)).json()).shares
      .find((s: { user: { email: string } | null }) => s.user?.email === "carol@example.com");
    assertEquals(
      (await carol.client.call(`/api/documents/${doc}/shares/${carols.id}`, { method: "DELETE" }))
        .status,
      404,
    );
  });

  await t.step("bulk share: one request, per-document results, only the caller's own", async () => {
    const third = await uploadOk(app, alice.client);
    const mallorys = await uploadOk(app, mallory.client);
    const refused = await alice.client.call("/api/documents/bulk", {
      method: "POST",
      json: { action: "share", ids: [other, third], user_email: "nobody@example.com" },
    });
    assertEquals(refused.status, 404);
    assertEquals((await bob.client.call(`/api/documents/${other}`)).status, 404, "nothing shared");
    const response = await alice.client.call("/api/documents/bulk", {
      method: "POST",
      json: { action: "share", ids: [other, third, mallorys], user_email: "bob@example.com" },
    });
    assertEquals(response.status, 200);
    assertEquals((await response.json()).results, [
      { id: other, ok: true },
      { id: third, ok: true },
      { id: mallorys, ok: false, error: "not_found" },
    ]);
    const shared = await (await bob.client.call("/api/documents?view=shared")).json();
    assertEquals(shared.documents.map((d: { id: string }) => d.id).sort(), [other, third].sort());
    assertEquals(await statuses(bob.client, mallorys), NOBODY);
  });

  await t.step("when the owner deletes the document, the shares go with it", async () => {
    assertEquals(
      (await alice.client.call(`/api/documents/${doc}`, { method: "DELETE" })).status,
      204,
    );
    assertEquals((await carol.client.call(`/api/documents/${doc}`)).status, 404);
    const left = await deps.db.selectFrom("document_shares").selectAll()
      .where("document_id", "=", doc).execute();
    assertEquals(left, []);
  });
});

/** Counts the SQL statements run through a Kysely instance. */
function countingPlugin(): KyselyPlugin & { count: number } {
  const plugin = {
    count: 0,
    transformQuery(args: PluginTransformQueryArgs) {
      plugin.count++;
      return args.node;
    },
    transformResult(args: PluginTransformResultArgs) {
      return Promise.resolve(args.result);
    },
  };
  return plugin;
}

Deno.test("sharing - share counts cost the same few statements for 3 documents or 60", async () => {
  await using f = await createDocumentsFixture();
  const { deps, alice } = f;
  const bob = await f.signUp("bob@example.com");
  // Settings read once and then kept in memory (the Documents app's) are read before counting.
  await listDocuments(deps, alice.userId, listDocumentsSchema.parse({}));
  const statementsFor = async (count: number) => {
    const ids = await seedDocuments(
      deps.db,
      Array.from({ length: count }, (_, i) => ({ userId: alice.userId, title: `Doc ${i}` })),
    );
    await deps.db.insertInto("document_shares").values(ids.map((id) => ({
      document_id: id,
      user_id: bob.userId,
      permission: "view" as const,
      created_by: alice.userId,
    }))).execute();
    const plugin = countingPlugin();
    const counted = { ...deps, db: deps.db.withPlugin(plugin) };
    const list = await listDocuments(
      counted,
      alice.userId,
      listDocumentsSchema.parse({ limit: 100 }),
    );
    assert(list.documents.every((d) => d.share_count === 1));
    await deps.db.deleteFrom("documents").where("id", "in", ids).execute();
    return { statements: plugin.count, listed: list.documents.length };
  };
  const few = await statementsFor(3);
  const many = await statementsFor(60);
  assertEquals([few.listed, many.listed], [3, 60]);
  assert(few.statements >= 3, `the plugin counted ${few.statements} statements`);
  assertEquals(many.statements, few.statements, "no statement per document");
});
