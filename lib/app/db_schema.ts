/**
 * The database as Kysely sees it. One interface per table, named after the table;
 * columns are snake_case like the SQL. Migrations in migrations/ are the truth; these
 * types follow them.
 */
import type { ColumnType, Generated, JSONColumnType } from "kysely";

/** A timestamptz column: read as Date, written as Date or ISO string, defaulted by SQL. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;

export type JobStatus = "queued" | "running" | "succeeded" | "dead" | "cancelled";

export interface JobsTable {
  id: Generated<string>;
  kind: string;
  payload: JSONColumnType<Record<string, unknown>, string, string>;
  status: Generated<JobStatus>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  last_error: string | null;
  dedupe_key: string | null;
  run_after: Timestamp;
  dispatched_at: NullableTimestamp;
  locked_by: string | null;
  lease_expires_at: NullableTimestamp;
  progress: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
}

export type Role = "user" | "admin";
export type StoredColorMode = "light" | "dark" | "system";

export interface UsersTable {
  id: Generated<string>;
  email: string;
  password_hash: string;
  role: Generated<Role>;
  is_active: Generated<boolean>;
  full_name: string;
  color_mode: StoredColorMode | null;
  pinned_app_ids: ColumnType<string[], string | undefined, string>;
  ai_provider: string | null;
  ai_model: string | null;
  totp_secret_enc: string | null;
  totp_pending_secret_enc: string | null;
  totp_enabled: Generated<boolean>;
  totp_last_counter: number | null;
  password_changed_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProfilesTable {
  user_id: string;
  phone: string | null;
  /** ISO date string (yyyy-mm-dd). */
  date_of_birth: ColumnType<string | null, string | null, string | null>;
  position: string | null;
  address: string | null;
  updated_at: Timestamp;
}

export interface BackupCodesTable {
  id: Generated<string>;
  user_id: string;
  code_hash: string;
  used_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface SessionsTable {
  id: Generated<string>;
  user_id: string;
  user_agent: string | null;
  ip: string | null;
  created_at: Timestamp;
  last_used_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  revoked_at: NullableTimestamp;
  revoked_reason: string | null;
}

export interface RefreshTokensTable {
  id: Generated<string>;
  user_id: string;
  family_id: string;
  token_hash: string;
  created_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  revoked_at: NullableTimestamp;
  replaced_by: string | null;
  rotated_at: NullableTimestamp;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_prefix: string;
  token_hash: string;
  created_at: Timestamp;
  last_used_at: NullableTimestamp;
  expires_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface AuthThrottlesTable {
  key: string;
  failures: number;
  first_failure_at: ColumnType<Date, Date | string, Date | string>;
  last_failure_at: ColumnType<Date, Date | string, Date | string>;
  locked_until: NullableTimestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  created_at: Timestamp;
  user_id: string | null;
  actor_id: string | null;
  event_type: string;
  resource_id: string | null;
  ip: string | null;
  user_agent: string | null;
  metadata: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface SettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
  updated_by: string | null;
}

/** Colour themes; `tokens` is `{light: {"color-bg": "#rrggbb", …}, dark: {…}}` (see 0007). */
export interface ThemesTable {
  id: string;
  label: string;
  is_builtin: Generated<boolean>;
  tokens: ColumnType<
    Record<"light" | "dark", Record<string, string>>,
    string,
    string
  >;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: string | null;
}

export type DocumentStatus = "pending" | "uploaded" | "processing" | "ready" | "error";

export interface DocumentTypesTable {
  slug: string;
  label: string;
  is_system: Generated<boolean>;
  sort_order: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FoldersTable {
  id: Generated<string>;
  user_id: string;
  parent_id: string | null;
  name: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CategoriesTable {
  id: Generated<string>;
  /** null: a system category. */
  user_id: string | null;
  parent_id: string | null;
  name: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TagsTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  created_at: Timestamp;
}

export interface QuotasTable {
  user_id: string;
  limit_bytes: number;
  used_bytes: Generated<number>;
  updated_at: Timestamp;
}

export interface DocumentsTable {
  id: Generated<string>;
  user_id: string;
  folder_id: string | null;
  filename: string;
  content_type: Generated<string>;
  size_bytes: number;
  sha256: string | null;
  client_sha256: string | null;
  object_key: string;
  storage_backend: string;
  status: DocumentStatus;
  error_message: string | null;
  title: string | null;
  document_type: string | null;
  /** yyyy-mm-dd */
  document_date: ColumnType<string | null, string | null | undefined, string | null>;
  issuer: string | null;
  summary: string | null;
  /** numeric: a string on read, to keep cents exact. */
  amount: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  currency: string | null;
  extracted_text: string | null;
  language: string | null;
  page_count: number | null;
  has_text_layer: boolean | null;
  pdf_metadata: ColumnType<
    Record<string, unknown> | null,
    string | null | undefined,
    string | null
  >;
  ai_suggestion: ColumnType<
    Record<string, unknown> | null,
    string | null | undefined,
    string | null
  >;
  classified_by: "llm" | "builtin" | "user" | null;
  duplicate_of: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  confirmed_at: NullableTimestamp;
  processed_at: NullableTimestamp;
  upload_expires_at: NullableTimestamp;
}

/** Kept by triggers from documents and their assignments (see the 0004 migration). */
export interface DocumentSearchTable {
  document_id: string;
  user_id: string;
  created_at: Timestamp;
  status: DocumentStatus;
  document_type: string | null;
  document_date: string | null;
  size_bytes: number;
  folder_id: string | null;
  title_key: string;
  has_suggestion: boolean;
  search: string;
  search_head: string;
  /** Categories, tags and md5('type:' || slug)::uuid of the type (0010, 0011): triggers. */
  facet_keys: ColumnType<string[], never, never>;
}

export interface DocumentCategoriesTable {
  document_id: string;
  category_id: string;
}

export interface DocumentTagsTable {
  document_id: string;
  tag_id: string;
}

export interface ClassifierExamplesTable {
  document_id: string;
  user_id: string;
  document_type: string | null;
  categories: ColumnType<string[], string | undefined, string>;
  tags: ColumnType<string[], string | undefined, string>;
  updated_at: Timestamp;
}

export interface GroupsTable {
  id: Generated<string>;
  name: string;
  description: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface GroupMembersTable {
  group_id: string;
  user_id: string;
  is_group_admin: Generated<boolean>;
  added_at: Timestamp;
}

export interface DocumentSharesTable {
  id: Generated<string>;
  document_id: string;
  user_id: string | null;
  group_id: string | null;
  permission: "view" | "edit";
  created_by: string | null;
  created_at: Timestamp;
}

export interface AppsTable {
  id: string;
  settings: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Who may use an app: a group, or everyone when `group_id` is null. */
export interface AppPermissionsTable {
  app_id: string;
  group_id: string | null;
  created_at: Timestamp;
}

export interface Database {
  jobs: JobsTable;
  document_types: DocumentTypesTable;
  folders: FoldersTable;
  categories: CategoriesTable;
  tags: TagsTable;
  quotas: QuotasTable;
  documents: DocumentsTable;
  document_categories: DocumentCategoriesTable;
  document_tags: DocumentTagsTable;
  document_search: DocumentSearchTable;
  classifier_examples: ClassifierExamplesTable;
  users: UsersTable;
  profiles: ProfilesTable;
  backup_codes: BackupCodesTable;
  sessions: SessionsTable;
  refresh_tokens: RefreshTokensTable;
  api_tokens: ApiTokensTable;
  auth_throttles: AuthThrottlesTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  themes: ThemesTable;
  groups: GroupsTable;
  apps: AppsTable;
  app_permissions: AppPermissionsTable;
  group_members: GroupMembersTable;
  document_shares: DocumentSharesTable;
}
