/**
 * `deno task migrate [up|down|status]`: apply, undo (one step) or list the database
 * migrations, on PostgreSQL (DATABASE_URL) or the embedded database (when the server is
 * stopped: it holds the embedded database while it runs).
 */
import type { Kysely } from "kysely";
import { fail, parseTaskArgs, say } from "../lib/app/cli.ts";
import { acquireLock } from "../lib/app/data_dir.ts";
import { openDatabase } from "../lib/app/db.ts";
import { silentLogger } from "../lib/app/logger.ts";
import { migrateDown, migrateToLatest, migrationStatus } from "../lib/app/migrator.ts";
import { exitWithError, loadConfigOrExit } from "../lib/app/process.ts";

const { positionals } = parseTaskArgs({
  usage: `
Usage: deno task migrate [up|down|status]

  up      apply every pending migration (the default)
  down    undo the most recent migration
  status  list migrations and when each was applied

Uses DATABASE_URL when set, else the embedded database in $DATA_DIR/db (stop the
server first: it keeps the embedded database open while it runs).`,
  options: {},
  positionals: true,
});
const command = positionals[0] ?? "up";
if (!["up", "down", "status"].includes(command) || positionals.length > 1) {
  fail(`unknown command "${positionals.join(" ")}"; expected up, down or status (see --help)`);
}

const config = loadConfigOrExit();
const lock = config.mode === "embedded"
  ? await acquireLock(`${config.dataDir}/db.lock`, "embedded database").catch(exitWithError)
  : null;
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  pgliteDir: config.mode === "embedded" ? `${config.dataDir}/db` : undefined,
  poolSize: 1,
  logger: silentLogger,
}).catch(exitWithError);
const db = database.db as Kysely<unknown>;
say(`Database: ${config.mode === "embedded" ? `embedded (${config.dataDir}/db)` : "PostgreSQL"}`);
try {
  if (command === "up") {
    const applied = await migrateToLatest(db, silentLogger);
    say(applied.length ? `Applied: ${applied.join(", ")}` : "Already up to date.");
  } else if (command === "down") {
    const undone = await migrateDown(db, silentLogger);
    say(undone ? `Undone: ${undone}` : "Nothing to undo.");
  } else {
    for (const m of await migrationStatus(db)) {
      say(
        `${
          m.executedAt ? "applied " + m.executedAt.toISOString() : "pending".padEnd(32)
        }  ${m.name}`,
      );
    }
  }
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
} finally {
  await database.close();
  lock?.release();
}
