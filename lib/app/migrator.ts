/**
 * Numbered migrations run by Kysely's Migrator. On PostgreSQL, Kysely takes an advisory
 * lock, so a web and a worker process starting together do not race.
 */
import { type Kysely, sql } from "kysely";
import { type Migration, type MigrationResult, Migrator, NO_MIGRATIONS } from "kysely/migration";
import { migrations as allMigrations } from "../../migrations/mod.ts";
import type { Logger } from "./logger.ts";

export interface MigrationStatus {
  name: string;
  executedAt: Date | null;
}

function createMigrator(db: Kysely<unknown>, migrations: Record<string, Migration>) {
  return new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
}

function check(
  outcome: { error?: unknown; results?: MigrationResult[] },
  logger: Logger,
): MigrationResult[] {
  for (const result of outcome.results ?? []) {
    const fields = { migration: result.migrationName, direction: result.direction };
    if (result.status === "Success") logger.info("migration applied", fields);
    if (result.status === "Error") logger.error("migration failed", fields);
  }
  if (outcome.error) {
    throw new Error(
      `database migration failed: ${
        outcome.error instanceof Error ? outcome.error.message : String(outcome.error)
      }`,
      { cause: outcome.error },
    );
  }
  return outcome.results ?? [];
}

/**
 * Whether every migration is already applied, in one query. The Migrator itself
 * introspects the schema and takes a lock, which costs a noticeable part of a restart.
 */
async function allApplied(db: Kysely<unknown>, migrations: Record<string, Migration>) {
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    const applied = new Set(rows.map((row) => row.name));
    return Object.keys(migrations).every((name) => applied.has(name));
  } catch {
    return false; // no migration table yet
  }
}

/** Apply every pending migration. Returns the names applied now. */
export async function migrateToLatest(
  db: Kysely<unknown>,
  logger: Logger,
  migrations = allMigrations,
): Promise<string[]> {
  if (await allApplied(db, migrations)) return [];
  const results = check(await createMigrator(db, migrations).migrateToLatest(), logger);
  return results.map((r) => r.migrationName);
}

/** Undo the most recent migration. Returns its name, or null when none was applied. */
export async function migrateDown(
  db: Kysely<unknown>,
  logger: Logger,
  migrations = allMigrations,
): Promise<string | null> {
  const results = check(await createMigrator(db, migrations).migrateDown(), logger);
  return results[0]?.migrationName ?? null;
}

/** Undo every migration (tests check up → down → up with this). */
export async function migrateToNone(
  db: Kysely<unknown>,
  logger: Logger,
  migrations = allMigrations,
): Promise<void> {
  check(await createMigrator(db, migrations).migrateTo(NO_MIGRATIONS), logger);
}

export async function migrationStatus(
  db: Kysely<unknown>,
  migrations = allMigrations,
): Promise<MigrationStatus[]> {
  const infos = await createMigrator(db, migrations).getMigrations();
  return infos.map((info) => ({ name: info.name, executedAt: info.executedAt ?? null }));
}
