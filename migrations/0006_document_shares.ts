import { type Kysely, sql } from "kysely";

/**
 * Sharing (SPEC §4.6): a document shared with one user or one group, to view (read,
 * preview, download) or to edit its metadata. Removing the user, the group or the
 * document removes the share.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table document_shares (
      id uuid primary key default gen_random_uuid(),
      document_id uuid not null references documents (id) on delete cascade,
      user_id uuid references users (id) on delete cascade,
      group_id uuid references groups (id) on delete cascade,
      permission text not null check (permission in ('view', 'edit')),
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      check ((user_id is null) <> (group_id is null))
    )
  `.execute(db);
  await sql`
    create unique index document_shares_user_idx on document_shares (user_id, document_id)
    where user_id is not null
  `.execute(db);
  await sql`
    create unique index document_shares_group_idx on document_shares (group_id, document_id)
    where group_id is not null
  `.execute(db);
  await sql`create index document_shares_document_idx on document_shares (document_id)`
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table document_shares`.execute(db);
}
