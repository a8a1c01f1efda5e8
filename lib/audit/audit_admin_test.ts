/**
 * The administrators' audit log (SPEC §4.2, issue #6 point 3) through the API, on PGlite
 * and (with TEST_DATABASE_URL) PostgreSQL: filters (user on either side, actor, event,
 * inclusive dates, together), keyset pages with ties and microsecond timestamps, bad
 * input, event types, and 404 for anyone who is not an administrator. The CSV export,
 * the page and the privacy walk are in audit_admin_export_test.ts.
 */
import { sql } from "kysely";
import { createTestClient, createTestDeps, type TestClient } from "../app/testing.ts";
import { invalidFields } from "../auth/auth_testing.ts";
import { assert, assertEquals } from "../shared/assert.ts";
import { getJson, seedEvents, setUpAdmin } from "./audit_testing.ts";

/** Every event id a query finds, following the cursor page by page. */
async function allIds(client: TestClient, query: string, limit = 200): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const path: string = `/api/admin/audit?${query}&limit=${limit}` +
      (cursor ? `&cursor=${cursor}` : "");
    const { status, body } = await getJson(client, path);
    assertEquals(status, 200, JSON.stringify(body));
    assert(body.events.length <= limit);
    ids.push(...body.events.map((e: { id: number }) => e.id));
    cursor = body.next_cursor;
  } while (cursor);
  return ids;
}

Deno.test("audit admin - filters by user (either side), actor, event, dates and together", async (t) => {
  await using deps = await createTestDeps();
  const { root, rootId, aliceId, bobId } = await setUpAdmin(deps);
  const gone = crypto.randomUUID();
  const [e1, e2, e3, e4, e5, e6, e7] = await seedEvents(deps, [
    { type: "login", at: "2024-03-04T23:59:59.999Z", user: aliceId },
    { type: "login_failed", at: "2024-03-05T00:00:00.000Z", user: aliceId },
    { type: "group_member_added", at: "2024-03-05T12:00:00Z", user: bobId, actor: aliceId },
    { type: "logout", at: "2024-03-06T23:59:59.999Z", user: bobId },
    { type: "login", at: "2024-03-07T00:00:00Z", user: bobId },
    {
      type: "password_reset",
      at: "2024-03-06T10:00:00Z",
      user: aliceId,
      actor: rootId,
      ip: "203.0.113.9",
      userAgent: "Admin/2.0",
      resource: "r-1",
      metadata: { reason: "forgotten", count: 2 },
    },
    { type: "delete", at: "2024-03-06T11:00:00Z", user: gone },
  ]);
  const registered = async (id: string) =>
    (await deps.db.selectFrom("audit_log").select("id").where("user_id", "=", id)
      .where("event_type", "=", "register").execute()).map((r) => Number(r.id));
  const aliceRegistered = await registered(aliceId);
  assertEquals(aliceRegistered.length, 1);

  await t.step("an event names both accounts with their e-mails, newest first", async () => {
    const { status, body } = await getJson(root, "/api/admin/audit?event=password_reset");
    assertEquals(status, 200);
    assertEquals(body.next_cursor, null);
    assertEquals(body.events, [{
      id: e6,
      created_at: "2024-03-06T10:00:00.000Z",
      event_type: "password_reset",
      user: { id: aliceId, email: "alice@example.com" },
      actor: { id: rootId, email: "root@example.com" },
      resource_id: "r-1",
      ip: "203.0.113.9",
      user_agent: "Admin/2.0",
      metadata: { reason: "forgotten", count: 2 },
    }]);
    const whole = await allIds(root, "");
    const times = (await deps.db.selectFrom("audit_log").select(["id", "created_at"])
      .orderBy("created_at", "desc").orderBy("id", "desc").execute()).map((r) => Number(r.id));
    assertEquals(whole, times);
  });

  await t.step("user = about them or by them, by e-mail (any case) or id", async () => {
    const expected = [...aliceRegistered, e6, e3, e2, e1];
    assertEquals(await allIds(root, "user=alice@example.com"), expected);
    assertEquals(await allIds(root, "user=%20ALICE@Example.com%20"), expected);
    assertEquals(await allIds(root, `user=${aliceId}`), expected);
    assertEquals(await allIds(root, `user=${aliceId.toUpperCase()}`), expected);
  });

  await t.step("actor = what they did; a deleted account is found by its id", async () => {
    assertEquals(await allIds(root, "actor=root@example.com&to=2024-12-31"), [e6]);
    assertEquals(await allIds(root, "user=bob@example.com&actor=alice@example.com"), [e3]);
    const { body } = await getJson(root, `/api/admin/audit?user=${gone}`);
    assertEquals(body.events.map((e: { id: number }) => e.id), [e7]);
    assertEquals(body.events[0].user, { id: gone, email: null });
    assertEquals(body.events[0].actor, { id: gone, email: null });
  });

  await t.step("event: one, several (repeated or comma-separated)", async () => {
    const old = "to=2024-12-31";
    assertEquals(await allIds(root, `event=login&${old}`), [e5, e1]);
    assertEquals(await allIds(root, `event=login,logout&${old}`), [e5, e4, e1]);
    assertEquals(await allIds(root, `event=login&event=logout&${old}`), [e5, e4, e1]);
    assertEquals(await allIds(root, `event=login&event=login,login&${old}`), [e5, e1]);
    assertEquals(await allIds(root, "event=quota_change"), []);
  });

  await t.step("dates are inclusive whole UTC days; date-times are exact", async () => {
    assertEquals(await allIds(root, "from=2024-03-05&to=2024-03-06"), [e4, e7, e6, e3, e2]);
    assertEquals(await allIds(root, "from=2024-03-05&to=2024-03-05"), [e3, e2]);
    assertEquals(await allIds(root, "to=2024-03-04"), [e1]);
    assertEquals(await allIds(root, "from=2024-03-07&to=2024-12-31"), [e5]);
    assertEquals(
      await allIds(root, "from=2024-03-05T12:00:00Z&to=2024-03-06T10:00:00Z"),
      [e6, e3],
    );
    assertEquals(
      await allIds(root, `from=${encodeURIComponent("2024-03-05T13:00:00+01:00")}&to=2024-03-05`),
      [e3],
    );
    assertEquals(await allIds(root, "from=2024-03-06T23:59:59.999&to=2024-03-07T00:00"), [e5, e4]);
  });

  await t.step("filters combine", async () => {
    assertEquals(
      await allIds(
        root,
        "user=alice@example.com&event=login_failed,password_reset,login&from=2024-03-05",
      ),
      [e6, e2],
    );
    assertEquals(await allIds(root, "user=bob@example.com&event=login&to=2024-03-06"), []);
  });

  await t.step("bad input is a 422 naming each field; an unknown e-mail too", async () => {
    const bad = await root.call(
      "/api/admin/audit?user=nobody&event=Bad!&from=2024-02-30&limit=0",
    );
    assertEquals((await invalidFields(bad)).sort(), ["event.0", "from", "limit", "user"]);
    const backwards = await root.call("/api/admin/audit?from=2024-03-06&to=2024-03-05");
    assertEquals(await invalidFields(backwards), ["to"]);
    const tooMany = await root.call("/api/admin/audit?limit=201");
    assertEquals(await invalidFields(tooMany), ["limit"]);
    const unknown = await root.call("/api/admin/audit?user=ghost@example.com");
    const body = await unknown.clone().json();
    assertEquals(await invalidFields(unknown), ["user"]);
    assert(body.error.details.fields[0].message.includes("No account has this e-mail address"));
    const stray = await root.call("/api/admin/audit?sort=asc");
    assertEquals(unknown.status, 422);
    assertEquals(stray.status, 422);
  });
});

Deno.test("audit admin - keyset pages: no duplicates or gaps across ties and microseconds", async (t) => {
  await using deps = await createTestDeps();
  const { root } = await setUpAdmin(deps);
  // 130 events, three to a timestamp, seven microseconds apart: within one millisecond,
  // so a cursor that kept only milliseconds would skip or repeat rows.
  await sql`
    insert into audit_log (event_type, created_at, metadata)
    select 'login', timestamptz '2024-05-01 10:00:00.000001+00' + (i / 3) * interval '7 microseconds',
      jsonb_build_object('n', i)
    from generate_series(0, 129) as i
  `.execute(deps.db);
  const expected = (await sql<{ id: number }>`
    select id from audit_log where event_type = 'login' and created_at < '2025-01-01'
    order by created_at desc, id desc
  `.execute(deps.db)).rows.map((r) => Number(r.id));
  assertEquals(expected.length, 130);

  await t.step("50 a page by default, then the rest, in order", async () => {
    const first = await getJson(root, "/api/admin/audit?event=login&to=2024-12-31");
    assertEquals(first.body.events.length, 50);
    assert(/^[A-Za-z0-9_-]+$/.test(first.body.next_cursor), "opaque base64url");
    for (const limit of [7, 50, 129, 130, 200]) {
      assertEquals(await allIds(root, "event=login&to=2024-12-31", limit), expected, `${limit}`);
    }
    const whole = await getJson(root, "/api/admin/audit?event=login&to=2024-12-31&limit=130");
    assertEquals(whole.body.next_cursor, null, "no empty last page");
  });

  await t.step("a tampered or foreign cursor is a 422, not a 500", async () => {
    const { body } = await getJson(root, "/api/admin/audit?limit=2");
    const good: string = body.next_cursor;
    const json = (value: unknown) =>
      btoa(JSON.stringify(value)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
    for (
      const cursor of [
        "garbage!",
        good.slice(0, -3),
        `${good}x`,
        json(["2024-05-01T10:00:00Z", 1]),
        json(["2024-05-01T10:00:00.000001Z", -1]),
        json(["2024-13-45T10:00:00.000001Z", 5]),
        json({ at: "2024-05-01T10:00:00.000001Z", id: 5 }),
        json(["2024-05-01T10:00:00.000001Z", "5; drop table audit_log"]),
      ]
    ) {
      const response = await root.call(`/api/admin/audit?cursor=${encodeURIComponent(cursor)}`);
      assertEquals(await invalidFields(response), ["cursor"], cursor);
    }
    assertEquals((await root.call(`/api/admin/audit?cursor=${good}`)).status, 200);
  });
});

Deno.test("audit admin - event types: those in the log and the known ones, with labels", async () => {
  await using deps = await createTestDeps();
  const { root } = await setUpAdmin(deps);
  await seedEvents(deps, [{ type: "storage_migration", at: "2024-01-01T00:00:00Z" }]);
  const { status, body } = await getJson(root, "/api/admin/audit/event-types");
  assertEquals(status, 200);
  const byType = new Map(
    body.event_types.map((e: { event_type: string }) => [e.event_type, e] as const),
  );
  assertEquals(byType.get("login"), { event_type: "login", label: "Signed in", present: true });
  assertEquals(byType.get("login_failed"), {
    event_type: "login_failed",
    label: "Sign-in failed",
    present: false,
  });
  assertEquals(byType.get("storage_migration"), {
    event_type: "storage_migration",
    label: "Storage migration",
    present: true,
  });
  const labels = body.event_types.map((e: { label: string }) => e.label);
  assertEquals(labels, [...labels].sort((a, b) => a.localeCompare(b, "en")));
  assertEquals(new Set(labels).size, labels.length);
});

Deno.test("audit admin - anyone but an administrator finds nothing (404)", async () => {
  await using deps = await createTestDeps();
  const { app, alice } = await setUpAdmin(deps);
  for (
    const path of [
      "/admin/audit",
      "/admin/audit?user=root@example.com",
      "/api/admin/audit",
      "/api/admin/audit?limit=0",
      "/api/admin/audit/event-types",
      "/api/admin/audit/export.csv",
      "/api/admin/audit/export.csv?from=nonsense",
    ]
  ) {
    const response = await alice.call(path);
    assertEquals(response.status, 404, path);
    assert(!(await response.text()).includes("root@example.com"), path);
  }
  const anonymous = createTestClient(app);
  assertEquals((await anonymous.call("/api/admin/audit")).status, 401);
  assertEquals((await anonymous.call("/api/admin/audit/export.csv")).status, 401);
  assertEquals((await anonymous.call("/admin/audit")).status, 303);
});
