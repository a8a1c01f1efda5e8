/**
 * Every permission edge (issue #6 point 7) against every route of one document, as a
 * table: owner, view recipient, edit recipient, group member, group admin, ex-member,
 * revoked recipient, administrator, deactivated recipient and a stranger. The table must
 * name every document route of the app: a new one that is missing here fails the test.
 * Runs on PGlite and, in the clustered pass, PostgreSQL.
 */
import { sql } from "kysely";
import { routes } from "../../manifest.gen.ts";
import { routeEntries } from "../app/routing.ts";
import type { TestClient } from "../app/testing.ts";
import { PASSWORD } from "../auth/auth_testing.ts";
import { createDocumentsFixture, requestUpload, uploadOk } from "../documents/documents_testing.ts";
import { createGroupsRepo } from "../groups/groups_repo.ts";
import { assertEquals } from "../shared/assert.ts";

interface Target {
  /** The shared document. */
  doc: string;
  /** The caller's own share of it, when there is one (else another share's id). */
  share: string;
  /** An upload of the owner's that was never confirmed. */
  pending: string;
}

type Route = [
  route: string,
  path: (t: Target) => string,
  body?: (t: Target) => unknown,
];

/** `METHOD /pattern` of the app, with how a caller tries it. */
const ROUTES: Route[] = [
  ["GET /api/documents/:id", (t) => `/api/documents/${t.doc}`],
  ["GET /api/documents/:id/download", (t) => `/api/documents/${t.doc}/download`],
  ["GET /api/documents/:id/text", (t) => `/api/documents/${t.doc}/text`],
  ["GET /documents/:id", (t) => `/documents/${t.doc}`],
  ["PATCH /api/documents/:id", (t) => `/api/documents/${t.doc}`, () => ({ title: "Renamed" })],
  ["PATCH /api/documents/:id (filing)", (t) => `/api/documents/${t.doc}`, () => ({ tags: ["x"] })],
  ["POST /api/documents/:id/suggestion/reject", (t) => `/api/documents/${t.doc}/suggestion/reject`],
  ["POST /api/documents/:id/suggestion/accept", (t) => `/api/documents/${t.doc}/suggestion/accept`],
  ["POST /api/documents/:id/reanalyse", (t) => `/api/documents/${t.doc}/reanalyse`],
  ["GET /api/documents/:id/shares", (t) => `/api/documents/${t.doc}/shares`],
  [
    "POST /api/documents/:id/shares",
    (t) => `/api/documents/${t.doc}/shares`,
    () => ({ user_email: "erin@example.com" }),
  ],
  [
    "DELETE /api/documents/:id/shares/:share_id",
    (t) => `/api/documents/${t.doc}/shares/${t.share}`,
  ],
  ["POST /api/documents/:id/confirm", (t) => `/api/documents/${t.pending}/confirm`],
  [
    "POST /api/documents/bulk",
    () => "/api/documents/bulk",
    (t) => ({ action: "add_tag", ids: [t.doc], tag: "bulk" }),
  ],
  ["DELETE /api/documents/:id", (t) => `/api/documents/${t.doc}`],
];

const N = 404; // not found: the document does not exist for this caller
const SIGNED_OUT = ROUTES.map(([route]) => (route.startsWith("GET /documents") ? 303 : 401));
/** A caller who may not see the document; bulk answers 200 with a per-document not_found. */
const NOBODY = ROUTES.map(([route]) => (route === "POST /api/documents/bulk" ? 200 : N));
//                  read  dl  text page patch file rej  acc  re-a list share rev  conf bulk del
const VIEWER = [200, 302, 200, 200, 403, 403, N, N, N, N, N, N, N, 200, N];
const EDITOR = [200, 302, 200, 200, 200, 403, N, N, N, N, N, N, N, 200, N];
const OWNER = [200, 302, 200, 200, 200, 200, 200, 409, 202, 200, 201, 204, 409, 200, 204];

async function statuses(client: TestClient, target: Target): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const [route, path, body] of ROUTES) {
    const method = route.split(" ")[0];
    const response = await client.call(path(target), {
      method,
      ...(body ? { json: body(target) } : {}),
      redirect: "manual",
    });
    await response.body?.cancel();
    result[route] = response.status;
  }
  return result;
}

const named = (expected: number[]) => Object.fromEntries(ROUTES.map(([r], i) => [r, expected[i]]));

Deno.test("permissions - every caller against every route of a shared document", async (t) => {
  await using f = await createDocumentsFixture();
  const { deps, app, alice } = f;
  const people = ["bob", "carol", "dave", "gina", "ed", "rita", "root", "dee", "mallory", "erin"];
  const [bob, carol, dave, gina, ed, rita, root, dee, mallory] = await Promise.all(
    people.map((n) => f.signUp(`${n}@example.com`)),
  );
  await sql`update users set role = 'admin' where id = ${root.userId}`.execute(deps.db);
  const groups = createGroupsRepo(deps.db);
  const family = await groups.create({ name: "Family", description: "" });
  for (
    const [member, admin] of [[alice, false], [dave, false], [gina, true], [ed, false]] as const
  ) {
    await groups.upsertMember(family.id, member.userId, admin);
  }
  const doc = await uploadOk(app, alice.client);
  const pending = (await (await requestUpload(alice.client, { size: 1000 })).json()).document_id;
  const shareWith = async (json: unknown) => {
    const response = await alice.client.call(`/api/documents/${doc}/shares`, {
      method: "POST",
      json,
    });
    assertEquals(response.status, 201, await response.clone().text());
    const shares: { id: string; user: { email: string } | null }[] = (await response.json()).shares;
    return shares;
  };
  await shareWith({ user_email: "bob@example.com", permission: "view" });
  await shareWith({ user_email: "carol@example.com", permission: "edit" });
  await shareWith({ user_email: "rita@example.com" });
  await shareWith({ user_email: "dee@example.com" });
  const shares = await shareWith({ group_id: family.id });
  const shareOf = (email: string) =>
    shares.find((s) => s.user?.email === email)?.id ?? shares[0].id;
  // Ed leaves the group, Rita's share is revoked, Dee's account is deactivated.
  await groups.removeMember(family.id, ed.userId);
  await alice.client.call(`/api/documents/${doc}/shares/${shareOf("rita@example.com")}`, {
    method: "DELETE",
  });
  await sql`update users set is_active = false where id = ${dee.userId}`.execute(deps.db);
  deps.authCache.clear();
  const target = (email = "") => ({ doc, pending, share: shareOf(email) });

  await t.step("the table names every document route of the app", () => {
    const inApp = routeEntries(routes).filter(({ pattern }) =>
      pattern.startsWith("/api/documents/") || pattern.startsWith("/documents/")
    ).flatMap(({ pattern, module }) =>
      Object.keys(module.handler ?? {}).map((method) => `${method} ${pattern}`)
    ).filter((route) => !route.startsWith("POST /api/documents/upload-url"));
    const tabled = ROUTES.map(([route]) => route.replace(/ \(.*\)$/, ""));
    assertEquals(inApp.filter((route) => !tabled.includes(route)), [], "add to ROUTES");
  });

  const table: [who: string, client: TestClient, email: string, expected: number[]][] = [
    ["view recipient", bob.client, "bob@example.com", VIEWER],
    ["edit recipient", carol.client, "carol@example.com", EDITOR],
    ["group member", dave.client, "", VIEWER],
    ["group admin", gina.client, "", VIEWER],
    ["ex-member", ed.client, "", NOBODY],
    ["revoked recipient", rita.client, "", NOBODY],
    ["administrator", root.client, "", NOBODY],
    ["deactivated recipient", dee.client, "dee@example.com", SIGNED_OUT],
    ["stranger", mallory.client, "", NOBODY],
  ];
  for (const [who, client, email, expected] of table) {
    await t.step(who, async () => {
      assertEquals(await statuses(client, target(email)), named(expected));
    });
  }

  await t.step("the deactivated recipient cannot sign in again", async () => {
    const response = await dee.client.call("/api/auth/login", {
      method: "POST",
      json: { email: "dee@example.com", password: PASSWORD },
    });
    assertEquals(response.status, 403);
    assertEquals((await response.json()).error.code, "auth.account_disabled");
  });

  await t.step("nobody but the owner changed anything", async () => {
    const row = await deps.db.selectFrom("documents").select(["title", "status"])
      .where("id", "=", doc).executeTakeFirstOrThrow();
    assertEquals(row.title, "Renamed"); // Carol may edit the title.
    const tags = await deps.db.selectFrom("document_tags").selectAll()
      .where("document_id", "=", doc).execute();
    assertEquals(tags, []);
  });

  await t.step("owner", async () => {
    await sql`update documents set ai_suggestion = '{"classifier":"builtin","document_type":"invoice"}'::jsonb
      where id = ${doc}`.execute(deps.db);
    assertEquals(await statuses(alice.client, target("carol@example.com")), named(OWNER));
  });
});
