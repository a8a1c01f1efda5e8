import type { Kysely } from "kysely";
import { sql } from "kysely";
import { migrateToLatest, migrateToNone, migrationStatus } from "../lib/app/migrator.ts";
import { createTestDeps } from "../lib/app/testing.ts";
import { assert, assertEquals } from "../lib/shared/assert.ts";
import { migrations } from "./mod.ts";

async function tables(db: Kysely<unknown>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_name not like 'kysely_%' order by 1
  `.execute(db);
  return rows.map((r) => r.name);
}

Deno.test("migrations - mod.ts lists every migration file, in order", async () => {
  const files = (await Array.fromAsync(Deno.readDir(new URL(".", import.meta.url))))
    .map((e) => e.name)
    .filter((name) => /^\d{4}_.*\.ts$/.test(name))
    .map((name) => name.replace(/\.ts$/, ""))
    .sort();
  assertEquals(Object.keys(migrations), files);
  for (const name of files) assert(/^\d{4}_[a-z0-9_]+$/.test(name), `${name} is NNNN_snake_name`);
});

Deno.test("migrations - up, down to nothing, and up again", async () => {
  await using deps = await createTestDeps();
  const db = deps.db as Kysely<unknown>;
  const logger = deps.logger;
  const before = await tables(db);
  assert(before.includes("jobs"));
  assert((await migrationStatus(db)).every((m) => m.executedAt !== null), "all applied");

  await migrateToNone(db, logger);
  assertEquals(await tables(db), [], "down removes everything up created");
  assert((await migrationStatus(db)).every((m) => m.executedAt === null));

  const applied = await migrateToLatest(db, logger);
  assertEquals(applied, Object.keys(migrations));
  assertEquals(await tables(db), before, "up again restores the same tables");
});

Deno.test("migrations - a search row keeps its small columns in line", async () => {
  // document_search moves its text vectors out of line (toast_tuple_target 128); the
  // labels and the sort key must stay in the row, or every facet count and title sort
  // reads them back one toast lookup at a time. A column type change resets the storage,
  // so this holds only if each migration that rewrites a column sets it again.
  await using deps = await createTestDeps();
  const { rows } = await sql<{ name: string; storage: string }>`
    select attname as name, attstorage as storage from pg_attribute
    where attrelid = 'document_search'::regclass and attnum > 0 and not attisdropped
      and attname in ('facet_keys', 'title_key', 'search', 'search_head')
    order by attname
  `.execute(deps.db);
  assertEquals(rows, [
    { name: "facet_keys", storage: "m" },
    { name: "search", storage: "x" },
    { name: "search_head", storage: "x" },
    { name: "title_key", storage: "m" },
  ]);
});
