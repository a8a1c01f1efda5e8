/**
 * User administration (SPEC §4.2, issue #6 point 3): administrators list and search
 * accounts, create them, change role, activation, quota and AI assignment, reset 2FA and
 * passwords, and delete accounts with their files. Every change is audited with the
 * administrator as actor. Administrators see counts and bytes only — never a document.
 *
 * Two rules keep an instance administrable: nobody removes their own administrator
 * rights (demote, deactivate, delete), and the last active administrator stays one.
 */
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { Database, Role } from "../app/db_schema.ts";
import type { Deps } from "../app/deps.ts";
import { fromBase64Url, toBase64Url } from "../app/encryption.ts";
import {
  audit,
  type AuditEvent,
  type AuditInput,
  type ClientInfo,
} from "../audit/audit_service.ts";
import { createAccount } from "../auth/auth_service.ts";
import { generatePassword } from "../auth/generated_password.ts";
import { revokeOtherSessions } from "../auth/sessions_service.ts";
import { resetTwoFactor } from "../auth/two_factor_service.ts";
import { deleteObjectJob } from "../documents/jobs/delete_object_job.ts";
import { getSetting } from "../settings/settings_service.ts";
import {
  BadRequestError,
  ConflictError,
  NotFoundError,
  ValidationError,
} from "../shared/errors.ts";
import { resetPassword } from "../users/users_service.ts";
import type { UserRow } from "../users/users_repo.ts";
import { type AdminUserRow, createAdminUsersRepo } from "./admin_users_repo.ts";
import type { createUserSchema, listUsersSchema, UpdateUserInput } from "./admin_users_schemas.ts";

export interface AdminUser {
  id: string;
  email: string;
  full_name: string;
  role: Role;
  is_active: boolean;
  totp_enabled: boolean;
  created_at: string;
  last_sign_in_at: string | null;
  quota: { used_bytes: number; limit_bytes: number };
  document_count: number;
  group_count: number;
  /** null: the system default. */
  ai_provider: string | null;
  ai_model: string | null;
}

export interface AdminActor {
  deps: Deps;
  actor: UserRow;
  client: ClientInfo;
}

const notFound = () => new NotFoundError("users.not_found", "No such account.");

function toAdminUser(row: AdminUserRow, defaultQuota: number): AdminUser {
  return {
    id: row.id,
    email: row.email,
    full_name: row.full_name,
    role: row.role,
    is_active: row.is_active,
    totp_enabled: row.totp_enabled,
    created_at: row.created_at.toISOString(),
    last_sign_in_at: row.last_sign_in_at?.toISOString() ?? null,
    // No quota row yet: the account gets the default on first use, so that is its limit.
    quota: { used_bytes: row.used_bytes ?? 0, limit_bytes: row.limit_bytes ?? defaultQuota },
    document_count: row.document_count,
    group_count: row.group_count,
    ai_provider: row.ai_provider,
    ai_model: row.ai_model,
  };
}

function badCursor(): never {
  throw new BadRequestError(
    "users.bad_cursor",
    "This page link is not valid. Start again from the first page.",
  );
}

/** A page of accounts, by e-mail address; `next_cursor` continues after its last one. */
export async function listUsers(
  deps: Deps,
  { q, cursor, limit }: z.output<typeof listUsersSchema>,
): Promise<{ users: AdminUser[]; next_cursor: string | null }> {
  let afterEmail: string | undefined;
  if (cursor) {
    try {
      afterEmail = new TextDecoder("utf-8", { fatal: true }).decode(fromBase64Url(cursor));
    } catch {
      badCursor();
    }
    if (!afterEmail || afterEmail.length > 254) badCursor();
  }
  const [rows, defaultQuota] = await Promise.all([
    createAdminUsersRepo(deps.db).list({ q: q || undefined, afterEmail, limit: limit + 1 }),
    getSetting(deps, "default_quota_bytes"),
  ]);
  const page = rows.slice(0, limit);
  return {
    users: page.map((row) => toAdminUser(row, defaultQuota)),
    next_cursor: rows.length > limit
      ? toBase64Url(new TextEncoder().encode(page.at(-1)!.email))
      : null,
  };
}

/** One account, or 404. */
export async function getAdminUser(deps: Deps, id: string): Promise<AdminUser> {
  const [row, defaultQuota] = await Promise.all([
    createAdminUsersRepo(deps.db).find(id),
    getSetting(deps, "default_quota_bytes"),
  ]);
  if (!row) throw notFound();
  return toAdminUser(row, defaultQuota);
}

/**
 * Create an account the way registration does (same checks, same default quota). Without
 * a password one is generated: it is returned this once and stored only as a hash.
 */
export async function createUserByAdmin(
  { deps, actor, client }: AdminActor,
  input: z.output<typeof createUserSchema>,
): Promise<{ user: AdminUser; generated_password?: string }> {
  const generated = input.password === undefined ? generatePassword() : undefined;
  const user = await createAccount({
    deps,
    email: input.email,
    password: input.password ?? generated!,
    fullName: input.full_name,
    role: input.role,
  });
  await audit(deps, {
    event: "user_created",
    userId: user.id,
    actorId: actor.id,
    client,
    metadata: { role: user.role, generated_password: generated !== undefined },
  });
  return {
    user: await getAdminUser(deps, user.id),
    ...(generated === undefined ? {} : { generated_password: generated }),
  };
}

function cannotChangeSelf(what: string): never {
  throw new ConflictError(
    "users.self_change",
    `You cannot ${what} your own account. Ask another administrator to do it.`,
  );
}

/** Throws 409 when taking `target`'s administrator rights would leave no active admin. */
async function keepAnAdmin(trx: Kysely<Database>, target: UserRow, what: string) {
  if (target.role !== "admin" || !target.is_active) return;
  if ((await createAdminUsersRepo(trx).lockOtherActiveAdmins(target.id)) === 0) {
    throw new ConflictError(
      "users.last_admin",
      `${target.email} is the last active administrator and cannot be ${what}. ` +
        "Make another account an administrator first.",
    );
  }
}

/**
 * Whether `provider` may be assigned. Named providers are those the administrator
 * configured; no such list exists yet (resolveLlmSettings is given none), so only the
 * system default, the built-in classifier and endpoint URLs are accepted.
 */
function checkProviderName(provider: string | null) {
  if (provider === null || provider === "builtin" || /^https?:\/\//i.test(provider)) return;
  throw new ValidationError([{
    path: "ai_provider",
    message: `No AI provider is called "${provider}". Use "system" (the default), "builtin", ` +
      "or the http(s) URL of an OpenAI-compatible endpoint.",
  }]);
}

/**
 * Change an account's role, activation, quota and AI assignment — all or nothing, each
 * change audited on its own with the old and new values. Deactivation ends every session
 * of the account at once; its API tokens stop working while it stays deactivated.
 */
export async function updateUserByAdmin(
  { deps, actor, client }: AdminActor,
  id: string,
  input: UpdateUserInput,
): Promise<AdminUser> {
  const changes = await deps.db.transaction().execute(async (trx) => {
    const repo = createAdminUsersRepo(trx);
    const user = await repo.lockUser(id);
    if (!user) throw notFound();
    const role = input.role ?? user.role;
    const isActive = input.is_active ?? user.is_active;
    if (user.id === actor.id && role !== "admin") {
      cannotChangeSelf("remove the administrator role of");
    }
    if (user.id === actor.id && !isActive) cannotChangeSelf("deactivate");
    if (role !== "admin" && user.role === "admin") await keepAnAdmin(trx, user, "made a user");
    if (!isActive && user.is_active) await keepAnAdmin(trx, user, "deactivated");

    const provider = input.ai_provider !== undefined ? input.ai_provider : user.ai_provider;
    const model = input.ai_model !== undefined ? input.ai_model : user.ai_model;
    if (input.ai_provider !== undefined) checkProviderName(provider);
    if (provider !== null && /^https?:\/\//i.test(provider) && !model) {
      throw new ValidationError([{
        path: "ai_model",
        message: "An endpoint URL needs a model: name the model to use there.",
      }]);
    }

    const events: AuditInput[] = [];
    const record = (event: AuditEvent, metadata: AuditInput["metadata"]) =>
      events.push({ event, userId: id, actorId: actor.id, client, metadata });
    if (role !== user.role) record("role_change", { from: user.role, to: role });
    if (isActive !== user.is_active) {
      record(isActive ? "user_activated" : "user_deactivated", {
        from: user.is_active,
        to: isActive,
      });
    }
    if (provider !== user.ai_provider || model !== user.ai_model) {
      record("ai_assignment", {
        from_provider: user.ai_provider,
        to_provider: provider,
        from_model: user.ai_model,
        to_model: model,
      });
    }
    await repo.setFields(id, { role, is_active: isActive, ai_provider: provider, ai_model: model });
    if (input.quota_limit_bytes !== undefined) {
      const before = (await repo.quotaLimit(id)) ??
        await getSetting({ db: trx }, "default_quota_bytes");
      await repo.setQuotaLimit(id, input.quota_limit_bytes);
      if (before !== input.quota_limit_bytes) {
        record("quota_change", { from: before, to: input.quota_limit_bytes });
      }
    }
    for (const entry of events) await audit(deps, entry, trx);
    return { deactivated: user.is_active && !isActive };
  });
  // Cached sign-ins hold the old row (role, is_active): drop them in this process; the
  // users trigger's NOTIFY does the same in every other one.
  deps.authCache.invalidateUser(id);
  if (changes.deactivated) {
    await revokeOtherSessions({
      deps,
      userId: id,
      keep: null,
      reason: "account_deactivated",
      client,
      actorId: actor.id,
    });
  }
  return await getAdminUser(deps, id);
}

async function existingOther(deps: Deps, actor: UserRow, id: string, what: string) {
  const user = await deps.db.selectFrom("users").select(["id"]).where("id", "=", id)
    .executeTakeFirst();
  if (!user) throw notFound();
  if (user.id === actor.id) {
    throw new ConflictError(
      "users.self_change",
      `Use your profile page to ${what} of your own account.`,
    );
  }
}

/** Turn 2FA off for an account that lost its authenticator; its sessions end. */
export async function resetUserTwoFactor(
  { deps, actor, client }: AdminActor,
  id: string,
): Promise<AdminUser> {
  await existingOther(deps, actor, id, "change the two-factor authentication");
  await resetTwoFactor({ deps, userId: id, actorId: actor.id, client });
  return await getAdminUser(deps, id);
}

/** Give the account a new generated password (returned this once); its sessions end. */
export async function resetUserPassword(
  { deps, actor, client }: AdminActor,
  id: string,
): Promise<{ generated_password: string }> {
  await existingOther(deps, actor, id, "change the password");
  const password = generatePassword();
  await resetPassword({ deps, userId: id, newPassword: password, actorId: actor.id, client });
  return { generated_password: password };
}

/**
 * Delete an account with everything it owns. The rows go in one transaction; in the same
 * transaction one durable job per stored file is queued, so a crash leaves either the
 * whole account or no account and jobs that will remove every file. The audit log keeps
 * the account's history and records the deletion (address, counts and bytes only).
 */
export async function deleteUserByAdmin(
  { deps, actor, client }: AdminActor,
  id: string,
  confirmEmail: string,
): Promise<{ document_count: number; bytes: number }> {
  const { jobIds, summary } = await deps.db.transaction().execute(async (trx) => {
    const repo = createAdminUsersRepo(trx);
    const user = await repo.lockUser(id);
    if (!user) throw notFound();
    if (user.id === actor.id) cannotChangeSelf("delete");
    if (confirmEmail !== user.email) {
      throw new ValidationError([{
        path: "confirm_email",
        message: `Type the account's e-mail address (${user.email}) to confirm.`,
      }]);
    }
    await keepAnAdmin(trx, user, "deleted");
    // The user row is locked: no document of theirs can be added before the commit.
    const objects = await repo.documentObjects(id);
    const stored = objects.filter((o) => o.status !== "pending");
    const summary = {
      document_count: stored.length,
      bytes: stored.reduce((sum, o) => sum + o.size_bytes, 0),
    };
    const jobIds: string[] = [];
    for (const { object_key } of objects) {
      const job = await deps.queue.enqueue(deleteObjectJob, { object_key }, { trx });
      jobIds.push(job.id);
    }
    await repo.deleteUser(id);
    await audit(deps, {
      event: "user_deleted",
      userId: id,
      actorId: actor.id,
      resourceId: id,
      client,
      metadata: { email: user.email, ...summary },
    }, trx);
    return { jobIds, summary };
  });
  deps.authCache.invalidateUser(id);
  deps.classifiers.forget(id);
  for (const jobId of jobIds) await deps.queue.dispatch(jobId);
  return summary;
}
