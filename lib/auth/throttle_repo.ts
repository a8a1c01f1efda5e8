/** All SQL on failed sign-in counters (one row per account key and per IP key). */
import type { Kysely, Selectable } from "kysely";
import type { AuthThrottlesTable, Database } from "../app/db_schema.ts";

export type ThrottleRow = Selectable<AuthThrottlesTable>;

export function createThrottleRepo(db: Kysely<Database>) {
  return {
    async get(keys: string[]): Promise<ThrottleRow[]> {
      if (keys.length === 0) return [];
      return await db.selectFrom("auth_throttles").selectAll().where("key", "in", keys).execute();
    },

    /**
     * Count one failure for `key` atomically. Failures count within a window that opens
     * at the first one; once that window is over, counting starts again. (Measuring from
     * the last failure instead would let slow, steady typos add up for ever.)
     */
    async addFailure(key: string, now: Date, windowStart: Date): Promise<ThrottleRow> {
      return await db.insertInto("auth_throttles")
        .values({ key, failures: 1, first_failure_at: now, last_failure_at: now })
        .onConflict((oc) =>
          oc.column("key").doUpdateSet((eb) => ({
            failures: eb.case().when("auth_throttles.first_failure_at", "<", windowStart).then(1)
              .else(eb("auth_throttles.failures", "+", 1)).end(),
            first_failure_at: eb.case().when("auth_throttles.first_failure_at", "<", windowStart)
              .then(now).else(eb.ref("auth_throttles.first_failure_at")).end(),
            last_failure_at: now,
          }))
        )
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    async setLock(key: string, until: Date | null): Promise<void> {
      await db.updateTable("auth_throttles").set({ locked_until: until }).where("key", "=", key)
        .execute();
    },

    async clear(key: string): Promise<void> {
      await db.deleteFrom("auth_throttles").where("key", "=", key).execute();
    },

    async pruneOlderThan(before: Date): Promise<number> {
      const result = await db.deleteFrom("auth_throttles")
        .where("last_failure_at", "<", before)
        .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<", before)]))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
