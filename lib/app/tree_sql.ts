/** Queries over the tables that store a tree as `parent_id` (categories, folders). */
import { type Kysely, sql } from "kysely";
import type { Database } from "./db_schema.ts";

export type TreeTable = "categories" | "folders";

/** Whether `candidate` is `id` itself or one of its descendants: a move there would loop. */
export async function isSelfOrDescendant(
  db: Kysely<Database>,
  table: TreeTable,
  id: string,
  candidate: string,
): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    with recursive tree as (
      select id from ${sql.table(table)} where id = ${id}
      union all
      select child.id from ${sql.table(table)} child join tree t on child.parent_id = t.id
    )
    select exists (select 1 from tree where id = ${candidate}) as found
  `.execute(db);
  return rows[0].found;
}
