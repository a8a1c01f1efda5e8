/** Key/value settings stored as jsonb (admin settings, the one-time setup token …). */
import { type Kysely, sql } from "kysely";
import { jsonb } from "../app/db.ts";
import type { Database } from "../app/db_schema.ts";

export function createSettingsRepo(db: Kysely<Database>) {
  return {
    async get<T>(key: string): Promise<T | undefined> {
      const row = await db.selectFrom("settings").select("value").where("key", "=", key)
        .executeTakeFirst();
      return row?.value as T | undefined;
    },

    async set(key: string, value: unknown, updatedBy: string | null = null): Promise<void> {
      await db.insertInto("settings")
        .values({ key, value: jsonb(value) as never, updated_by: updatedBy })
        .onConflict((oc) =>
          oc.column("key").doUpdateSet({
            value: jsonb(value) as never,
            updated_by: updatedBy,
            updated_at: sql`now()`,
          })
        )
        .execute();
    },

    async delete(key: string): Promise<boolean> {
      const result = await db.deleteFrom("settings").where("key", "=", key).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    /** Delete `key` only if it still holds `value` (a one-time token used once). */
    async deleteIfEquals(key: string, value: unknown): Promise<boolean> {
      const result = await db.deleteFrom("settings")
        .where("key", "=", key)
        .where("value", "=", jsonb(value) as never)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
