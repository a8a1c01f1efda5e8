/**
 * The first administrator. At start, with ADMIN_EMAIL/ADMIN_PASSWORD set and no admin
 * yet, that account is created. Without them, a one-time setup token is printed in the
 * server log and /setup lets whoever has it create the admin — so the first stranger to
 * find a fresh instance cannot take it over.
 */
import type { Deps } from "../app/deps.ts";
import { audit, type ClientInfo, NO_CLIENT } from "../audit/audit_service.ts";
import { createSettingsRepo } from "../settings/settings_repo.ts";
import { AppError, NotFoundError } from "../shared/errors.ts";
import { fieldErrors } from "../shared/validation.ts";
import { createUsersRepo, type UserRow } from "../users/users_repo.ts";
import { InvalidCodeError } from "./auth_errors.ts";
import { newPasswordSchema } from "./auth_schemas.ts";
import { type IssuedSession, startSession } from "./sessions_service.ts";
import { randomToken, sha256Hex } from "./tokens.ts";

const SETUP_TOKEN_KEY = "setup_token_sha256";

/**
 * Create an admin account, or make an existing account with this e-mail an admin
 * (keeping its password). Returns the account.
 */
export async function createAdminAccount(
  { deps, email, password, fullName, actorId, client }: {
    deps: Deps;
    email: string;
    password: string;
    fullName: string;
    actorId: string | null;
    client: ClientInfo;
  },
): Promise<{ user: UserRow; created: boolean }> {
  const users = createUsersRepo(deps.db);
  const existing = await users.findByEmail(email);
  if (existing) {
    const user = existing.role === "admin"
      ? existing
      : await users.update(existing.id, { role: "admin" });
    if (existing.role !== "admin") {
      deps.authCache.invalidateUser(user.id);
      await audit(deps, {
        event: "role_change",
        userId: user.id,
        actorId,
        client,
        metadata: { from: "user", to: "admin" },
      });
    }
    return { user, created: false };
  }
  const user = await users.create({
    email,
    passwordHash: await deps.passwords.hash(password),
    fullName,
    role: "admin",
  });
  await audit(deps, { event: "admin_created", userId: user.id, actorId, client });
  return { user, created: true };
}

/** At start: create the admin from the environment, or print a setup token. */
export async function ensureFirstAdmin(deps: Deps): Promise<void> {
  const settings = createSettingsRepo(deps.db);
  if ((await createUsersRepo(deps.db).countAdmins()) > 0) {
    await settings.delete(SETUP_TOKEN_KEY);
    return;
  }
  const bootstrap = deps.config.bootstrapAdmin;
  if (bootstrap) {
    const checked = newPasswordSchema.safeParse(bootstrap.password);
    if (!checked.success) {
      throw new AppError(
        "config.admin_password",
        500,
        "ADMIN_PASSWORD does not meet the password policy: " +
          fieldErrors(checked.error).map((f) => f.message).join(" "),
      );
    }
    // Never promote an existing account from the environment: with open registration,
    // whoever registered that address first would become the administrator.
    if (await createUsersRepo(deps.db).findByEmail(bootstrap.email)) {
      deps.logger.error(
        "ADMIN_EMAIL belongs to an existing account, which is not made an administrator " +
          "automatically. Run `deno task admin:create --email <address>` to promote it " +
          "deliberately, or use the setup token below.",
      );
    } else {
      const { user } = await createAdminAccount({
        deps,
        email: bootstrap.email,
        password: bootstrap.password,
        fullName: "Administrator",
        actorId: null,
        client: NO_CLIENT,
      });
      deps.logger.info("created the first admin from ADMIN_EMAIL", { user_id: user.id });
      return;
    }
  }
  const token = randomToken(24);
  await settings.set(SETUP_TOKEN_KEY, await sha256Hex(token));
  deps.logger.warn(
    `No administrator yet. Open ${deps.config.publicUrl}/setup and enter this one-time setup ` +
      `token to create one: ${token}`,
    { setup_url: `${deps.config.publicUrl}/setup` },
  );
}

/** Whether /setup is open: no admin yet and a setup token waiting. */
export async function isSetupOpen(deps: Deps): Promise<boolean> {
  if ((await createUsersRepo(deps.db).countAdmins()) > 0) return false;
  return (await createSettingsRepo(deps.db).get(SETUP_TOKEN_KEY)) !== undefined;
}

/** The /setup form: the token (used once) creates the first admin and signs them in. */
export async function setupFirstAdmin(
  { deps, token, email, password, fullName, client }: {
    deps: Deps;
    token: string;
    email: string;
    password: string;
    fullName: string;
    client: ClientInfo;
  },
): Promise<{ user: UserRow; session: IssuedSession }> {
  if (!(await isSetupOpen(deps))) throw new NotFoundError();
  const settings = createSettingsRepo(deps.db);
  if (!(await settings.deleteIfEquals(SETUP_TOKEN_KEY, await sha256Hex(token.trim())))) {
    deps.logger.warn("wrong setup token entered", { ip: client.ip });
    throw new InvalidCodeError();
  }
  const { user } = await createAdminAccount({
    deps,
    email,
    password,
    fullName,
    actorId: null,
    client,
  });
  const session = await startSession({ deps, userId: user.id, client });
  return { user, session };
}
