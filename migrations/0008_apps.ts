import { type Kysely, sql } from "kysely";

/**
 * Apps (SPEC §3, §4.7): one row per app manifest (lib/apps/app_manifests.ts) holding
 * the app's settings, and the grants saying who may use it — a group, or everyone
 * (`group_id` null). The rows are made at start-up (lib/apps/apps_service.ts), not here:
 * the registry lives in code.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table apps (
      id text primary key check (id ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
      settings jsonb not null default '{}'::jsonb check (jsonb_typeof(settings) = 'object'),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )
  `.execute(db);
  // One grant per (app, group), and at most one "everyone" grant per app.
  await sql`
    create table app_permissions (
      app_id text not null references apps (id) on delete cascade,
      group_id uuid references groups (id) on delete cascade,
      created_at timestamptz not null default now(),
      unique nulls not distinct (app_id, group_id)
    )
  `.execute(db);
  await sql`create index app_permissions_group_idx on app_permissions (group_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table app_permissions`.execute(db);
  await sql`drop table apps`.execute(db);
}
