/**
 * All SQL on document shares (SPEC §4.6). A user reaches a shared document directly or
 * through any group they are in; leaving the group or a revoked share ends it at once,
 * since nothing is copied.
 */
import { type Expression, type Kysely, sql, type SqlBool } from "kysely";
import { isUniqueViolation } from "../app/db.ts";
import type { Database } from "../app/db_schema.ts";

export type Permission = "view" | "edit";

/** SQL: the ids of the documents shared with `userId` (for `… in (<this>)`). */
export function sharedDocumentIds(userId: string): Expression<unknown> {
  return sql`
    select s.document_id from document_shares s
    where s.user_id = ${userId}
      or s.group_id in (select gm.group_id from group_members gm where gm.user_id = ${userId})
  `;
}

/** SQL condition on `column` (a document id): shared with `userId`. */
export function isSharedWith(column: Expression<unknown>, userId: string): Expression<SqlBool> {
  return sql<SqlBool>`${column} in (${sharedDocumentIds(userId)})`;
}

export interface ShareRow {
  id: string;
  permission: Permission;
  user_id: string | null;
  user_email: string | null;
  user_name: string | null;
  group_id: string | null;
  group_name: string | null;
  created_at: Date;
}

export function createSharingRepo(db: Kysely<Database>) {
  return {
    /** What `userId` may do with a document of someone else: edit, view, or nothing. */
    async permissionOf(userId: string, documentId: string): Promise<Permission | null> {
      const row = await db.selectFrom("document_shares as s")
        .select((eb) => [
          eb.fn.countAll<number>().as("n"),
          sql<boolean>`bool_or(s.permission = 'edit')`.as("edit"),
        ])
        .where("s.document_id", "=", documentId)
        .where((eb) =>
          eb.or([
            eb("s.user_id", "=", userId),
            eb("s.group_id", "in", (q) =>
              q.selectFrom("group_members").select("group_id").where("user_id", "=", userId)),
          ])
        ).executeTakeFirstOrThrow();
      return Number(row.n) === 0 ? null : row.edit ? "edit" : "view";
    },

    /** Shares per document, for the lists: one query for a whole page. */
    async countsFor(documentIds: string[]): Promise<Map<string, number>> {
      if (documentIds.length === 0) return new Map();
      const rows = await db.selectFrom("document_shares")
        .select(["document_id", (eb) => eb.fn.countAll<number>().as("n")])
        .where("document_id", "in", documentIds).groupBy("document_id").execute();
      return new Map(rows.map((r) => [r.document_id, Number(r.n)]));
    },

    async list(documentId: string): Promise<ShareRow[]> {
      return await db.selectFrom("document_shares as s")
        .leftJoin("users as u", "u.id", "s.user_id")
        .leftJoin("groups as g", "g.id", "s.group_id")
        .select([
          "s.id",
          "s.permission",
          "s.user_id",
          "u.email as user_email",
          "u.full_name as user_name",
          "s.group_id",
          "g.name as group_name",
          "s.created_at",
        ])
        .where("s.document_id", "=", documentId).orderBy("s.created_at").execute();
    },

    /** Share (or change the permission of the existing share with the same recipient). */
    async upsert(
      share: { documentId: string; userId?: string; groupId?: string; permission: Permission },
      createdBy: string,
    ): Promise<void> {
      const recipient = share.userId
        ? { user_id: share.userId, group_id: null }
        : { user_id: null, group_id: share.groupId! };
      const existing = await db.selectFrom("document_shares").select("id")
        .where("document_id", "=", share.documentId)
        .where(recipient.user_id ? "user_id" : "group_id", "=", share.userId ?? share.groupId!)
        .executeTakeFirst();
      if (existing) {
        await db.updateTable("document_shares").set({ permission: share.permission })
          .where("id", "=", existing.id).execute();
        return;
      }
      try {
        await db.insertInto("document_shares").values({
          document_id: share.documentId,
          ...recipient,
          permission: share.permission,
          created_by: createdBy,
        }).execute();
      } catch (error) {
        // Shared at the same moment by another request: set its permission instead.
        if (!isUniqueViolation(error)) throw error;
        await this.upsert(share, createdBy);
      }
    },

    async delete(documentId: string, shareId: string): Promise<boolean> {
      const result = await db.deleteFrom("document_shares").where("id", "=", shareId)
        .where("document_id", "=", documentId).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
