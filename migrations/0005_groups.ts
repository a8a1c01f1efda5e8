import { type Kysely, sql } from "kysely";

/**
 * Groups (SPEC §4.2): named sets of users that documents can be shared with. Members may
 * be group admins, who manage the group's membership and nothing else.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table groups (
      id uuid primary key default gen_random_uuid(),
      name text not null check (length(name) between 1 and 128),
      description text not null default '' check (length(description) <= 512),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create unique index groups_name_idx on groups (lower(name))`.execute(db);
  await sql`
    create table group_members (
      group_id uuid not null references groups (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      is_group_admin boolean not null default false,
      added_at timestamptz not null default now(),
      primary key (group_id, user_id)
    )
  `.execute(db);
  await sql`create index group_members_user_idx on group_members (user_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table group_members`.execute(db);
  await sql`drop table groups`.execute(db);
}
