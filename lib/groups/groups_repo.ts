/** All SQL on groups and their members. */
import { type Kysely, type Selectable, sql } from "kysely";
import { isUniqueViolation } from "../app/db.ts";
import type { Database, GroupsTable } from "../app/db_schema.ts";
import { AlreadyExistsError } from "../shared/errors.ts";

export type GroupRow = Selectable<GroupsTable>;

export interface MemberRow {
  user_id: string;
  email: string;
  full_name: string;
  is_group_admin: boolean;
  added_at: Date;
}

function nameTaken(error: unknown): never {
  if (isUniqueViolation(error)) throw new AlreadyExistsError("A group with this name exists.");
  throw error;
}

export function createGroupsRepo(db: Kysely<Database>) {
  return {
    /** Every group with its member count, by name; `q` filters by name. */
    async list(q?: string): Promise<(GroupRow & { member_count: number })[]> {
      let query = db.selectFrom("groups as g")
        .leftJoin("group_members as m", "m.group_id", "g.id")
        .selectAll("g")
        .select((eb) => eb.fn.count<number>("m.user_id").as("member_count"))
        .groupBy("g.id")
        .orderBy(sql`lower(g.name)`);
      if (q) {
        query = query.where(
          sql<boolean>`lower(g.name) like ${
            "%" + q.toLowerCase().replace(/[\\%_]/g, "\\$&") + "%"
          }`,
        );
      }
      return (await query.execute()).map((r) => ({ ...r, member_count: Number(r.member_count) }));
    },

    async find(id: string): Promise<GroupRow | undefined> {
      return await db.selectFrom("groups").selectAll().where("id", "=", id).executeTakeFirst();
    },

    async create(input: { name: string; description: string }): Promise<GroupRow> {
      return await db.insertInto("groups").values(input).returningAll().executeTakeFirstOrThrow()
        .catch(nameTaken);
    },

    async update(
      id: string,
      changes: { name?: string; description?: string },
    ): Promise<GroupRow | undefined> {
      return await db.updateTable("groups").set({ ...changes, updated_at: sql`now()` })
        .where("id", "=", id).returningAll().executeTakeFirst().catch(nameTaken);
    },

    async delete(id: string): Promise<boolean> {
      const result = await db.deleteFrom("groups").where("id", "=", id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async members(groupId: string): Promise<MemberRow[]> {
      return await db.selectFrom("group_members as m").innerJoin("users as u", "u.id", "m.user_id")
        .select(["m.user_id", "u.email", "u.full_name", "m.is_group_admin", "m.added_at"])
        .where("m.group_id", "=", groupId)
        .orderBy(sql`lower(u.full_name)`).orderBy("u.email").execute();
    },

    async membership(groupId: string, userId: string) {
      return await db.selectFrom("group_members").selectAll()
        .where("group_id", "=", groupId).where("user_id", "=", userId).executeTakeFirst();
    },

    /** Add a member (or change their admin flag when they are one already). */
    async upsertMember(groupId: string, userId: string, isGroupAdmin: boolean): Promise<void> {
      await db.insertInto("group_members")
        .values({ group_id: groupId, user_id: userId, is_group_admin: isGroupAdmin })
        .onConflict((oc) =>
          oc.columns(["group_id", "user_id"]).doUpdateSet({ is_group_admin: isGroupAdmin })
        ).execute();
    },

    async removeMember(groupId: string, userId: string): Promise<boolean> {
      const result = await db.deleteFrom("group_members").where("group_id", "=", groupId)
        .where("user_id", "=", userId).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    /** The people who share a group with `userId` (never the whole user list). */
    async contactsOf(userId: string) {
      return await db.selectFrom("group_members as mine")
        .innerJoin("group_members as theirs", "theirs.group_id", "mine.group_id")
        .innerJoin("users as u", "u.id", "theirs.user_id")
        .select(["u.id", "u.email", "u.full_name"]).distinct()
        .where("mine.user_id", "=", userId).where("u.id", "<>", userId)
        .where("u.is_active", "=", true)
        .orderBy("u.full_name").orderBy("u.email").execute();
    },

    /** The groups a user belongs to. */
    async ofUser(userId: string) {
      return await db.selectFrom("group_members as m").innerJoin(
        "groups as g",
        "g.id",
        "m.group_id",
      )
        .select(["g.id", "g.name", "g.description", "m.is_group_admin"])
        .where("m.user_id", "=", userId).orderBy(sql`lower(g.name)`).execute();
    },
  };
}
