import { type Kysely, sql } from "kysely";

/**
 * Indexes for the administrators' audit log (SPEC §4.2). 0002 indexed (user_id, created_at)
 * and (event_type, created_at); the page and the CSV export also read the whole log newest
 * first by the keyset (created_at, id), and filter by who did it (actor_id). "Everything
 * involving alice" (user_id = X or actor_id = X) combines the user and the actor index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index if not exists audit_log_created_idx on audit_log (created_at desc, id desc)
  `.execute(db);
  await sql`
    create index if not exists audit_log_actor_idx on audit_log (actor_id, created_at desc)
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists audit_log_actor_idx`.execute(db);
  await sql`drop index if exists audit_log_created_idx`.execute(db);
}
