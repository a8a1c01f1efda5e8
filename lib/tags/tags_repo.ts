/** All SQL on tags. Tags are per user; names are unique per user, case-insensitively. */
import { type Kysely, type Selectable, sql } from "kysely";
import type { Database, TagsTable } from "../app/db_schema.ts";

export type TagRow = Selectable<TagsTable>;

export function createTagsRepo(db: Kysely<Database>) {
  return {
    /** The user's tags with how many of their documents carry each; `prefix` filters. */
    async list(userId: string, prefix?: string): Promise<(TagRow & { document_count: number })[]> {
      let query = db.selectFrom("tags as t")
        .leftJoin("document_tags as dt", "dt.tag_id", "t.id")
        .selectAll("t")
        .select((eb) => eb.fn.count<number>("dt.document_id").as("document_count"))
        .where("t.user_id", "=", userId)
        .groupBy("t.id")
        .orderBy(sql`lower(t.name)`).orderBy("t.name");
      if (prefix) {
        query = query.where(
          sql<boolean>`lower(t.name) like ${prefix.toLowerCase().replace(/[\\%_]/g, "\\$&") + "%"}`,
        );
      }
      return (await query.execute()).map((r) => ({
        ...r,
        document_count: Number(r.document_count),
      }));
    },

    /** Names only, no counts: cheap enough for every page. */
    async names(userId: string): Promise<{ id: string; name: string }[]> {
      return await db.selectFrom("tags").select(["id", "name"]).where("user_id", "=", userId)
        .orderBy(sql`lower(name)`).orderBy("name").execute();
    },

    async findOwned(userId: string, id: string): Promise<TagRow | undefined> {
      return await db.selectFrom("tags").selectAll().where("id", "=", id).where(
        "user_id",
        "=",
        userId,
      )
        .executeTakeFirst();
    },

    async findByName(userId: string, name: string): Promise<TagRow | undefined> {
      return await db.selectFrom("tags").selectAll().where("user_id", "=", userId)
        .where(sql<boolean>`lower(name) = lower(${name})`).executeTakeFirst();
    },

    /** The user's tag with this name (any case), created if missing. */
    async findOrCreate(userId: string, name: string): Promise<TagRow> {
      const inserted = await db.insertInto("tags").values({ user_id: userId, name })
        .onConflict((oc) => oc.expression(sql`user_id, lower(name)`).doNothing())
        .returningAll().executeTakeFirst();
      return inserted ?? (await this.findByName(userId, name))!;
    },

    async rename(id: string, name: string): Promise<TagRow> {
      return await db.updateTable("tags").set({ name }).where("id", "=", id).returningAll()
        .executeTakeFirstOrThrow();
    },

    /** Move every document of `fromId` to `intoId`, then delete `fromId`. */
    async merge(fromId: string, intoId: string): Promise<void> {
      await sql`
        insert into document_tags (document_id, tag_id)
        select document_id, ${intoId} from document_tags where tag_id = ${fromId}
        on conflict do nothing
      `.execute(db);
      await db.deleteFrom("tags").where("id", "=", fromId).execute();
    },

    async delete(id: string): Promise<void> {
      await db.deleteFrom("tags").where("id", "=", id).execute();
    },
  };
}
