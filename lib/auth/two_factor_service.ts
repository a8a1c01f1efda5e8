/**
 * TOTP two-factor authentication: enrolment (pending secret → confirmed with a code),
 * the second sign-in step, backup codes, and turning it off. Secrets are stored
 * encrypted (AES-GCM); backup codes as SHA-256 of their normalised form (80 bits each).
 * Every change ends the user's other sessions.
 */
import type { Deps } from "../app/deps.ts";
import { audit, type ClientInfo } from "../audit/audit_service.ts";
import { confirmPassword } from "../users/users_service.ts";
import { createUsersRepo, type UserRow } from "../users/users_repo.ts";
import { ConflictError } from "../shared/errors.ts";
import { WrongCodeError } from "./auth_errors.ts";
import { recordFailure } from "./throttle_service.ts";
import { revokeOtherSessions } from "./sessions_service.ts";
import { newBackupCode, normaliseBackupCode, sha256Hex } from "./tokens.ts";
import { matchTotp, newTotpSecret, totpQrSvg, totpUri } from "./totp.ts";

export const BACKUP_CODE_COUNT = 10;

async function issueBackupCodes(deps: Deps, userId: string): Promise<string[]> {
  const codes = Array.from({ length: BACKUP_CODE_COUNT }, newBackupCode);
  const hashes = await Promise.all(codes.map((code) => sha256Hex(normaliseBackupCode(code))));
  await createUsersRepo(deps.db).replaceBackupCodes(userId, hashes);
  return codes;
}

/**
 * Step 1 of enrolment (after the password is confirmed): a new secret, kept pending until
 * a code confirms it.
 */
export async function beginTwoFactorSetup(
  { deps, user, password, client }: {
    deps: Deps;
    user: UserRow;
    password: string;
    client: ClientInfo;
  },
): Promise<{ secret: string; otpauth_url: string; qr_svg: string }> {
  if (user.totp_enabled) {
    throw new ConflictError("auth.2fa_already_enabled", "Two-factor authentication is already on.");
  }
  await confirmPassword({ deps, user, password, client });
  const secret = newTotpSecret();
  await createUsersRepo(deps.db).setPendingTotpSecret(
    user.id,
    await deps.secrets.encryptor.encrypt(secret),
  );
  deps.authCache.invalidateUser(user.id);
  const uri = totpUri(secret, user.email);
  return { secret, otpauth_url: uri, qr_svg: await totpQrSvg(uri) };
}

/** The pending secret of an enrolment in progress (to show the QR code again). */
export async function pendingTwoFactorSetup(
  { deps, user }: { deps: Deps; user: UserRow },
): Promise<{ secret: string; otpauth_url: string; qr_svg: string } | null> {
  if (!user.totp_pending_secret_enc || user.totp_enabled) return null;
  const secret = await deps.secrets.encryptor.decrypt(user.totp_pending_secret_enc);
  const uri = totpUri(secret, user.email);
  return { secret, otpauth_url: uri, qr_svg: await totpQrSvg(uri) };
}

/** Step 2: the code proves the app has the secret; 2FA is on, backup codes shown once. */
export async function enableTwoFactor(
  { deps, user, code, sessionId, client }: {
    deps: Deps;
    user: UserRow;
    code: string;
    sessionId: string | null;
    client: ClientInfo;
  },
): Promise<{ backup_codes: string[] }> {
  if (user.totp_enabled) {
    throw new ConflictError("auth.2fa_already_enabled", "Two-factor authentication is already on.");
  }
  if (!user.totp_pending_secret_enc) {
    throw new ConflictError(
      "auth.2fa_not_started",
      "Start the set-up first: a new secret is needed.",
    );
  }
  const secret = await deps.secrets.encryptor.decrypt(user.totp_pending_secret_enc);
  const counter = matchTotp(secret, code, deps.clock.now());
  if (counter === null || !(await createUsersRepo(deps.db).enableTotp(user.id, counter))) {
    throw new WrongCodeError();
  }
  deps.authCache.invalidateUser(user.id);
  const codes = await issueBackupCodes(deps, user.id);
  await audit(deps, { event: "2fa_enabled", userId: user.id, client });
  await revokeOtherSessions({
    deps,
    userId: user.id,
    keep: sessionId,
    reason: "2fa_enabled",
    client,
  });
  return { backup_codes: codes };
}

/**
 * Check a second factor: a 6-digit TOTP code (each time step usable once) or a backup
 * code (each usable once). Returns how it was proven, or null.
 */
export async function verifySecondFactor(
  { deps, user, code, client }: { deps: Deps; user: UserRow; code: string; client: ClientInfo },
): Promise<"totp" | "backup_code" | null> {
  if (!user.totp_enabled || !user.totp_secret_enc) return null;
  const users = createUsersRepo(deps.db);
  const trimmed = code.replace(/\s/g, "");
  if (/^\d{6}$/.test(trimmed)) {
    const secret = await deps.secrets.encryptor.decrypt(user.totp_secret_enc);
    const counter = matchTotp(secret, trimmed, deps.clock.now());
    if (counter === null) return null;
    return (await users.useTotpCounter(user.id, counter)) ? "totp" : null;
  }
  const hash = await sha256Hex(normaliseBackupCode(code));
  if (!(await users.useBackupCode(user.id, hash))) return null;
  await audit(deps, {
    event: "backup_code_used",
    userId: user.id,
    client,
    metadata: { remaining: await users.countUnusedBackupCodes(user.id) },
  });
  return "backup_code";
}

/** Turn 2FA off: needs the password and a current code (or a backup code). */
export async function disableTwoFactor(
  { deps, user, password, code, sessionId, client }: {
    deps: Deps;
    user: UserRow;
    password: string;
    code: string;
    sessionId: string | null;
    client: ClientInfo;
  },
): Promise<void> {
  if (!user.totp_enabled) {
    throw new ConflictError("auth.2fa_not_enabled", "Two-factor authentication is not on.");
  }
  await confirmPassword({ deps, user, password, client });
  if (!(await verifySecondFactor({ deps, user, code, client }))) {
    await recordFailure({ deps, email: user.email, ip: client.ip });
    throw new WrongCodeError();
  }
  const users = createUsersRepo(deps.db);
  await users.disableTotp(user.id);
  deps.authCache.invalidateUser(user.id);
  await users.replaceBackupCodes(user.id, []);
  await audit(deps, { event: "2fa_disabled", userId: user.id, client });
  await revokeOtherSessions({
    deps,
    userId: user.id,
    keep: sessionId,
    reason: "2fa_disabled",
    client,
  });
}

/** New backup codes (the old ones stop working); needs the password. */
export async function regenerateBackupCodes(
  { deps, user, password, client }: {
    deps: Deps;
    user: UserRow;
    password: string;
    client: ClientInfo;
  },
): Promise<{ backup_codes: string[] }> {
  if (!user.totp_enabled) {
    throw new ConflictError("auth.2fa_not_enabled", "Two-factor authentication is not on.");
  }
  await confirmPassword({ deps, user, password, client });
  const codes = await issueBackupCodes(deps, user.id);
  await audit(deps, { event: "backup_codes_regenerated", userId: user.id, client });
  return { backup_codes: codes };
}

/** Switch 2FA off for a locked-out user (admin or `deno task user:reset-2fa`). */
export async function resetTwoFactor(
  { deps, userId, actorId, client }: {
    deps: Deps;
    userId: string;
    actorId: string | null;
    client: ClientInfo;
  },
): Promise<void> {
  const users = createUsersRepo(deps.db);
  await users.disableTotp(userId);
  deps.authCache.invalidateUser(userId);
  await users.replaceBackupCodes(userId, []);
  await audit(deps, { event: "2fa_reset", userId, actorId, client });
  await revokeOtherSessions({ deps, userId, keep: null, reason: "2fa_reset", client, actorId });
}
