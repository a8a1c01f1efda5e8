/**
 * Recording audit events. Every account event (SPEC §4.2) goes through `audit()`, with the
 * client's IP and user agent. Metadata must never hold secrets or document content: the
 * callers pass only ids, counts, reasons and names.
 */
import type { Kysely } from "kysely";
import type { Database } from "../app/db_schema.ts";
import type { Deps } from "../app/deps.ts";
import { createAuditRepo } from "./audit_repo.ts";

/** Who is asking, as far as the network tells. */
export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export const NO_CLIENT: ClientInfo = { ip: null, userAgent: null };

export type AuditEvent =
  | "register"
  | "login"
  | "login_failed"
  | "logout"
  | "refresh_reuse"
  | "password_changed"
  | "password_reset"
  | "2fa_enabled"
  | "2fa_disabled"
  | "2fa_reset"
  | "backup_code_used"
  | "backup_codes_regenerated"
  | "token_created"
  | "token_revoked"
  | "session_revoked"
  | "admin_created"
  | "role_change"
  | "user_created"
  | "user_deleted"
  | "user_activated"
  | "user_deactivated"
  | "quota_change"
  | "ai_assignment"
  | "upload"
  | "delete"
  | "settings_change"
  | "group_created"
  | "group_updated"
  | "group_deleted"
  | "group_member_added"
  | "group_member_removed"
  | "group_member_changed"
  | "job_retried"
  | "share_created"
  | "share_revoked"
  | "theme_created"
  | "theme_updated"
  | "theme_deleted"
  | "app_settings_change"
  | "app_grants_change"
  | "audit_exported";

export interface AuditInput {
  event: AuditEvent;
  /** Whose account the event is about. */
  userId?: string | null;
  /** Who did it, when not the user themself (an admin, a task). */
  actorId?: string | null;
  resourceId?: string | null;
  client?: ClientInfo;
  metadata?: Record<string, AuditValue>;
}

/** What audit metadata may hold: JSON values (settings changes record lists and old/new). */
export type AuditValue =
  | string
  | number
  | boolean
  | null
  | AuditValue[]
  | { [key: string]: AuditValue };

export async function audit(
  deps: Pick<Deps, "db" | "clock">,
  input: AuditInput,
  db: Kysely<Database> = deps.db,
): Promise<void> {
  await createAuditRepo(db).insert({
    eventType: input.event,
    userId: input.userId,
    actorId: input.actorId ?? input.userId,
    resourceId: input.resourceId,
    ip: input.client?.ip,
    userAgent: input.client?.userAgent,
    metadata: input.metadata,
    at: deps.clock.now(),
  });
}
