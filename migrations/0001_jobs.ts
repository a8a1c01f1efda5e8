import { type Kysely, sql } from "kysely";

/** The durable record of queued work. Deno KV delivers; this table is the truth. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table jobs (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (length(kind) between 1 and 100),
      payload jsonb not null default '{}'::jsonb,
      status text not null default 'queued'
        check (status in ('queued', 'running', 'succeeded', 'dead', 'cancelled')),
      attempts integer not null default 0 check (attempts >= 0),
      max_attempts integer not null default 5 check (max_attempts >= 1),
      last_error text,
      dedupe_key text,
      run_after timestamptz not null default now(),
      dispatched_at timestamptz,
      locked_by text,
      lease_expires_at timestamptz,
      progress jsonb,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      started_at timestamptz,
      finished_at timestamptz
    )
  `.execute(db);
  await sql`create index jobs_ready_idx on jobs (run_after) where status = 'queued'`.execute(db);
  await sql`create index jobs_lease_idx on jobs (lease_expires_at) where status = 'running'`
    .execute(db);
  await sql`
    create unique index jobs_active_dedupe_key_idx on jobs (dedupe_key)
    where status in ('queued', 'running')
  `.execute(db);
  await sql`create index jobs_kind_status_idx on jobs (kind, status, created_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table jobs`.execute(db);
}
