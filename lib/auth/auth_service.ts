/**
 * Registration and sign-in. Sign-in checks the brute-force locks first, then the
 * password (a dummy hash for unknown e-mails, so both take the same time and give the
 * same answer), then — when 2FA is on — hands out a 5-minute token for the second step.
 */
import type { z } from "zod";
import type { Deps } from "../app/deps.ts";
import { audit, type ClientInfo } from "../audit/audit_service.ts";
import type { Role } from "../app/db_schema.ts";
import { createQuotasRepo } from "../quotas/quotas_repo.ts";
import { getSetting } from "../settings/settings_service.ts";
import { loadRegistrationMode } from "../settings/registration_mode.ts";
import { createUsersRepo, type UserRow } from "../users/users_repo.ts";
import {
  AccountDisabledError,
  InvalidCodeError,
  InvalidCredentialsError,
  RegistrationClosedError,
} from "./auth_errors.ts";
import type { registerSchema } from "./auth_schemas.ts";
import { type IssuedSession, startSession } from "./sessions_service.ts";
import { assertNotLocked, clearAccountFailures, recordFailure } from "./throttle_service.ts";
import { verifySecondFactor } from "./two_factor_service.ts";

export type SignInResult =
  | { kind: "signed_in"; user: UserRow; session: IssuedSession }
  | { kind: "mfa_required"; mfaToken: string };

/**
 * Create an account (self-registration, or an administrator): the password hashed, the
 * quota set to the `default_quota_bytes` of this moment. Throws AlreadyExistsError (409)
 * when the e-mail is taken. The caller audits and, for registration, signs in.
 */
export async function createAccount(
  { deps, email, password, fullName, role = "user" }: {
    deps: Deps;
    email: string;
    password: string;
    fullName: string;
    role?: Role;
  },
): Promise<UserRow> {
  const user = await createUsersRepo(deps.db).create({
    email,
    passwordHash: await deps.passwords.hash(password),
    fullName,
    role,
  });
  await createQuotasRepo(deps.db).ensure(user.id, await getSetting(deps, "default_quota_bytes"));
  return user;
}

export async function registerAccount(
  { deps, input, client }: {
    deps: Deps;
    input: z.output<typeof registerSchema>;
    client: ClientInfo;
  },
): Promise<{ user: UserRow; session: IssuedSession }> {
  // From the database, not the pages' cached copy: closing takes effect at once everywhere.
  if ((await loadRegistrationMode(deps)) === "closed") throw new RegistrationClosedError();
  const user = await createAccount({
    deps,
    email: input.email,
    password: input.password,
    fullName: input.full_name,
  });
  await audit(deps, { event: "register", userId: user.id, client });
  const session = await startSession({ deps, userId: user.id, client });
  return { user, session };
}

async function failSignIn(
  deps: Deps,
  { email, user, reason, client }: {
    email: string;
    user?: UserRow;
    reason: string;
    client: ClientInfo;
  },
) {
  await recordFailure({ deps, email, ip: client.ip });
  await audit(deps, {
    event: "login_failed",
    userId: user?.id ?? null,
    client,
    // Not the typed e-mail of an unknown account: it may be a password typed in the wrong field.
    metadata: { reason },
  });
}

export async function signIn(
  { deps, email, password, client }: {
    deps: Deps;
    email: string;
    password: string;
    client: ClientInfo;
  },
): Promise<SignInResult> {
  await assertNotLocked({ deps, email, ip: client.ip });
  const user = await createUsersRepo(deps.db).findByEmail(email);
  const passwordOk = user
    ? await deps.passwords.verify(password, user.password_hash)
    : await deps.passwords.verifyDummy(password);
  if (!user || !passwordOk) {
    await failSignIn(deps, {
      email,
      user,
      reason: user ? "wrong_password" : "unknown_email",
      client,
    });
    throw new InvalidCredentialsError();
  }
  if (!user.is_active) {
    await failSignIn(deps, { email, user, reason: "account_disabled", client });
    throw new AccountDisabledError();
  }
  if (user.totp_enabled) return { kind: "mfa_required", mfaToken: await deps.jwt.signMfa(user.id) };
  return await finishSignIn(deps, user, "password", client);
}

/** The second step: the token from the first step and a TOTP or backup code. */
export async function completeSignIn(
  { deps, mfaToken, code, client }: {
    deps: Deps;
    mfaToken: string;
    code: string;
    client: ClientInfo;
  },
): Promise<{ user: UserRow; session: IssuedSession }> {
  const claims = await deps.jwt.verifyMfa(mfaToken);
  const user = claims ? await createUsersRepo(deps.db).findById(claims.userId) : undefined;
  if (!user || !user.is_active || !user.totp_enabled) throw new InvalidCodeError();
  await assertNotLocked({ deps, email: user.email, ip: client.ip });
  const method = await verifySecondFactor({ deps, user, code, client });
  if (!method) {
    await failSignIn(deps, { email: user.email, user, reason: "wrong_2fa_code", client });
    throw new InvalidCodeError();
  }
  const result = await finishSignIn(deps, user, method, client);
  return { user: result.user, session: result.session };
}

async function finishSignIn(
  deps: Deps,
  user: UserRow,
  method: "password" | "totp" | "backup_code",
  client: ClientInfo,
): Promise<SignInResult & { kind: "signed_in" }> {
  await clearAccountFailures({ deps, email: user.email });
  const session = await startSession({ deps, userId: user.id, client });
  await audit(deps, {
    event: "login",
    userId: user.id,
    resourceId: session.sessionId,
    client,
    metadata: { method },
  });
  return { kind: "signed_in", user, session };
}
