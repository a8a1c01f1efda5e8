/** All SQL on the audit log. Entries never contain document content or secrets. */
import type { Kysely, Selectable } from "kysely";
import { jsonb } from "../app/db.ts";
import type { AuditLogTable, Database } from "../app/db_schema.ts";

export type AuditRow = Selectable<AuditLogTable>;

export interface NewAuditEntry {
  eventType: string;
  userId?: string | null;
  actorId?: string | null;
  resourceId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  metadata?: Record<string, unknown>;
  at: Date;
}

export function createAuditRepo(db: Kysely<Database>) {
  return {
    async insert(entry: NewAuditEntry): Promise<void> {
      await db.insertInto("audit_log").values({
        event_type: entry.eventType,
        user_id: entry.userId ?? null,
        actor_id: entry.actorId ?? null,
        resource_id: entry.resourceId ?? null,
        ip: entry.ip ?? null,
        user_agent: entry.userAgent?.slice(0, 512) ?? null,
        metadata: jsonb(entry.metadata ?? {}) as never,
        created_at: entry.at,
      }).execute();
    },

    async listForUser(userId: string, limit = 100): Promise<AuditRow[]> {
      return await db.selectFrom("audit_log").selectAll()
        .where("user_id", "=", userId).orderBy("id", "desc").limit(limit).execute();
    },
  };
}
