/**
 * The admin 404 rule (SPEC §4.2, issue #6 point 7): every route under /api/admin and
 * /admin — found in the route manifest, so a new one is covered the day it is added —
 * answers a signed-in non-administrator (a plain user and a group admin) 404, with the
 * JSON error shape on the API, for real ids as well as unknown ones, and changes nothing.
 * Signed out, the API says 401 and pages send to the sign-in page, as everywhere else.
 */
import { sql } from "kysely";
import { routes } from "../manifest.gen.ts";
import { routeEntries } from "../lib/app/routing.ts";
import { createTestApp, createTestClient, createTestDeps } from "../lib/app/testing.ts";
import type { TestClient } from "../lib/app/testing.ts";
import { registerAccount, signUpAdmin } from "../lib/auth/auth_testing.ts";
import { ensureApps } from "../lib/apps/apps_service.ts";
import { getSetting } from "../lib/settings/settings_service.ts";
import { createGroupsRepo } from "../lib/groups/groups_repo.ts";
import { assert, assertEquals } from "../lib/shared/assert.ts";

/** The routes of the administration: `METHOD /pattern`. */
function adminRoutes(): string[] {
  return routeEntries(routes)
    .filter(({ pattern }) => pattern.startsWith("/api/admin/") || /^\/admin(\/|$)/.test(pattern))
    .flatMap(({ pattern, module }) =>
      Object.keys(module.handler ?? {}).map((method) => `${method} ${pattern}`)
    );
}

/** Every table's rows, to prove that nothing changed (sign-in bookkeeping left out). */
async function snapshot(deps: Awaited<ReturnType<typeof createTestDeps>>): Promise<string> {
  const skip = new Set([
    "sessions",
    "refresh_tokens",
    "auth_throttles",
    "audit_log",
    "kysely_migration",
    "kysely_migration_lock",
  ]);
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`
    .execute(deps.db);
  const parts: string[] = [];
  for (const { table_name } of rows.filter((r) => !skip.has(r.table_name))) {
    const { rows: content } = await sql<{ digest: string | null }>`
      select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest
      from ${sql.table(table_name)} t`.execute(deps.db);
    parts.push(`${table_name}:${content[0].digest}`);
  }
  return parts.join("\n");
}

Deno.test("admin routes - every one answers 404 to anyone but an administrator", async (t) => {
  await using deps = await createTestDeps();
  const app = await createTestApp(deps);
  const { client: root, account: rootAccount } = await signUpAdmin(app, deps);
  const user = createTestClient(app);
  const userAccount = await registerAccount(user, "user@example.com");
  const groupAdmin = createTestClient(app);
  const groupAdminAccount = await registerAccount(groupAdmin, "lead@example.com");
  const group = await createGroupsRepo(deps.db).create({ name: "Team", description: "" });
  await createGroupsRepo(deps.db).upsertMember(group.id, groupAdminAccount.id, true);
  await createGroupsRepo(deps.db).upsertMember(group.id, userAccount.id, false);
  const job = await deps.db.insertInto("jobs").values({
    kind: "test.nothing",
    status: "dead",
    attempts: 5,
    last_error: "failed",
    finished_at: new Date(),
  } as never).returning("id").executeTakeFirstOrThrow();
  /** Real things of the instance a path parameter may name, and an unknown id. */
  const values = [
    rootAccount.id,
    userAccount.id,
    group.id,
    job.id,
    "default",
    "documents",
    crypto.randomUUID(),
  ];
  const body = { name: "Taken over", role: "admin", is_active: false, email: "user@example.com" };
  const found = adminRoutes();

  await t.step("the administration has its routes (the rule is not vacuous)", () => {
    for (const route of ["GET /api/admin/groups", "POST /api/admin/groups", "GET /admin/health"]) {
      assert(found.includes(route), `${route} in ${found.join(", ")}`);
    }
  });

  // What start-up creates (the apps and their admin groups), before the snapshot.
  await ensureApps(deps);
  const before = await snapshot(deps);
  for (const [who, client] of [["user", user], ["group admin", groupAdmin]] as const) {
    await t.step(`a ${who} gets 404 from all ${found.length} of them`, async () => {
      const wrong: string[] = [];
      for (const route of found) {
        const [method, pattern] = route.split(" ");
        const paths = new Set(
          pattern.includes(":")
            ? values.map((v) => pattern.replace(/:[a-z_]+(\{[^}]*\})?/g, v))
            : [pattern],
        );
        for (const path of paths) {
          const response = await (client as TestClient).call(path, {
            method,
            redirect: "manual",
            ...(["GET", "HEAD"].includes(method) ? {} : { json: body }),
          });
          const text = await response.text();
          if (response.status !== 404) wrong.push(`${method} ${path} → ${response.status}`);
          else if (path.startsWith("/api/")) {
            const error = JSON.parse(text).error;
            if (typeof error?.code !== "string") wrong.push(`${method} ${path}: ${text}`);
          }
        }
      }
      assertEquals(wrong, []);
    });
  }

  await t.step("signed out: 401 from the API, the sign-in page for pages", async () => {
    const anonymous = createTestClient(app);
    for (const route of found) {
      const [method, pattern] = route.split(" ");
      const path = pattern.replace(/:[a-z_]+(\{[^}]*\})?/g, crypto.randomUUID());
      const response = await anonymous.call(path, {
        method,
        redirect: "manual",
        ...(["GET", "HEAD"].includes(method) ? {} : { json: body }),
      });
      await response.body?.cancel();
      if (path.startsWith("/api/")) assertEquals(response.status, 401, route);
      else if (method === "GET") {
        assertEquals(response.status, 303, route);
        assert(response.headers.get("location")?.startsWith("/login?next="), route);
      } else assert([401, 403, 303].includes(response.status), `${route}: ${response.status}`);
    }
  });

  await t.step("and nothing changed anywhere", async () => {
    assertEquals(await snapshot(deps), before);
  });

  await t.step(
    "while the administrator reaches them (the 404s are the rule, not a bug)",
    async () => {
      for (const path of found.filter((r) => r.startsWith("GET ") && !r.includes(":"))) {
        const response = await root.call(path.slice(4), { redirect: "manual" });
        await response.body?.cancel();
        assert([200, 303].includes(response.status), `${path} → ${response.status}`);
      }
    },
  );

  await t.step("no admin answer holds the stored AI key, in any form", async () => {
    const key = "sk-admin-scan-SECRETPART-9f8e7d6c";
    const saved = await root.call("/api/admin/settings/ai", {
      method: "PUT",
      json: { base_url: "http://127.0.0.1:9/v1", model: "tiny", api_key: key },
    });
    assertEquals(saved.status, 200, await saved.clone().text());
    const stored = await getSetting(deps, "ai_provider");
    const encrypted = stored!.api_key_encrypted!;
    const secrets = [
      key,
      "SECRETPART",
      encrypted,
      ...encrypted.split(".").filter((p) => p.length > 8),
    ];
    const leaks: string[] = [];
    const check = (what: string, text: string) => {
      for (const secret of secrets) {
        if (text.includes(secret)) leaks.push(`${what} holds ${secret}`);
      }
    };
    check("PUT /api/admin/settings/ai", await saved.text());
    for (const route of found.filter((r) => r.startsWith("GET "))) {
      const pattern = route.slice(4);
      const paths = new Set(values.map((v) => pattern.replace(/:[a-z_]+(\{[^}]*\})?/g, v)));
      for (const path of paths) {
        const response = await root.call(path, { redirect: "manual" });
        const headers = [...response.headers].map(([k, v]) => `${k}: ${v}`).join("\n");
        check(`GET ${path}`, `${headers}\n${await response.text()}`);
      }
    }
    assertEquals(leaks, []);
  });
});
