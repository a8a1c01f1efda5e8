/**
 * The audit log's other views, on PGlite and (with TEST_DATABASE_URL) PostgreSQL: the CSV
 * export (RFC 4180, formula-safe, the same filters, streamed over several pages), the
 * /admin/audit page without JavaScript, and a typical session whose document title, file
 * name and text never reach the log.
 */
import { sql } from "kysely";
import { runWorker } from "../../workers/run.ts";
import { createTestDeps, type TestClient } from "../app/testing.ts";
import { invalidFields } from "../auth/auth_testing.ts";
import {
  createDocumentsFixture,
  samplePdf,
  uploadOk,
  waitForProcessed,
} from "../documents/documents_testing.ts";
import { assert, assertEquals, assertStringIncludes } from "../shared/assert.ts";
import { getJson, seedEvents, setUpAdmin } from "./audit_testing.ts";

const HEADER = "id,created_at,event_type,user_id,user_email,actor_id,actor_email,resource_id," +
  "ip,user_agent,metadata";

/** A strict RFC 4180 reader: CRLF between records, quotes doubled inside quoted fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') cell += text[++i];
      else quoted = false;
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === ",") [row, cell] = [[...row, cell], ""];
    else if (ch === "\r" && text[i + 1] === "\n") {
      rows.push([...row, cell]);
      [row, cell] = [[], ""];
      i++;
    } else cell += ch;
  }
  assertEquals([row, cell], [[], ""], "the file ends with CRLF");
  return rows;
}

async function exportCsv(client: TestClient, query = "") {
  const response = await client.call(`/api/admin/audit/export.csv${query}`);
  assertEquals(response.status, 200, response.status === 200 ? "" : await response.text());
  const text = await response.text();
  return { response, text, rows: parseCsv(text) };
}

Deno.test("audit export - CSV with quoting, formula safety and the same filters", async (t) => {
  await using deps = await createTestDeps();
  const { root, rootId, aliceId } = await setUpAdmin(deps);
  const [tricky, formula] = await seedEvents(deps, [
    {
      type: "login_failed",
      at: "2024-03-05T08:00:00Z",
      user: aliceId,
      userAgent: 'Agent "Q", v1\r\nsecond line',
      metadata: { reason: 'wrong, "very" wrong' },
    },
    {
      type: "settings_change",
      at: "2024-03-05T09:00:00Z",
      user: aliceId,
      ip: "-2+3",
      resource: '=HYPERLINK("http://evil.example")',
      userAgent: "@SUM(A1)",
      metadata: { key: "+cmd" },
    },
    { type: "login", at: "2024-03-06T09:00:00Z", user: aliceId, userAgent: "\tTabbed" },
  ]);

  await t.step("a download named by today's date, header first", async () => {
    const { response, text, rows } = await exportCsv(root);
    assertEquals(response.headers.get("content-type"), "text/csv; charset=utf-8");
    const today = deps.clock.now().toISOString().slice(0, 10);
    assertEquals(
      response.headers.get("content-disposition"),
      `attachment; filename="docuvault-audit-${today}.csv"`,
    );
    assertEquals(response.headers.get("cache-control"), "no-store");
    assert(text.startsWith(`${HEADER}\r\n`));
    const api = await getJson(root, "/api/admin/audit?limit=200");
    assertEquals(
      rows.slice(1).map((r) => Number(r[0])),
      api.body.events.map((e: { id: number }) => e.id),
    );
  });

  await t.step(
    "commas, quotes and line breaks are quoted; the values read back intact",
    async () => {
      const { text, rows } = await exportCsv(root, "?event=login_failed&to=2024-12-31");
      assertStringIncludes(text, '"Agent ""Q"", v1\r\nsecond line"');
      assertEquals(rows.length, 2);
      const [id, createdAt, type, userId, email, actorId, actorEmail, resource, ip, agent, meta] =
        rows[1];
      assertEquals(
        [id, createdAt, type, userId, email, actorId, actorEmail, resource, ip, agent],
        [
          String(tricky),
          "2024-03-05T08:00:00.000Z",
          "login_failed",
          aliceId,
          "alice@example.com",
          aliceId,
          "alice@example.com",
          "",
          "198.51.100.4",
          'Agent "Q", v1\r\nsecond line',
        ],
      );
      assertEquals(JSON.parse(meta), { reason: 'wrong, "very" wrong' });
    },
  );

  await t.step("cells a spreadsheet would run as formulas start with '", async () => {
    const { rows } = await exportCsv(root, "?event=settings_change,login&to=2024-12-31");
    const byId = new Map(rows.slice(1).map((r) => [Number(r[0]), r]));
    const cells = byId.get(formula)!;
    assertEquals(cells[7], '\'=HYPERLINK("http://evil.example")');
    assertEquals(cells[8], "'-2+3");
    assertEquals(cells[9], "'@SUM(A1)");
    assertEquals(JSON.parse(cells[10]), { key: "+cmd" }, "JSON starts with {: left alone");
    assertEquals(rows[1][9], "'\tTabbed");
  });

  let exports = 0;
  await t.step("bad filters are a 422 before anything streams; no cursor here", async () => {
    exports = (await deps.db.selectFrom("audit_log").select("id")
      .where("event_type", "=", "audit_exported").execute()).length;
    assertEquals(await invalidFields(await root.call("/api/admin/audit/export.csv?from=x")), [
      "from",
    ]);
    const paged = await root.call("/api/admin/audit/export.csv?cursor=abc&limit=5");
    assertEquals(paged.status, 422);
    const nobody = await root.call("/api/admin/audit/export.csv?user=ghost@example.com");
    assertEquals(await invalidFields(nobody), ["user"]);
  });

  await t.step("taking a copy of the log is itself on record, with its filters", async () => {
    await exportCsv(root, "?event=login_failed&to=2024-12-31");
    const exported = await deps.db.selectFrom("audit_log").select(["actor_id", "metadata"])
      .where("event_type", "=", "audit_exported").execute();
    assertEquals(exported.length, exports + 1, "one event per export, none for refused ones");
    assertEquals(exported.at(-1)?.actor_id, rootId);
    assertEquals(exported.at(-1)?.metadata, { filters: "event=login_failed&to=2024-12-31" });
  });

  await t.step("a log larger than a page streams whole, each event once", async () => {
    await sql`
      insert into audit_log (event_type, created_at, user_id)
      select 'upload', timestamptz '2023-01-01 00:00:00+00' + (i / 4) * interval '1 second',
        ${aliceId}::uuid
      from generate_series(1, 2345) as i
    `.execute(deps.db);
    const { rows } = await exportCsv(root, `?event=upload&user=${aliceId}`);
    const ids = rows.slice(1).map((r) => Number(r[0]));
    assertEquals(ids.length, 2345);
    assertEquals(new Set(ids).size, 2345);
    const expected = (await sql<{ id: number }>`
      select id from audit_log where event_type = 'upload' order by created_at desc, id desc
    `.execute(deps.db)).rows.map((r) => Number(r.id));
    assertEquals(ids, expected);
  });
});

Deno.test("audit page - filters kept, metadata escaped, errors shown, pages linked", async (t) => {
  await using deps = await createTestDeps();
  const { root, aliceId } = await setUpAdmin(deps);
  const gone = crypto.randomUUID();
  await seedEvents(deps, [
    { type: "login", at: "2024-03-05T08:00:00Z", user: aliceId },
    {
      type: "login",
      at: "2024-03-06T14:03:09Z",
      user: aliceId,
      ip: "203.0.113.77",
      metadata: { note: "<script>alert(1)</script>", nested: { a: "<b>" } },
    },
    { type: "login_failed", at: "2024-03-07T08:00:00Z", user: gone },
  ]);

  await t.step("an admin sees the events, readable, with the filter menu", async () => {
    const response = await root.call("/admin/audit");
    assertEquals(response.status, 200);
    const html = await response.text();
    assertStringIncludes(html, "<h1>Audit log</h1>");
    assertStringIncludes(html, '<time datetime="2024-03-06T14:03:09.000Z">6 Mar 2024 14:03:09 UTC');
    assertStringIncludes(html, ">Signed in</span>");
    assertStringIncludes(html, "203.0.113.77");
    assertStringIncludes(html, '<option value="login_failed">Sign-in failed</option>');
    assertStringIncludes(html, `Deleted account</span> <code>${gone}</code>`);
    assertStringIncludes(html, 'href="/api/admin/audit/export.csv"');
  });

  await t.step("metadata is shown as text, never as markup", async () => {
    const html = await (await root.call("/admin/audit")).text();
    // Preact escapes "<" and "&" in text: enough that no tag can start.
    assertStringIncludes(html, "note:</span> &lt;script>alert(1)&lt;/script>");
    assert(!html.includes("<script>alert(1)"), "no raw script tag");
    assert(!html.includes("<b>"), "no raw markup from nested metadata");
  });

  await t.step("filters stay in the form, the export link and the page links", async () => {
    const response = await root.call(
      "/admin/audit?user=alice%40example.com&event=login&from=2024-03-01&to=2024-03-31&limit=1",
    );
    assertEquals(response.status, 200);
    const html = await response.text();
    assertStringIncludes(html, 'value="alice@example.com"');
    assertStringIncludes(html, '<option value="login" selected>Signed in</option>');
    assertStringIncludes(html, 'value="2024-03-01"');
    assertStringIncludes(html, 'value="2024-03-31"');
    const filters =
      "user=alice%40example.com&amp;from=2024-03-01&amp;to=2024-03-31&amp;event=login";
    assertStringIncludes(html, `href="/api/admin/audit/export.csv?${filters}"`);
    assertEquals(html.match(/<tbody>[\s\S]*?<\/tbody>/)![0].match(/<tr/g)!.length, 1);
    const older = new RegExp(`href="(/admin/audit\\?${filters}&amp;limit=1&amp;cursor=[\\w-]+)"`)
      .exec(html);
    assert(older, "an 'Older events' link keeping the filters");
    const next = await root.call(older[1].replaceAll("&amp;", "&"));
    const second = await next.text();
    assertStringIncludes(second, "2024-03-05T08:00:00.000Z");
    assert(!second.includes("2024-03-06T14:03:09.000Z"), "no duplicate");
    assertStringIncludes(second, `href="/admin/audit?${filters}&amp;limit=1">← Newest events`);
    assert(!second.includes("Older events"), "the last page");
  });

  await t.step("no match: a clear empty state", async () => {
    const html = await (await root.call("/admin/audit?event=role_change")).text();
    assertStringIncludes(html, "No events match these filters.");
    assert(!html.includes("<table"));
  });

  await t.step("bad filters show next to their field (422), not a 500", async () => {
    const response = await root.call("/admin/audit?user=nobody&from=2024-02-30&to=2024-01-01");
    assertEquals(response.status, 422);
    const html = await response.text();
    assertStringIncludes(html, 'id="field-user-error" class="field__error">Give an e-mail address');
    assertStringIncludes(html, 'id="field-from-error" class="field__error">Give a date');
    assertStringIncludes(html, 'value="nobody"');
    assertStringIncludes(html, "Correct the filters above to see events.");
    const ghost = await root.call("/admin/audit?user=ghost%40example.com");
    assertEquals(ghost.status, 422);
    assertStringIncludes(await ghost.text(), "No account has this e-mail address.");
    const cursor = await root.call("/admin/audit?cursor=not-a-real-cursor");
    assertEquals(cursor.status, 422);
    assertStringIncludes(await cursor.text(), "This page link is not valid (any more).");
  });
});

Deno.test("audit privacy - a document's title, file name and text never reach the log", async () => {
  await using f = await createDocumentsFixture();
  const { deps, app, alice } = f;
  await using _worker = await runWorker(deps, { concurrency: 1 });
  const [bob, root] = [await f.signUp("bob@example.com"), await f.signUp("root@example.com")];
  await deps.db.updateTable("users").set({ role: "admin" }).where("id", "=", root.userId).execute();
  const secrets = ["SECRET-TITLE-123", "SECRET-FILE-456", "SECRET-TEXT-789"];

  const id = await uploadOk(app, alice.client, samplePdf("SECRET-TEXT-789"), "SECRET-FILE-456.pdf");
  await waitForProcessed(alice.client, id);
  const rename = await alice.client.call(`/api/documents/${id}`, {
    method: "PATCH",
    json: { title: "SECRET-TITLE-123" },
  });
  assertEquals(rename.status, 200, await rename.clone().text());
  const share = await alice.client.call(`/api/documents/${id}/shares`, {
    method: "POST",
    json: { user_email: bob.email, permission: "view" },
  });
  assertEquals(share.status, 201, await share.clone().text());
  const [{ id: shareId }] = (await share.json()).shares;
  const unshare = await alice.client.call(`/api/documents/${id}/shares/${shareId}`, {
    method: "DELETE",
  });
  assertEquals(unshare.status, 204);
  assertEquals((await alice.client.call(`/api/documents/${id}`, { method: "DELETE" })).status, 204);

  const api = await getJson(root.client, `/api/admin/audit?user=${alice.email}&limit=200`);
  const types = api.body.events.map((e: { event_type: string }) => e.event_type);
  for (const type of ["upload", "share_created", "share_revoked", "delete"]) {
    assert(types.includes(type), `a ${type} event in ${types.join(", ")}`);
  }
  assert(api.body.events.some((e: { resource_id: string }) => e.resource_id === id));
  const csv = await (await root.client.call("/api/admin/audit/export.csv")).text();
  const page = await (await root.client.call(`/admin/audit?user=${alice.email}`)).text();
  for (const [where, text] of [["API", JSON.stringify(api.body)], ["CSV", csv], ["page", page]]) {
    for (const secret of secrets) assert(!text.includes(secret), `${secret} in the ${where}`);
  }
});
