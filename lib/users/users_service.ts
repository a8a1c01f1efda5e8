/** The signed-in user's own account: what they see of it, and what they may change. */
import type { z } from "zod";
import type { Deps } from "../app/deps.ts";
import { audit, type ClientInfo } from "../audit/audit_service.ts";
import { WrongPasswordError } from "../auth/auth_errors.ts";
import type { changePasswordSchema } from "../auth/auth_schemas.ts";
import { revokeOtherSessions } from "../auth/sessions_service.ts";
import { assertNotLocked, recordFailure } from "../auth/throttle_service.ts";
import { NotFoundError } from "../shared/errors.ts";
import type { profileSchema, updateMeSchema } from "./users_schemas.ts";
import { createUsersRepo, type ProfileRow, type UserRow } from "./users_repo.ts";

/** The account as the API shows it to its owner. Never a hash or a secret. */
export interface PublicUser {
  id: string;
  email: string;
  full_name: string;
  role: "user" | "admin";
  color_mode: "light" | "dark" | "system" | null;
  pinned_app_ids: string[];
  totp_enabled: boolean;
  backup_codes_remaining: number;
  created_at: string;
}

export async function toPublicUser(deps: Deps, user: UserRow): Promise<PublicUser> {
  return {
    id: user.id,
    email: user.email,
    full_name: user.full_name,
    role: user.role,
    color_mode: user.color_mode,
    pinned_app_ids: user.pinned_app_ids ?? [],
    totp_enabled: user.totp_enabled,
    backup_codes_remaining: user.totp_enabled
      ? await createUsersRepo(deps.db).countUnusedBackupCodes(user.id)
      : 0,
    created_at: user.created_at.toISOString(),
  };
}

export async function getUser(deps: Deps, userId: string): Promise<UserRow> {
  const user = await createUsersRepo(deps.db).findById(userId);
  if (!user) throw new NotFoundError("users.not_found", "No such account.");
  return user;
}

export async function updateMe(
  { deps, userId, input }: { deps: Deps; userId: string; input: z.output<typeof updateMeSchema> },
): Promise<UserRow> {
  const user = await createUsersRepo(deps.db).update(userId, {
    fullName: input.full_name,
    colorMode: input.color_mode,
    pinnedAppIds: input.pinned_app_ids,
  });
  deps.authCache.invalidateUser(userId);
  return user;
}

/**
 * Check the signed-in user's password before a sensitive change. Wrong answers count
 * like failed sign-ins, so a stolen session cannot be used to guess the password.
 */
export async function confirmPassword(
  { deps, user, password, client }: {
    deps: Deps;
    user: UserRow;
    password: string;
    client: ClientInfo;
  },
): Promise<void> {
  await assertNotLocked({ deps, email: user.email, ip: client.ip });
  if (!(await deps.passwords.verify(password, user.password_hash))) {
    await recordFailure({ deps, email: user.email, ip: client.ip });
    throw new WrongPasswordError();
  }
}

/** Change the password; every other session of the user ends. */
export async function changePassword(
  { deps, user, sessionId, input, client }: {
    deps: Deps;
    user: UserRow;
    sessionId: string | null;
    input: z.output<typeof changePasswordSchema>;
    client: ClientInfo;
  },
): Promise<void> {
  await confirmPassword({ deps, user, password: input.current_password, client });
  await createUsersRepo(deps.db).setPasswordHash(
    user.id,
    await deps.passwords.hash(input.new_password),
  );
  await audit(deps, { event: "password_changed", userId: user.id, client });
  await revokeOtherSessions({
    deps,
    userId: user.id,
    keep: sessionId,
    reason: "password_changed",
    client,
  });
}

/** Set a password without knowing the old one (admin or task); every session ends. */
export async function resetPassword(
  { deps, userId, newPassword, actorId, client }: {
    deps: Deps;
    userId: string;
    newPassword: string;
    actorId: string | null;
    client: ClientInfo;
  },
): Promise<void> {
  await createUsersRepo(deps.db).setPasswordHash(userId, await deps.passwords.hash(newPassword));
  await audit(deps, { event: "password_reset", userId, actorId, client });
  await revokeOtherSessions({
    deps,
    userId,
    keep: null,
    reason: "password_reset",
    client,
    actorId,
  });
}

export interface PublicProfile {
  phone: string | null;
  date_of_birth: string | null;
  position: string | null;
  address: string | null;
}

function toPublicProfile(row: ProfileRow | undefined): PublicProfile {
  return {
    phone: row?.phone ?? null,
    date_of_birth: row?.date_of_birth ?? null,
    position: row?.position ?? null,
    address: row?.address ?? null,
  };
}

export async function getProfile(deps: Deps, userId: string): Promise<PublicProfile> {
  return toPublicProfile(await createUsersRepo(deps.db).getProfile(userId));
}

export async function updateProfile(
  { deps, userId, input }: {
    deps: Deps;
    userId: string;
    input: z.output<ReturnType<typeof profileSchema>>;
  },
): Promise<PublicProfile> {
  return toPublicProfile(await createUsersRepo(deps.db).upsertProfile(userId, input));
}
