/** All SQL on users and profiles. */
import { type Kysely, type Selectable, sql } from "kysely";
import { isUniqueViolation, jsonb } from "../app/db.ts";
import type {
  Database,
  ProfilesTable,
  Role,
  StoredColorMode,
  UsersTable,
} from "../app/db_schema.ts";
import { AlreadyExistsError } from "../shared/errors.ts";

export type UserRow = Selectable<UsersTable>;
export type ProfileRow = Selectable<ProfilesTable>;

export interface NewUser {
  email: string;
  passwordHash: string;
  fullName: string;
  role?: Role;
}

export function createUsersRepo(db: Kysely<Database>) {
  return {
    /** Throws AlreadyExistsError when the e-mail is taken. */
    async create(user: NewUser): Promise<UserRow> {
      try {
        return await db.insertInto("users").values({
          email: user.email,
          password_hash: user.passwordHash,
          full_name: user.fullName,
          role: user.role ?? "user",
        }).returningAll().executeTakeFirstOrThrow();
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new AlreadyExistsError("An account with this e-mail already exists.");
        }
        throw error;
      }
    },

    async findByEmail(email: string): Promise<UserRow | undefined> {
      return await db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
    },

    async findById(id: string): Promise<UserRow | undefined> {
      return await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
    },

    async countAdmins(): Promise<number> {
      const row = await db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n"))
        .where("role", "=", "admin").where("is_active", "=", true).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async update(
      id: string,
      changes: {
        fullName?: string;
        colorMode?: StoredColorMode | null;
        pinnedAppIds?: string[];
        role?: Role;
      },
    ): Promise<UserRow> {
      return await db.updateTable("users")
        .set({
          ...(changes.fullName !== undefined && { full_name: changes.fullName }),
          ...(changes.colorMode !== undefined && { color_mode: changes.colorMode }),
          ...(changes.pinnedAppIds !== undefined &&
            { pinned_app_ids: jsonb(changes.pinnedAppIds) as never }),
          ...(changes.role !== undefined && { role: changes.role }),
          updated_at: sql`now()`,
        })
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    async setPasswordHash(id: string, passwordHash: string): Promise<void> {
      await db.updateTable("users")
        .set({
          password_hash: passwordHash,
          password_changed_at: sql`now()`,
          updated_at: sql`now()`,
        })
        .where("id", "=", id)
        .execute();
    },

    async setPendingTotpSecret(id: string, encrypted: string | null): Promise<void> {
      await db.updateTable("users")
        .set({ totp_pending_secret_enc: encrypted, updated_at: sql`now()` })
        .where("id", "=", id)
        .execute();
    },

    /** Make the pending secret the active one, counting `counter` as already used. */
    async enableTotp(id: string, counter: number): Promise<boolean> {
      const result = await db.updateTable("users")
        .set({
          totp_secret_enc: sql`totp_pending_secret_enc`,
          totp_pending_secret_enc: null,
          totp_enabled: true,
          totp_last_counter: counter,
          updated_at: sql`now()`,
        })
        .where("id", "=", id)
        .where("totp_pending_secret_enc", "is not", null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async disableTotp(id: string): Promise<void> {
      await db.updateTable("users")
        .set({
          totp_secret_enc: null,
          totp_pending_secret_enc: null,
          totp_enabled: false,
          totp_last_counter: null,
          updated_at: sql`now()`,
        })
        .where("id", "=", id)
        .execute();
    },

    /**
     * Record a TOTP step as used — only if it is later than the last one. False means
     * the code was already used (a replay), even by a request running at the same time.
     */
    async useTotpCounter(id: string, counter: number): Promise<boolean> {
      const result = await db.updateTable("users")
        .set({ totp_last_counter: counter })
        .where("id", "=", id)
        .where((eb) =>
          eb.or([eb("totp_last_counter", "is", null), eb("totp_last_counter", "<", counter)])
        )
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async getProfile(userId: string): Promise<ProfileRow | undefined> {
      return await db.selectFrom("profiles").selectAll().where("user_id", "=", userId)
        .executeTakeFirst();
    },

    async upsertProfile(
      userId: string,
      profile: Omit<ProfileRow, "user_id" | "updated_at">,
    ): Promise<ProfileRow> {
      return await db.insertInto("profiles")
        .values({ user_id: userId, ...profile })
        .onConflict((oc) =>
          oc.column("user_id").doUpdateSet({ ...profile, updated_at: sql`now()` })
        )
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    // Backup codes ---------------------------------------------------------------

    async replaceBackupCodes(userId: string, codeHashes: string[]): Promise<void> {
      await db.deleteFrom("backup_codes").where("user_id", "=", userId).execute();
      if (codeHashes.length === 0) return;
      await db.insertInto("backup_codes")
        .values(codeHashes.map((code_hash) => ({ user_id: userId, code_hash })))
        .execute();
    },

    /** Use a backup code once: true only for the first use of an unused code. */
    async useBackupCode(userId: string, codeHash: string): Promise<boolean> {
      const result = await db.updateTable("backup_codes")
        .set({ used_at: sql`now()` })
        .where("user_id", "=", userId)
        .where("code_hash", "=", codeHash)
        .where("used_at", "is", null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async countUnusedBackupCodes(userId: string): Promise<number> {
      const row = await db.selectFrom("backup_codes").select((eb) =>
        eb.fn.countAll<number>().as("n")
      )
        .where("user_id", "=", userId).where("used_at", "is", null).executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

export type UsersRepo = ReturnType<typeof createUsersRepo>;
