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

export interface Database {
  jobs: JobsTable;
}
