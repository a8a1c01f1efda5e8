/** All SQL on folders, always scoped by their owner. */
import { type Kysely, type Selectable, sql } from "kysely";
import { isUniqueViolation } from "../app/db.ts";
import { isSelfOrDescendant } from "../app/tree_sql.ts";
import type { Database, FoldersTable } from "../app/db_schema.ts";
import { AlreadyExistsError } from "../shared/errors.ts";

export type FolderRow = Selectable<FoldersTable>;

function conflict(error: unknown): never {
  if (isUniqueViolation(error)) {
    throw new AlreadyExistsError("A folder with this name already exists here.");
  }
  throw error;
}

export function createFoldersRepo(db: Kysely<Database>) {
  return {
    async list(userId: string): Promise<FolderRow[]> {
      return await db.selectFrom("folders").selectAll().where("user_id", "=", userId).orderBy(
        "name",
      ).execute();
    },

    async findOwned(userId: string, id: string): Promise<FolderRow | undefined> {
      return await db.selectFrom("folders").selectAll().where("id", "=", id).where(
        "user_id",
        "=",
        userId,
      )
        .executeTakeFirst();
    },

    async countsFor(userId: string): Promise<Map<string, number>> {
      const rows = await db.selectFrom("documents").select([
        "folder_id",
        (eb) => eb.fn.countAll<number>().as("n"),
      ])
        .where("user_id", "=", userId).where("folder_id", "is not", null).where(
          "status",
          "<>",
          "pending",
        )
        .groupBy("folder_id").execute();
      return new Map(rows.map((r) => [r.folder_id!, Number(r.n)]));
    },

    async create(
      folder: { userId: string; parentId: string | null; name: string },
    ): Promise<FolderRow> {
      try {
        return await db.insertInto("folders")
          .values({ user_id: folder.userId, parent_id: folder.parentId, name: folder.name })
          .returningAll().executeTakeFirstOrThrow();
      } catch (error) {
        conflict(error);
      }
    },

    async update(
      id: string,
      changes: { name?: string; parentId?: string | null },
    ): Promise<FolderRow> {
      try {
        return await db.updateTable("folders").set({
          ...(changes.name !== undefined && { name: changes.name }),
          ...(changes.parentId !== undefined && { parent_id: changes.parentId }),
          updated_at: sql`now()`,
        }).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
      } catch (error) {
        conflict(error);
      }
    },

    /** Whether `candidate` is `id` itself or one of its descendants (moves must not loop). */
    isSelfOrDescendant(id: string, candidate: string): Promise<boolean> {
      return isSelfOrDescendant(db, "folders", id, candidate);
    },

    async withDescendants(userId: string, id: string): Promise<string[]> {
      const { rows } = await sql<{ id: string }>`
        with recursive tree as (
          select id from folders where id = ${id} and user_id = ${userId}
          union
          select f.id from folders f join tree t on f.parent_id = t.id
        )
        select id from tree
      `.execute(db);
      return rows.map((r) => r.id);
    },

    /**
     * Delete a folder: its sub-folders and documents move up to its parent. Names that
     * would clash in the parent keep their folder by getting a suffix.
     */
    async deleteMovingUp(folder: FolderRow): Promise<void> {
      await db.updateTable("documents").set({ folder_id: folder.parent_id, updated_at: sql`now()` })
        .where("folder_id", "=", folder.id).execute();
      const children = await db.selectFrom("folders").selectAll().where("parent_id", "=", folder.id)
        .execute();
      for (const child of children) {
        let name = child.name;
        for (let n = 2;; n++) {
          const clash = await db.selectFrom("folders").select("id")
            .where("user_id", "=", folder.user_id).where("name", "=", name)
            .where((eb) =>
              folder.parent_id === null
                ? eb("parent_id", "is", null)
                : eb("parent_id", "=", folder.parent_id)
            )
            .executeTakeFirst();
          if (!clash) break;
          name = `${child.name.slice(0, 120)} (${n})`;
        }
        await db.updateTable("folders").set({
          parent_id: folder.parent_id,
          name,
          updated_at: sql`now()`,
        })
          .where("id", "=", child.id).execute();
      }
      await db.deleteFrom("folders").where("id", "=", folder.id).execute();
    },
  };
}
