/**
 * `buildDeps(config)` opens everything a process needs, in order, and returns one typed
 * object used by main.ts, the worker and tasks/. Nothing opens a connection at import
 * time. Tests build the same object with `createTestDeps` (lib/app/testing.ts).
 */
import type { Kysely } from "kysely";
import denoConfig from "../../deno.json" with { type: "json" };
import { AUTH_CHANNEL, type AuthCache, createAuthCache } from "../auth/auth_cache.ts";
import { createJwtService, type JwtService } from "../auth/jwt.ts";
import {
  type ClassifierRegistry,
  createClassifierRegistry,
} from "../classify/classifier_service.ts";
import { createExtractor } from "../documents/extraction/extractor.ts";
import type { Extractor } from "../documents/extraction/extraction_types.ts";
import { createPasswordHasher, type PasswordHasher } from "../auth/passwords.ts";
import { createQueue, type Queue } from "../jobs/queue.ts";
import { type Clock, systemClock } from "../shared/clock.ts";
import { createStorage } from "../storage/create_storage.ts";
import type { ObjectStorage } from "../storage/storage_types.ts";
import type { Config } from "./config.ts";
import { acquireLock, type DataDirLock } from "./data_dir.ts";
import { type DatabaseHandle, type DbEngine, openDatabase } from "./db.ts";
import type { Database } from "./db_schema.ts";
import { createLogger, type Logger } from "./logger.ts";
import { migrateToLatest } from "./migrator.ts";
import { loadSecrets, type Secrets } from "./secrets.ts";

export const VERSION: string = denoConfig.version;

export interface Deps {
  config: Config;
  logger: Logger;
  clock: Clock;
  database: DatabaseHandle;
  db: Kysely<Database>;
  dbEngine: DbEngine;
  kv: Deno.Kv;
  queue: Queue;
  storage: ObjectStorage;
  secrets: Secrets;
  jwt: JwtService;
  passwords: PasswordHasher;
  authCache: AuthCache;
  /** PDF text extraction in helper processes (started on first use). */
  extractor: Extractor;
  classifiers: ClassifierRegistry;
  version: string;
  startedAt: Date;
  /** Close everything this object opened, in reverse order. */
  close(): Promise<void>;
}

export interface DepsParts {
  config: Config;
  logger: Logger;
  clock?: Clock;
  database: DatabaseHandle;
  kv: Deno.Kv;
  storage: ObjectStorage;
  secrets: Secrets;
  /** Tests may pass their own (e.g. a shared one); by default one is created. */
  extractor?: Extractor;
  /** Extra clean-up run after everything else is closed. */
  onClose?: () => Promise<void> | void;
}

/** Put opened parts together. Shared by `buildDeps` and the test harness. */
export async function assembleDeps(parts: DepsParts): Promise<Deps> {
  const { config, logger, database, kv, storage } = parts;
  const clock = parts.clock ?? systemClock;
  const jwt = await createJwtService(parts.secrets.jwt, { issuer: config.publicUrl, clock });
  const passwords = createPasswordHasher();
  const authCache = createAuthCache({ clock });
  // Account changes made by any process reach this one's cache (see the 0003 migration).
  const unlistenAuth = await database.listen(
    AUTH_CHANNEL,
    (userId) => authCache.invalidateUser(userId),
  );
  const queue = createQueue({
    db: database.db,
    kv,
    logger: logger.child({ component: "queue" }),
    notifyOtherProcesses: database.engine === "postgres",
  });
  const extractor = parts.extractor ?? createExtractor({
    poolSize: Math.max(1, config.workers),
    timeoutMs: config.extraction.timeoutMs,
    memoryLimitMb: config.extraction.memoryMb,
    logger: logger.child({ component: "extraction" }),
  });
  const classifiers = createClassifierRegistry({
    db: database.db,
    config,
    encryptor: parts.secrets.encryptor,
    logger,
  });
  let closed = false;
  return {
    config,
    logger,
    clock,
    database,
    db: database.db,
    dbEngine: database.engine,
    kv,
    queue,
    storage,
    secrets: parts.secrets,
    jwt,
    passwords,
    authCache,
    extractor,
    classifiers,
    version: VERSION,
    startedAt: new Date(),
    async close() {
      if (closed) return;
      closed = true;
      await unlistenAuth().catch(() => {});
      if (!parts.extractor) await extractor.close();
      passwords.close();
      storage.close();
      kv.close();
      await database.close();
      await parts.onClose?.();
    },
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch {
    return false;
  }
}

export interface BuildDepsOptions {
  logger?: Logger;
  /** Apply pending migrations (main.ts and the worker do; `deno task migrate` decides itself). */
  migrate?: boolean;
}

/**
 * Open the database (migrating it), the KV store and the storage driver for `config`.
 * In the embedded mode this takes the data-dir lock first, so a second process on the
 * same data dir fails with a clear message instead of corrupting the database.
 */
export async function buildDeps(config: Config, options: BuildDepsOptions = {}): Promise<Deps> {
  const logger = options.logger ??
    createLogger({ level: config.logLevel, format: config.logFormat });
  const cleanups: (() => Promise<void> | void)[] = [];
  const undo = async () => {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => {});
  };
  try {
    if (!(await exists(config.dataDir))) {
      logger.info("creating the data directory", { path: config.dataDir });
    }
    await Deno.mkdir(config.dataDir, { recursive: true });

    const locks: DataDirLock[] = [];
    if (config.mode === "embedded") {
      locks.push(await acquireLock(`${config.dataDir}/db.lock`, "embedded database"));
    }
    if (config.kvPath !== ":memory:") {
      locks.push(await acquireLock(`${config.kvPath}.lock`, "KV store"));
    }
    cleanups.push(() => locks.forEach((lock) => lock.release()));

    const secrets = await loadSecrets(config, logger);

    const pgliteDir = `${config.dataDir}/db`;
    if (config.mode === "embedded" && !(await exists(pgliteDir))) {
      logger.info("creating the embedded database (first start only; takes a few seconds)", {
        path: pgliteDir,
      });
    }
    const database = await openDatabase({
      databaseUrl: config.databaseUrl,
      pgliteDir: config.mode === "embedded" ? pgliteDir : undefined,
      logger,
    });
    cleanups.push(() => database.close());
    if (options.migrate) {
      const applied = await migrateToLatest(database.db as Kysely<unknown>, logger);
      if (applied.length > 0) logger.info("database is up to date", { applied });
    }

    const kv = await Deno.openKv(config.kvPath);
    cleanups.push(() => kv.close());

    const storage = await createStorage({
      config: config.storage,
      publicUrl: config.publicUrl,
      signingKey: secrets.storageSigningKey,
      clock: systemClock,
    });

    return await assembleDeps({
      config,
      logger,
      database,
      kv,
      storage,
      secrets,
      onClose: () => locks.forEach((lock) => lock.release()),
    });
  } catch (error) {
    await undo();
    throw error;
  }
}
