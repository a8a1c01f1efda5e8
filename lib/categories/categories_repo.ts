/**
 * All SQL on categories. A user sees the system categories (user_id null) and their own;
 * every query says so in SQL.
 */
import { type Kysely, type Selectable, sql } from "kysely";
import { isUniqueViolation } from "../app/db.ts";
import { isSelfOrDescendant } from "../app/tree_sql.ts";
import type { CategoriesTable, Database } from "../app/db_schema.ts";
import { AlreadyExistsError } from "../shared/errors.ts";

export type CategoryRow = Selectable<CategoriesTable>;

export function createCategoriesRepo(db: Kysely<Database>) {
  const visible = (userId: string) =>
    db.selectFrom("categories").selectAll()
      .where((eb) => eb.or([eb("user_id", "is", null), eb("user_id", "=", userId)]));

  return {
    async listVisible(userId: string): Promise<CategoryRow[]> {
      return await visible(userId).orderBy("name").execute();
    },

    async findVisible(userId: string, id: string): Promise<CategoryRow | undefined> {
      return await visible(userId).where("id", "=", id).executeTakeFirst();
    },

    async findVisibleMany(userId: string, ids: string[]): Promise<CategoryRow[]> {
      if (ids.length === 0) return [];
      return await visible(userId).where("id", "in", ids).execute();
    },

    /** Document counts per category, over the user's own documents only. */
    async countsFor(userId: string): Promise<Map<string, number>> {
      const rows = await db.selectFrom("document_categories as dc")
        .innerJoin("documents as d", "d.id", "dc.document_id")
        .select(["dc.category_id", (eb) => eb.fn.countAll<number>().as("n")])
        .where("d.user_id", "=", userId).where("d.status", "<>", "pending")
        .groupBy("dc.category_id").execute();
      return new Map(rows.map((r) => [r.category_id, Number(r.n)]));
    },

    async create(
      category: { userId: string | null; parentId: string | null; name: string },
    ): Promise<CategoryRow> {
      try {
        return await db.insertInto("categories")
          .values({ user_id: category.userId, parent_id: category.parentId, name: category.name })
          .returningAll().executeTakeFirstOrThrow();
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new AlreadyExistsError("A category with this name already exists here.");
        }
        throw error;
      }
    },

    async update(
      id: string,
      changes: { name?: string; parentId?: string | null },
    ): Promise<CategoryRow> {
      try {
        return await db.updateTable("categories")
          .set({
            ...(changes.name !== undefined && { name: changes.name }),
            ...(changes.parentId !== undefined && { parent_id: changes.parentId }),
            updated_at: sql`now()`,
          })
          .where("id", "=", id).returningAll().executeTakeFirstOrThrow();
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new AlreadyExistsError("A category with this name already exists here.");
        }
        throw error;
      }
    },

    /** Whether `candidate` is `id` itself or one of its descendants (moves must not loop). */
    isSelfOrDescendant(id: string, candidate: string): Promise<boolean> {
      return isSelfOrDescendant(db, "categories", id, candidate);
    },

    /** Delete a category: its children move up to its parent; documents lose it. */
    async deleteReparenting(id: string, parentId: string | null): Promise<void> {
      await db.updateTable("categories").set({ parent_id: parentId, updated_at: sql`now()` })
        .where("parent_id", "=", id).execute();
      await db.deleteFrom("categories").where("id", "=", id).execute();
    },

    /** The ids of these categories and all their descendants that the user can see. */
    async withDescendants(userId: string, ids: string[]): Promise<string[]> {
      if (ids.length === 0) return [];
      const { rows } = await sql<{ id: string }>`
        with recursive tree as (
          select id from categories
          where id in (${sql.join(ids)}) and (user_id is null or user_id = ${userId})
          union
          select c.id from categories c join tree t on c.parent_id = t.id
          where c.user_id is null or c.user_id = ${userId}
        )
        select id from tree
      `.execute(db);
      return rows.map((r) => r.id);
    },
  };
}

export type CategoriesRepo = ReturnType<typeof createCategoriesRepo>;
