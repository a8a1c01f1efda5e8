/**
 * Kysely over PostgreSQL (postgres.js, when DATABASE_URL is set) or PGlite (embedded).
 * Both engines run the same migrations and the same queries. The driver modules are
 * imported lazily so that a process only loads the engine it uses.
 *
 * Note for PGlite: there is a single connection, and Kysely serialises access to it.
 * Inside `db.transaction().execute(trx => …)` always query through `trx`; a query on
 * `db` there would wait for the transaction to end, which never happens.
 */
import { setImmediate } from "node:timers";
import { Kysely, PGliteDialect, type RawBuilder, sql } from "kysely";
import type { Database } from "./db_schema.ts";
import type { Logger } from "./logger.ts";

export type DbEngine = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: DbEngine;
  /** Subscribe to a NOTIFY channel; returns the unsubscribe function. */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A postgres:// URL. Without it, PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory; omit for an in-memory database. */
  pgliteDir?: string;
  /** A PGlite data dump (from `dumpDataDir`) to start from, for fast test databases. */
  pgliteLoadDataDir?: Blob;
  /** Maximum PostgreSQL connections in this process's pool. */
  poolSize?: number;
  logger: Logger;
}

/**
 * Session settings of every connection. Typo-tolerant title search (documents_search.ts)
 * uses `<<%`, whose threshold is this setting: 0.3 lets "invioce" find "Invoice" and
 * "contarct" find "contract" while "acme" does not find "Acne".
 */
export const SESSION_SETTINGS: Record<string, string> = {
  "pg_trgm.strict_word_similarity_threshold": "0.3",
};

const INT8_OID = 20;
const DATE_OID = 1082;

/**
 * Open the database. On both engines sizes and counts (int8) come back as JS numbers and
 * calendar dates as "yyyy-mm-dd" strings.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  return options.databaseUrl
    ? await openPostgres(options.databaseUrl, options)
    : await openPGlite(options);
}

async function openPostgres(url: string, options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const { default: postgres } = await import("postgres");
  const { PostgresJSDialect } = await import("kysely-postgres-js");
  const client = postgres(url, {
    max: options.poolSize ?? 10,
    idle_timeout: 30,
    connect_timeout: 10,
    onnotice: () => {},
    transform: { undefined: null },
    types: {
      int8: { to: INT8_OID, from: [INT8_OID], serialize: String, parse: Number },
      // Calendar dates stay "yyyy-mm-dd" strings: a Date would shift with time zones.
      date: { to: DATE_OID, from: [DATE_OID], serialize: String, parse: (v: string) => v },
    },
    connection: { application_name: "docuvault", ...SESSION_SETTINGS } as Record<string, string>,
  });
  const db = new Kysely<Database>({ dialect: new PostgresJSDialect({ postgres: client }) });
  return {
    db,
    engine: "postgres",
    async listen(channel, onMessage) {
      const subscription = await client.listen(channel, onMessage);
      return () => subscription.unlisten();
    },
    async close() {
      await db.destroy();
    },
  };
}

async function exists(path: string): Promise<boolean> {
  return await Deno.stat(path).then(() => true, () => false);
}

/**
 * Create the embedded database at `dataDir` if there is none: in a Web Worker (see
 * pglite_init_worker.ts), into a temp dir renamed into place when complete, so a crash
 * during initdb never leaves a half-made database behind.
 */
async function initPGliteDir(dataDir: string): Promise<void> {
  if (await exists(`${dataDir}/PG_VERSION`)) return;
  const staging = `${dataDir}.init-${crypto.randomUUID().slice(0, 8)}`;
  const worker = new Worker(new URL("./pglite_init_worker.ts", import.meta.url), {
    type: "module",
  });
  try {
    const result = await new Promise<{ ok: boolean; error?: string }>((resolve, reject) => {
      worker.onmessage = (event) => resolve(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        reject(new Error(event.message));
      };
      worker.postMessage({ dataDir: staging });
    });
    if (!result.ok) throw new Error(`could not create the embedded database: ${result.error}`);
    await Deno.remove(dataDir, { recursive: true }).catch(() => {});
    await Deno.rename(staging, dataDir);
  } catch (error) {
    await Deno.remove(staging, { recursive: true }).catch(() => {});
    throw error;
  } finally {
    worker.terminate();
  }
}

/**
 * Options every PGlite instance of the app is created with: the extensions the migrations
 * use (pg_trgm, for typo-tolerant search) and the same value parsing as postgres.js.
 */
export async function pgliteOptions() {
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  return {
    extensions: { pg_trgm },
    parsers: {
      [INT8_OID]: (value: string) => Number(value),
      [DATE_OID]: (value: string) => value,
    },
  };
}

async function openPGlite(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  if (options.pgliteDir) await initPGliteDir(options.pgliteDir);
  const pglite = await PGlite.create({
    dataDir: options.pgliteDir,
    loadDataDir: options.pgliteLoadDataDir,
    ...(await pgliteOptions()),
  });
  for (const [name, value] of Object.entries(SESSION_SETTINGS)) {
    await pglite.query("select set_config($1, $2, false)", [name, value]);
  }
  // PGlite runs each query synchronously on this thread. Queued queries are chained by
  // promises, which never let the event loop poll for I/O: a burst of them would stall
  // every other request. Yielding (setImmediate, ~7 µs) before each query lets it in.
  const yielding = {
    get closed() {
      return pglite.closed;
    },
    get ready() {
      return pglite.ready;
    },
    waitReady: pglite.waitReady,
    close: () => pglite.close(),
    transaction: pglite.transaction.bind(pglite),
    query: async (...args: Parameters<typeof pglite.query>) => {
      await new Promise((resolve) => setImmediate(resolve));
      return await pglite.query(...args);
    },
  };
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite: yielding as never }) });
  return {
    db,
    engine: "pglite",
    async listen(channel, onMessage) {
      return await pglite.listen(channel, onMessage);
    },
    async close() {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

/**
 * A jsonb parameter. The JSON text is sent as `text` and cast by the server: with a
 * bare `$1::jsonb`, postgres.js learns the parameter is jsonb and JSON-encodes our
 * string a second time, storing a JSON string instead of an object.
 */
export function jsonb<T>(value: T): RawBuilder<T> {
  return sql<T>`cast(cast(${JSON.stringify(value)} as text) as jsonb)`;
}

/** SQLSTATE of a database error, whichever driver raised it. */
export function sqlState(error: unknown): string | undefined {
  if (error && typeof error === "object" && "code" in error && typeof error.code === "string") {
    return error.code;
  }
  return undefined;
}

export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === "23505";
}

/** Check the database answers; used by /ready. */
export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
