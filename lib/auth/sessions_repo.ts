/**
 * All SQL on sign-in sessions and their refresh tokens. A session is one sign-in on one
 * device; each refresh replaces its token with a new one (rotation) and the old one is
 * kept, marked rotated, so a second use of it can be recognised as theft.
 */
import type { Kysely, Selectable } from "kysely";
import type { Database, SessionsTable, UsersTable } from "../app/db_schema.ts";

export type SessionRow = Selectable<SessionsTable>;

/** The user behind a valid session, in one query. */
export type SessionUser = Selectable<UsersTable> & { session_id: string };

export interface RefreshTokenLookup {
  token_id: string;
  user_id: string;
  family_id: string;
  token_expires_at: Date;
  token_revoked_at: Date | null;
  rotated_at: Date | null;
  session_revoked_at: Date | null;
  session_expires_at: Date;
  user_is_active: boolean;
}

export function createSessionsRepo(db: Kysely<Database>) {
  return {
    async create(session: {
      userId: string;
      userAgent: string | null;
      ip: string | null;
      expiresAt: Date;
      now: Date;
    }): Promise<SessionRow> {
      return await db.insertInto("sessions").values({
        user_id: session.userId,
        user_agent: session.userAgent?.slice(0, 512) ?? null,
        ip: session.ip,
        created_at: session.now,
        last_used_at: session.now,
        expires_at: session.expiresAt,
      }).returningAll().executeTakeFirstOrThrow();
    },

    async addRefreshToken(token: {
      userId: string;
      familyId: string;
      tokenHash: string;
      expiresAt: Date;
      now: Date;
    }): Promise<string> {
      const row = await db.insertInto("refresh_tokens").values({
        user_id: token.userId,
        family_id: token.familyId,
        token_hash: token.tokenHash,
        expires_at: token.expiresAt,
        created_at: token.now,
      }).returning("id").executeTakeFirstOrThrow();
      return row.id;
    },

    async findRefreshToken(tokenHash: string): Promise<RefreshTokenLookup | undefined> {
      return await db.selectFrom("refresh_tokens as t")
        .innerJoin("sessions as s", "s.id", "t.family_id")
        .innerJoin("users as u", "u.id", "t.user_id")
        .select([
          "t.id as token_id",
          "t.user_id",
          "t.family_id",
          "t.expires_at as token_expires_at",
          "t.revoked_at as token_revoked_at",
          "t.rotated_at",
          "s.revoked_at as session_revoked_at",
          "s.expires_at as session_expires_at",
          "u.is_active as user_is_active",
        ])
        .where("t.token_hash", "=", tokenHash)
        .executeTakeFirst();
    },

    /**
     * Mark a token used, pointing at its replacement. False when another request
     * rotated it first.
     */
    async markRotated(tokenId: string, replacedBy: string, now: Date): Promise<boolean> {
      const result = await db.updateTable("refresh_tokens")
        .set({ rotated_at: now, replaced_by: replacedBy })
        .where("id", "=", tokenId)
        .where("rotated_at", "is", null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async revokeToken(tokenId: string, now: Date): Promise<void> {
      await db.updateTable("refresh_tokens").set({ revoked_at: now }).where("id", "=", tokenId)
        .execute();
    },

    async touch(sessionId: string, now: Date, ip: string | null): Promise<void> {
      await db.updateTable("sessions").set({ last_used_at: now, ...(ip && { ip }) })
        .where("id", "=", sessionId).execute();
    },

    /** The active user of an active session, or nothing. */
    async findActiveSessionUser(
      sessionId: string,
      userId: string,
      now: Date,
    ): Promise<SessionUser | undefined> {
      return await db.selectFrom("sessions as s")
        .innerJoin("users as u", "u.id", "s.user_id")
        .selectAll("u")
        .select("s.id as session_id")
        .where("s.id", "=", sessionId)
        .where("s.user_id", "=", userId)
        .where("s.revoked_at", "is", null)
        .where("s.expires_at", ">", now)
        .where("u.is_active", "=", true)
        .executeTakeFirst();
    },

    async listActive(userId: string, now: Date): Promise<SessionRow[]> {
      return await db.selectFrom("sessions").selectAll()
        .where("user_id", "=", userId)
        .where("revoked_at", "is", null)
        .where("expires_at", ">", now)
        .orderBy("last_used_at", "desc")
        .execute();
    },

    /** Revoke one of the user's sessions; false when it is not theirs or already ended. */
    async revoke(userId: string, sessionId: string, reason: string, now: Date): Promise<boolean> {
      const result = await db.updateTable("sessions")
        .set({ revoked_at: now, revoked_reason: reason })
        .where("id", "=", sessionId)
        .where("user_id", "=", userId)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      await db.updateTable("refresh_tokens").set({ revoked_at: now })
        .where("family_id", "=", sessionId).where("revoked_at", "is", null).execute();
      return result.numUpdatedRows > 0n;
    },

    /** Revoke every session of a user except `keep`; returns the ids revoked. */
    async revokeAll(userId: string, reason: string, now: Date, keep?: string): Promise<string[]> {
      let query = db.updateTable("sessions")
        .set({ revoked_at: now, revoked_reason: reason })
        .where("user_id", "=", userId)
        .where("revoked_at", "is", null);
      if (keep) query = query.where("id", "<>", keep);
      const rows = await query.returning("id").execute();
      const ids = rows.map((r) => r.id);
      if (ids.length > 0) {
        await db.updateTable("refresh_tokens").set({ revoked_at: now })
          .where("family_id", "in", ids).where("revoked_at", "is", null).execute();
      }
      return ids;
    },

    /** Remove sessions that ended long ago (housekeeping). */
    async pruneEnded(olderThan: Date): Promise<number> {
      const result = await db.deleteFrom("sessions")
        .where((eb) => eb.or([eb("expires_at", "<", olderThan), eb("revoked_at", "<", olderThan)]))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type SessionsRepo = ReturnType<typeof createSessionsRepo>;
