import { sql } from "kysely";
import { assert, assertEquals, assertRejects } from "../shared/assert.ts";
import { sleep } from "../shared/clock.ts";
import { isUniqueViolation, jsonb } from "./db.ts";
import { createTestDeps } from "./testing.ts";

// deno-lint-ignore no-explicit-any
type AnyDb = any;

Deno.test("db - values round-trip with the same JS types on both engines", async () => {
  await using deps = await createTestDeps();
  const db = deps.db as AnyDb;
  await sql`create table t_types (id int primary key, data jsonb, big int8, at timestamptz)`
    .execute(db);
  const data = { text: `it's "quoted" — ünïcode`, list: [1, 2], nested: { ok: true } };
  await db.insertInto("t_types").values({
    id: 1,
    data: jsonb(data),
    big: 52_428_800,
    at: new Date("2026-03-04T05:06:07.890Z"),
  }).execute();
  const row = await db.selectFrom("t_types").selectAll().executeTakeFirstOrThrow();
  assertEquals(row.data, data, "jsonb comes back as the object, not a string");
  assertEquals(row.big, 52_428_800, "int8 comes back as a number");
  assert(row.at instanceof Date);
  assertEquals(row.at.toISOString(), "2026-03-04T05:06:07.890Z");
  const { rows } = await sql<{ n: number }>`select count(*) as n from t_types`.execute(db);
  assertEquals(rows[0].n, 1, "count(*) is a number");
});

Deno.test("db - a unique violation is recognised whichever engine raised it", async () => {
  await using deps = await createTestDeps();
  await sql`create table t_unique (name text unique)`.execute(deps.db);
  await sql`insert into t_unique values ('a')`.execute(deps.db);
  const error = await assertRejects(() => sql`insert into t_unique values ('a')`.execute(deps.db));
  assert(isUniqueViolation(error));
});

Deno.test("db - concurrent transactions are isolated, including on single-connection PGlite", async () => {
  await using deps = await createTestDeps();
  const db = deps.db as AnyDb;
  await sql`create table t_counter (id int primary key, n int not null)`.execute(db);
  await sql`insert into t_counter values (1, 0)`.execute(db);
  await Promise.all(
    Array.from({ length: 20 }, () =>
      db.transaction().execute(async (trx: AnyDb) => {
        const { n } = await trx.selectFrom("t_counter").select("n").where("id", "=", 1)
          .forUpdate().executeTakeFirstOrThrow();
        await sleep(1);
        await trx.updateTable("t_counter").set({ n: n + 1 }).where("id", "=", 1).execute();
      })),
  );
  const { n } = await db.selectFrom("t_counter").select("n").executeTakeFirstOrThrow();
  assertEquals(n, 20, "no lost updates");
});

Deno.test("db - a query outside a transaction never runs inside another one", async () => {
  await using deps = await createTestDeps();
  const db = deps.db as AnyDb;
  await sql`create table t_rows (name text)`.execute(db);
  let release!: () => void;
  const inside = new Promise<void>((resolve) => (release = resolve));
  const rolledBack = db.transaction().execute(async (trx: AnyDb) => {
    await trx.insertInto("t_rows").values({ name: "in-transaction" }).execute();
    await inside;
    throw new Error("roll back");
  }).catch(() => "rolled back");
  // While the transaction is open, another request writes outside it.
  const outside = db.insertInto("t_rows").values({ name: "outside" }).execute();
  await sleep(20);
  release();
  assertEquals(await rolledBack, "rolled back");
  await outside;
  const names = (await db.selectFrom("t_rows").select("name").execute()).map((
    r: { name: string },
  ) => r.name);
  assertEquals(names, ["outside"], "the outside write survived the other transaction's rollback");
});
