/**
 * All SQL on storage quotas. Charging is one conditional UPDATE, so concurrent uploads
 * can never together push used_bytes past limit_bytes (SPEC §4.3).
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../app/db_schema.ts";

export interface Quota {
  used_bytes: number;
  limit_bytes: number;
}

export function createQuotasRepo(db: Kysely<Database>) {
  return {
    /** The user's quota, created with `defaultLimit` on first use. */
    async ensure(userId: string, defaultLimit: number): Promise<Quota> {
      await db.insertInto("quotas").values({ user_id: userId, limit_bytes: defaultLimit })
        .onConflict((oc) => oc.column("user_id").doNothing()).execute();
      return await db.selectFrom("quotas").select(["used_bytes", "limit_bytes"])
        .where("user_id", "=", userId).executeTakeFirstOrThrow();
    },

    /** Add `bytes` if they fit; the new figures, or null when they would not fit. */
    async charge(userId: string, bytes: number): Promise<Quota | null> {
      const row = await db.updateTable("quotas")
        .set({ used_bytes: sql`used_bytes + ${bytes}`, updated_at: sql`now()` })
        .where("user_id", "=", userId)
        .where(sql<boolean>`used_bytes + ${bytes} <= limit_bytes`)
        .returning(["used_bytes", "limit_bytes"])
        .executeTakeFirst();
      return row ?? null;
    },

    /** Give `bytes` back (never below zero). */
    async refund(userId: string, bytes: number): Promise<void> {
      await db.updateTable("quotas")
        .set({ used_bytes: sql`greatest(0, used_bytes - ${bytes})`, updated_at: sql`now()` })
        .where("user_id", "=", userId)
        .execute();
    },

    async setLimit(userId: string, limitBytes: number): Promise<void> {
      await db.updateTable("quotas").set({ limit_bytes: limitBytes, updated_at: sql`now()` })
        .where("user_id", "=", userId).execute();
    },
  };
}
