/**
 * Isolation between users (SPEC §6): every document, category, tag and folder route is
 * tried by Bob with Alice's ids, and must answer 404 and change nothing. The table below
 * must list every such route of the app: a new route that is not in it fails this test.
 * Then an administrator walks every GET route of the API with Alice's ids and must never
 * see her titles, text, file names or files.
 */
import { sql } from "kysely";
import { routes } from "../manifest.gen.ts";
import { routeEntries } from "../lib/app/routing.ts";
import type { TestClient } from "../lib/app/testing.ts";
import { assert, assertEquals } from "../lib/shared/assert.ts";
import {
  createDocumentsFixture,
  requestUpload,
  type UploadGrant,
  uploadOk,
} from "../lib/documents/documents_testing.ts";
import { makePdf } from "../lib/documents/testing/make_pdf.ts";

/** Prefixes of the routes that hold a user's own things. */
const SCOPED = [
  "/api/documents",
  "/api/categories",
  "/api/tags",
  "/api/folders",
  "/api/document-types",
];

type Ids = Record<"document" | "pending" | "category" | "tag" | "folder", string>;

interface Case {
  /** Which of Alice's ids goes into the path parameter. */
  param?: keyof Ids | "type";
  /** The request body; may use Alice's ids (e.g. her category on Bob's document). */
  body?: (alice: Ids, bob: Ids) => unknown;
  /** Bob's own document in the path instead (when the foreign id is in the body). */
  own?: boolean;
  /** What Bob must get; 404 unless said otherwise. */
  expect?: number;
}

/** `METHOD /pattern` → how Bob tries to reach Alice's things through it. */
const TABLE: Record<string, Case[]> = {
  "GET /api/documents": [{ expect: 200 }],
  "POST /api/documents": [{ expect: 415 }],
  "POST /api/documents/upload-url": [{
    expect: 201,
    body: () => ({ filename: "x.pdf", size: 10 }),
  }],
  "POST /api/documents/bulk": [
    { expect: 200, body: (a) => ({ action: "delete", ids: [a.document] }) },
    { body: (a, b) => ({ action: "add_category", ids: [b.document], category_id: a.category }) },
    { body: (a, b) => ({ action: "move_to_folder", ids: [b.document], folder_id: a.folder }) },
    { body: (a, b) => ({ action: "remove_tag", ids: [b.document], tag_id: a.tag }) },
  ],
  "GET /api/documents/:id": [{ param: "document" }, { param: "pending" }],
  "PATCH /api/documents/:id": [
    { param: "document", body: () => ({ title: "stolen" }) },
    { own: true, body: (a) => ({ category_ids: [a.category] }) },
    { own: true, body: (a) => ({ folder_id: a.folder }) },
  ],
  "DELETE /api/documents/:id": [{ param: "document" }, { param: "pending" }],
  "POST /api/documents/:id/confirm": [{ param: "pending" }],
  "GET /api/documents/:id/download": [{ param: "document" }],
  "GET /api/documents/:id/text": [{ param: "document" }],
  "POST /api/documents/:id/reanalyse": [{ param: "document" }],
  "POST /api/documents/:id/suggestion/accept": [{ param: "document" }],
  "POST /api/documents/:id/suggestion/reject": [{ param: "document" }],
  "GET /api/documents/:id/shares": [{ param: "document" }],
  "POST /api/documents/:id/shares": [{
    param: "document",
    body: () => ({ user_email: "bob@example.com" }),
  }],
  // (A real share id of Alice's is tried in lib/sharing/sharing_test.ts.)
  "DELETE /api/documents/:id/shares/:share_id": [{ param: "document" }],
  "GET /api/categories": [{ expect: 200 }],
  "POST /api/categories": [{ body: (a) => ({ name: "Mine", parent_id: a.category }) }],
  "PATCH /api/categories/:id": [{ param: "category", body: () => ({ name: "stolen" }) }],
  "DELETE /api/categories/:id": [{ param: "category" }],
  "GET /api/tags": [{ expect: 200 }],
  "POST /api/tags": [{ expect: 201, body: () => ({ name: "bob's" }) }],
  "PATCH /api/tags/:id": [{ param: "tag", body: () => ({ name: "stolen" }) }],
  "DELETE /api/tags/:id": [{ param: "tag" }],
  "GET /api/folders": [{ expect: 200 }],
  "POST /api/folders": [{ body: (a) => ({ name: "Mine", parent_id: a.folder }) }],
  "PATCH /api/folders/:id": [{ param: "folder", body: () => ({ name: "stolen" }) }],
  "DELETE /api/folders/:id": [{ param: "folder" }],
  "GET /api/document-types": [{ expect: 200 }],
  "POST /api/document-types": [{ body: () => ({ slug: "stolen", label: "Stolen" }) }],
  "PATCH /api/document-types/:slug": [{ param: "type", body: () => ({ label: "Stolen" }) }],
  "DELETE /api/document-types/:slug": [{ param: "type" }],
};

function scopedRoutes(): string[] {
  return routeEntries(routes)
    .filter(({ pattern }) => SCOPED.some((p) => pattern === p || pattern.startsWith(`${p}/`)))
    .flatMap(({ pattern, module }) =>
      Object.keys(module.handler ?? {}).map((m) => `${m} ${pattern}`)
    );
}

/** Alice's things: a processed document with text and a suggestion, a pending upload … */
async function aliceThings(fx: Awaited<ReturnType<typeof createDocumentsFixture>>): Promise<Ids> {
  const { app, alice } = fx;
  const post = async (path: string, json: unknown) =>
    (await (await alice.client.call(path, { method: "POST", json })).json()).id as string;
  const category = await post("/api/categories", { name: "Secret category" });
  const tag = await post("/api/tags", { name: "secret-tag" });
  const folder = await post("/api/folders", { name: "Secret folder" });
  const pdf = makePdf({ pages: ["ALICE-SECRET-TEXT"] });
  const document = await uploadOk(app, alice.client, pdf, "alice-secret-file.pdf");
  await sql`
    update documents set title = 'ALICE-SECRET-TITLE', extracted_text = 'ALICE-SECRET-TEXT',
      ai_suggestion = '{"classifier":"builtin","document_type":"invoice"}'::jsonb
    where id = ${document}`.execute(fx.deps.db);
  await alice.client.call(`/api/documents/${document}`, {
    method: "PATCH",
    json: { category_ids: [category], tags: ["secret-tag"], folder_id: folder },
  });
  const grant: UploadGrant = await (await requestUpload(alice.client, { size: pdf.length })).json();
  return { document, pending: grant.document_id, category, tag, folder };
}

async function snapshot(client: TestClient, ids: Ids) {
  const doc = await (await client.call(`/api/documents/${ids.document}`)).json();
  const categories = await (await client.call("/api/categories")).json();
  const tags = await (await client.call("/api/tags")).json();
  const folders = await (await client.call("/api/folders")).json();
  return JSON.stringify({ doc, categories, tags, folders });
}

Deno.test("isolation - every route answers 404 to another user's ids and changes nothing", async (t) => {
  await using fx = await createDocumentsFixture();
  const bob = await fx.signUp("bob@example.com");
  const alice = await aliceThings(fx);
  const bobs: Ids = {
    document: await uploadOk(fx.app, bob.client),
    pending: crypto.randomUUID(),
    category: crypto.randomUUID(),
    tag: crypto.randomUUID(),
    folder: crypto.randomUUID(),
  };
  const before = await snapshot(fx.alice.client, alice);

  await t.step("the table lists every document, category, tag and folder route", () => {
    const inApp = scopedRoutes();
    const missing = inApp.filter((route) => !(route in TABLE));
    assertEquals(missing, [], "add these routes to the isolation table");
    const stale = Object.keys(TABLE).filter((route) => !inApp.includes(route));
    assertEquals(stale, [], "these routes no longer exist");
  });

  for (const [route, cases] of Object.entries(TABLE)) {
    await t.step(route, async () => {
      const [method, pattern] = route.split(" ");
      for (const testCase of cases) {
        const value = testCase.param === "type"
          ? "invoice"
          : testCase.own
          ? bobs.document
          : testCase.param
          ? alice[testCase.param]
          : "";
        const path = pattern.replace(/:[a-z]+/, value);
        const response = await bob.client.call(path, {
          method,
          json: testCase.body?.(alice, bobs),
        });
        const text = await response.text();
        assertEquals(response.status, testCase.expect ?? 404, `${route}: ${text}`);
        for (
          const secret of [
            "ALICE-SECRET",
            "alice-secret",
            "Secret category",
            "secret-tag",
            "Secret folder",
          ]
        ) {
          assert(!text.includes(secret), `${route} shows Alice's "${secret}"`);
        }
        if (testCase.expect === 200 && route === "POST /api/documents/bulk") {
          assertEquals(JSON.parse(text).results, [{
            id: alice.document,
            ok: false,
            error: "not_found",
          }]);
        }
      }
    });
  }

  await t.step("Alice's things are exactly as they were", async () => {
    assertEquals(await snapshot(fx.alice.client, alice), before);
    const doc = await (await fx.alice.client.call(`/api/documents/${alice.document}/download`));
    assertEquals(doc.status, 302);
  });
});

Deno.test("isolation - an administrator never sees another user's titles, text or files", async () => {
  await using fx = await createDocumentsFixture();
  const alice = await aliceThings(fx);
  const admin = await fx.signUp("admin@example.com");
  await sql`update users set role = 'admin' where id = ${admin.userId}`.execute(fx.deps.db);
  const gets = routeEntries(routes).filter(({ pattern, module }) =>
    pattern.startsWith("/api/") && module.handler?.GET
  );
  assert(gets.length > 10, `${gets.length} GET routes`);
  for (const { pattern } of gets) {
    const path = pattern
      .replace(":id", alice.document)
      .replace(/:[a-z_]+(\{[^}]*\})?/g, alice.document);
    const response = await admin.client.call(path);
    const text = await response.text();
    assert(response.status !== 302, `${pattern} redirects the admin to a file`);
    for (
      const secret of [
        "ALICE-SECRET",
        "alice-secret",
        "Secret category",
        "secret-tag",
        "Secret folder",
      ]
    ) {
      assert(!text.includes(secret), `${pattern} shows the admin Alice's "${secret}"`);
    }
  }
});
