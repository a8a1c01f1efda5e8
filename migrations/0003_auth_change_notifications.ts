import { type Kysely, sql } from "kysely";

/**
 * Tell every process when an account's sign-in state changes (a user row changed or was
 * deleted, a session or API token revoked), so that their caches of who is signed in
 * drop it at once: NOTIFY docuvault_auth with the user's id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function docuvault_notify_auth_change() returns trigger language plpgsql as $$
    declare
      changed_user uuid;
    begin
      if tg_table_name = 'users' then
        changed_user := coalesce(new.id, old.id);
      else
        changed_user := coalesce(new.user_id, old.user_id);
      end if;
      perform pg_notify('docuvault_auth', changed_user::text);
      return null;
    end
    $$
  `.execute(db);
  await sql`
    create trigger users_auth_change after update or delete on users
    for each row execute function docuvault_notify_auth_change()
  `.execute(db);
  await sql`
    create trigger sessions_auth_change after update of revoked_at or delete on sessions
    for each row execute function docuvault_notify_auth_change()
  `.execute(db);
  await sql`
    create trigger api_tokens_auth_change after update of revoked_at or delete on api_tokens
    for each row execute function docuvault_notify_auth_change()
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger api_tokens_auth_change on api_tokens`.execute(db);
  await sql`drop trigger sessions_auth_change on sessions`.execute(db);
  await sql`drop trigger users_auth_change on users`.execute(db);
  await sql`drop function docuvault_notify_auth_change()`.execute(db);
}
