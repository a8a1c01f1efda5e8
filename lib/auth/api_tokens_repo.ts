/** All SQL on personal API tokens. Only hashes are stored; the token is shown once. */
import type { Kysely, Selectable } from "kysely";
import type { ApiTokensTable, Database, UsersTable } from "../app/db_schema.ts";

export type ApiTokenRow = Selectable<ApiTokensTable>;
export type TokenUser = Selectable<UsersTable> & {
  api_token_id: string;
  token_last_used_at: Date | null;
};

export function createApiTokensRepo(db: Kysely<Database>) {
  return {
    async create(token: {
      userId: string;
      name: string;
      prefix: string;
      tokenHash: string;
      expiresAt: Date | null;
      now: Date;
    }): Promise<ApiTokenRow> {
      return await db.insertInto("api_tokens").values({
        user_id: token.userId,
        name: token.name,
        token_prefix: token.prefix,
        token_hash: token.tokenHash,
        expires_at: token.expiresAt,
        created_at: token.now,
      }).returningAll().executeTakeFirstOrThrow();
    },

    async listForUser(userId: string): Promise<ApiTokenRow[]> {
      return await db.selectFrom("api_tokens").selectAll()
        .where("user_id", "=", userId).where("revoked_at", "is", null)
        .orderBy("created_at", "desc").execute();
    },

    /** The active owner of a valid, unexpired, unrevoked token. */
    async findUserByHash(tokenHash: string, now: Date): Promise<TokenUser | undefined> {
      return await db.selectFrom("api_tokens as t")
        .innerJoin("users as u", "u.id", "t.user_id")
        .selectAll("u")
        .select(["t.id as api_token_id", "t.last_used_at as token_last_used_at"])
        .where("t.token_hash", "=", tokenHash)
        .where("t.revoked_at", "is", null)
        .where((eb) => eb.or([eb("t.expires_at", "is", null), eb("t.expires_at", ">", now)]))
        .where("u.is_active", "=", true)
        .executeTakeFirst();
    },

    async touch(id: string, now: Date): Promise<void> {
      await db.updateTable("api_tokens").set({ last_used_at: now }).where("id", "=", id).execute();
    },

    /** Revoke one of the user's tokens; false when it is not theirs or already revoked. */
    async revoke(userId: string, id: string, now: Date): Promise<ApiTokenRow | undefined> {
      return await db.updateTable("api_tokens").set({ revoked_at: now })
        .where("id", "=", id).where("user_id", "=", userId).where("revoked_at", "is", null)
        .returningAll().executeTakeFirst();
    },
  };
}

export type ApiTokensRepo = ReturnType<typeof createApiTokensRepo>;
