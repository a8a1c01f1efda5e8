/**
 * All SQL of the user administration. An account is listed with counts and bytes only —
 * how many documents, how many groups, the quota — never a title, a file name or text.
 * A page of accounts is one query: the counts are correlated subqueries on indexed
 * columns, not a query per row.
 */
import { type Kysely, sql } from "kysely";
import type { Database, Role } from "../app/db_schema.ts";

/** An account as administrators see it (snake_case, straight from SQL). */
export interface AdminUserRow {
  id: string;
  email: string;
  full_name: string;
  role: Role;
  is_active: boolean;
  totp_enabled: boolean;
  created_at: Date;
  ai_provider: string | null;
  ai_model: string | null;
  /** Null while the account has no quota row yet (it gets the default on first use). */
  used_bytes: number | null;
  limit_bytes: number | null;
  document_count: number;
  group_count: number;
  last_sign_in_at: Date | null;
}

/** `%` and `_` typed by the user are literal characters, not wildcards. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, "\\$&")}%`;
}

function summaries(db: Kysely<Database>) {
  return db.selectFrom("users as u")
    .leftJoin("quotas as q", "q.user_id", "u.id")
    .select([
      "u.id",
      "u.email",
      "u.full_name",
      "u.role",
      "u.is_active",
      "u.totp_enabled",
      "u.created_at",
      "u.ai_provider",
      "u.ai_model",
      "q.used_bytes",
      "q.limit_bytes",
    ])
    .select((eb) => [
      // Uploads still pending are not documents yet.
      eb.selectFrom("documents as d").select(eb.fn.countAll<number>().as("n"))
        .whereRef("d.user_id", "=", "u.id").where("d.status", "<>", "pending")
        .as("document_count"),
      eb.selectFrom("group_members as m").select(eb.fn.countAll<number>().as("n"))
        .whereRef("m.user_id", "=", "u.id").as("group_count"),
      // A session is one sign-in (registration and setup included).
      eb.selectFrom("sessions as s").select((sub) => sub.fn.max("s.created_at").as("t"))
        .whereRef("s.user_id", "=", "u.id").as("last_sign_in_at"),
    ]);
}

function normalise(row: Record<string, unknown>): AdminUserRow {
  const r = row as unknown as AdminUserRow;
  return {
    ...r,
    document_count: Number(r.document_count ?? 0),
    group_count: Number(r.group_count ?? 0),
    last_sign_in_at: r.last_sign_in_at ? new Date(r.last_sign_in_at) : null,
  };
}

export function createAdminUsersRepo(db: Kysely<Database>) {
  return {
    /**
     * Accounts by e-mail address (unique, so the order is stable), after `afterEmail`;
     * `q` matches the address or the name, ignoring case. Returns up to `limit` rows.
     */
    async list(
      { q, afterEmail, limit }: { q?: string; afterEmail?: string; limit: number },
    ): Promise<AdminUserRow[]> {
      let query = summaries(db).orderBy("u.email").limit(limit);
      if (q) {
        const pattern = likePattern(q);
        query = query.where((eb) =>
          eb.or([
            eb("u.email", "like", pattern),
            eb(sql<string>`lower(u.full_name)`, "like", pattern),
          ])
        );
      }
      if (afterEmail !== undefined) query = query.where("u.email", ">", afterEmail);
      return (await query.execute()).map(normalise);
    },

    async find(id: string): Promise<AdminUserRow | undefined> {
      const row = await summaries(db).where("u.id", "=", id).executeTakeFirst();
      return row && normalise(row);
    },

    /** The account row, locked until the transaction ends (call inside one). */
    async lockUser(id: string) {
      return await db.selectFrom("users").selectAll().where("id", "=", id).forUpdate()
        .executeTakeFirst();
    },

    /**
     * Active administrators other than `userId`, locked: two admins demoting each other at
     * the same moment are serialised, and the second sees that the first is gone.
     */
    async lockOtherActiveAdmins(userId: string): Promise<number> {
      const rows = await db.selectFrom("users").select("id")
        .where("role", "=", "admin").where("is_active", "=", true).where("id", "<>", userId)
        .forUpdate().execute();
      return rows.length;
    },

    async setFields(
      id: string,
      fields: {
        role?: Role;
        is_active?: boolean;
        ai_provider?: string | null;
        ai_model?: string | null;
      },
    ): Promise<void> {
      await db.updateTable("users").set({ ...fields, updated_at: sql`now()` })
        .where("id", "=", id).execute();
    },

    /** The quota's limit before the change (null: there was no quota row yet). */
    async quotaLimit(userId: string): Promise<number | null> {
      const row = await db.selectFrom("quotas").select("limit_bytes").where("user_id", "=", userId)
        .executeTakeFirst();
      return row?.limit_bytes ?? null;
    },

    async setQuotaLimit(userId: string, limitBytes: number): Promise<void> {
      await db.insertInto("quotas").values({ user_id: userId, limit_bytes: limitBytes })
        .onConflict((oc) =>
          oc.column("user_id").doUpdateSet({ limit_bytes: limitBytes, updated_at: sql`now()` })
        ).execute();
    },

    /** Every stored object of the user, pending uploads included, with their sizes. */
    async documentObjects(userId: string) {
      return await db.selectFrom("documents").select(["object_key", "size_bytes", "status"])
        .where("user_id", "=", userId).execute();
    },

    /**
     * Delete the account. The schema's cascades remove its documents (and their shares,
     * labels and search rows), folders, personal categories, tags, quota, sessions, API
     * tokens, backup codes, profile, group memberships and shares made to it; shares it
     * created keep existing with `created_by` null. The audit log has no foreign key: its
     * history of the account stays.
     */
    async deleteUser(id: string): Promise<boolean> {
      const result = await db.deleteFrom("users").where("id", "=", id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
