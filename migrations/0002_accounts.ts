import { type Kysely, sql } from "kysely";

/**
 * Accounts and sessions (SPEC §3, §4.1): users, profiles, sign-in sessions with rotating
 * refresh tokens, personal API tokens, TOTP backup codes, brute-force counters, the audit
 * log, and key/value settings.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table users (
      id uuid primary key default gen_random_uuid(),
      email text not null unique check (email = lower(email) and length(email) between 3 and 254),
      password_hash text not null,
      role text not null default 'user' check (role in ('user', 'admin')),
      is_active boolean not null default true,
      full_name text not null check (length(full_name) between 1 and 128),
      color_mode text check (color_mode in ('light', 'dark', 'system')),
      pinned_app_ids jsonb not null default '[]'::jsonb,
      ai_provider text,
      ai_model text,
      totp_secret_enc text,
      totp_pending_secret_enc text,
      totp_enabled boolean not null default false,
      totp_last_counter bigint,
      password_changed_at timestamptz not null default now(),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create index users_role_idx on users (role) where role = 'admin'`.execute(db);

  await sql`
    create table profiles (
      user_id uuid primary key references users (id) on delete cascade,
      phone text check (length(phone) <= 20),
      date_of_birth date check (date_of_birth >= date '1900-01-01'),
      position text check (length(position) <= 128),
      address text check (length(address) <= 255),
      updated_at timestamptz not null default now()
    )
  `.execute(db);

  await sql`
    create table backup_codes (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      code_hash text not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create index backup_codes_user_idx on backup_codes (user_id)`.execute(db);

  // A session is one sign-in on one device: the family of its refresh tokens.
  await sql`
    create table sessions (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      user_agent text,
      ip text,
      created_at timestamptz not null default now(),
      last_used_at timestamptz not null default now(),
      expires_at timestamptz not null,
      revoked_at timestamptz,
      revoked_reason text
    )
  `.execute(db);
  await sql`create index sessions_user_idx on sessions (user_id) where revoked_at is null`
    .execute(db);

  await sql`
    create table refresh_tokens (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      family_id uuid not null references sessions (id) on delete cascade,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      revoked_at timestamptz,
      replaced_by uuid,
      rotated_at timestamptz
    )
  `.execute(db);
  await sql`create index refresh_tokens_family_idx on refresh_tokens (family_id)`.execute(db);

  await sql`
    create table api_tokens (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      name text not null check (length(name) between 1 and 100),
      token_prefix text not null,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      expires_at timestamptz,
      revoked_at timestamptz
    )
  `.execute(db);
  await sql`create index api_tokens_user_idx on api_tokens (user_id)`.execute(db);

  // Failed sign-in counters per account and per IP, shared by every web process.
  await sql`
    create table auth_throttles (
      key text primary key,
      failures integer not null default 0,
      first_failure_at timestamptz not null,
      last_failure_at timestamptz not null,
      locked_until timestamptz
    )
  `.execute(db);

  // No foreign keys: the record outlives the accounts it mentions.
  await sql`
    create table audit_log (
      id bigserial primary key,
      created_at timestamptz not null default now(),
      user_id uuid,
      actor_id uuid,
      event_type text not null,
      resource_id text,
      ip text,
      user_agent text,
      metadata jsonb not null default '{}'::jsonb
    )
  `.execute(db);
  await sql`create index audit_log_user_idx on audit_log (user_id, created_at desc)`.execute(db);
  await sql`create index audit_log_event_idx on audit_log (event_type, created_at desc)`
    .execute(db);

  await sql`
    create table settings (
      key text primary key,
      value jsonb not null,
      updated_at timestamptz not null default now(),
      updated_by uuid
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (
    const table of [
      "settings",
      "audit_log",
      "auth_throttles",
      "api_tokens",
      "refresh_tokens",
      "sessions",
      "backup_codes",
      "profiles",
      "users",
    ]
  ) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
