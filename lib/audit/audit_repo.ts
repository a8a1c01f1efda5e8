/** All SQL on the audit log. Entries never contain document content or secrets. */
import { type Kysely, type Selectable, sql } from "kysely";
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

/** The administrators' filters (lib/audit/audit_query.ts), resolved to ids and instants. */
export interface AuditSearch {
  /** Events about this user or done by them. */
  involving?: string;
  actorId?: string;
  eventTypes?: string[];
  /** Inclusive lower bound. */
  from?: Date;
  /** Exclusive upper bound (the midnight after an inclusive `to` day). */
  before?: Date;
  /** Inclusive upper bound (an exact `to` instant). */
  until?: Date;
}

/** Where a page ended: `created_at` to the microsecond (UTC ISO) and the id. */
export interface AuditPosition {
  at: string;
  id: number;
}

export type AuditListRow = AuditRow & {
  user_email: string | null;
  actor_email: string | null;
  /** `created_at` to the microsecond, for the keyset (JS dates stop at milliseconds). */
  position_at: string;
};

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

    /**
     * One page of the log, newest first, strictly older than `after`, with both accounts'
     * e-mails from one query (null once an account is deleted).
     */
    async search(
      filters: AuditSearch,
      page: { after?: AuditPosition; limit: number },
    ): Promise<AuditListRow[]> {
      let query = db.selectFrom("audit_log as a")
        .leftJoin("users as u", "u.id", "a.user_id")
        .leftJoin("users as actor", "actor.id", "a.actor_id")
        .selectAll("a")
        .select(["u.email as user_email", "actor.email as actor_email"])
        .select(
          sql<string>`to_char(a.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
            .as("position_at"),
        );
      const { involving, actorId, eventTypes, from, before, until } = filters;
      if (involving) {
        query = query.where((eb) =>
          eb.or([eb("a.user_id", "=", involving), eb("a.actor_id", "=", involving)])
        );
      }
      if (actorId) query = query.where("a.actor_id", "=", actorId);
      if (eventTypes?.length) query = query.where("a.event_type", "in", eventTypes);
      if (from) query = query.where("a.created_at", ">=", from);
      if (before) query = query.where("a.created_at", "<", before);
      if (until) query = query.where("a.created_at", "<=", until);
      if (page.after) {
        // Sent as text: postgres.js would turn a timestamptz parameter into a JS Date and
        // drop the microseconds.
        const { at, id } = page.after;
        query = query.where(sql<boolean>`(a.created_at, a.id) < (${at}::text::timestamptz, ${id})`);
      }
      return await query.orderBy("a.created_at", "desc").orderBy("a.id", "desc")
        .limit(page.limit).execute();
    },

    /** The distinct event types in the log, skipping along the event index (no full scan). */
    async eventTypes(): Promise<string[]> {
      const { rows } = await sql<{ event_type: string }>`
        with recursive t (event_type) as (
          (select event_type from audit_log order by event_type limit 1)
          union all
          select (
            select a.event_type from audit_log a where a.event_type > t.event_type
            order by a.event_type limit 1
          )
          from t where t.event_type is not null
        )
        select event_type from t where event_type is not null
      `.execute(db);
      return rows.map((r) => r.event_type);
    },
  };
}
