/**
 * The test harness. `createTestDeps()` builds the same `Deps` as production, with:
 * - a database of its own from the real migrations: in-memory PGlite (started from a
 *   migrated template dump, cached on disk), or — when `TEST_DATABASE_URL` is set — a
 *   fresh PostgreSQL database cloned from a migrated template database;
 * - an in-memory KV store;
 * - the fs driver in a temp dir, or the S3 driver on a fresh bucket when
 *   `TEST_STORAGE_DRIVER=s3` and `TEST_S3_ENDPOINT` point at s3rver.
 * `createTestApp(deps)` gives the full web app; tests call `app.fetch` with real Requests.
 */
import { join } from "node:path";
import { tmpdir } from "node:os";
import { createSHA256 } from "hash-wasm";
import type { Kysely } from "kysely";
import { createStorage } from "../storage/create_storage.ts";
import { importSigningKey } from "../storage/signed_urls.ts";
import type { ObjectStorage } from "../storage/storage_types.ts";
import type { Clock } from "../shared/clock.ts";
import { createApp, type Lifecycle } from "./app.ts";
import {
  type AssetManifest,
  buildAssets,
  buildStaleReason,
  PROJECT_ROOT,
  readAssetManifest,
} from "./assets.ts";
import { type Config, type Env, loadConfig, loadTestEnv } from "./config.ts";
import { type DatabaseHandle, openDatabase, pgliteOptions } from "./db.ts";
import { assembleDeps, type Deps } from "./deps.ts";
import { createLogger, type Logger, silentLogger } from "./logger.ts";
import { migrateToLatest } from "./migrator.ts";
import { createEncryptor } from "./encryption.ts";
import { generateJwtKey, publicJwk, type Secrets } from "./secrets.ts";

export const testEnv = loadTestEnv();
export const TEST_PUBLIC_URL = "http://localhost:8000";

export interface TestDepsOptions {
  /** Extra environment for the config (e.g. `{ WORKERS: "0" }`). */
  env?: Env;
  /** Defaults to TEST_STORAGE_DRIVER (fs unless the test run says s3). */
  storage?: "fs" | "s3";
  clock?: Clock;
  logger?: Logger;
}

export type TestDeps = Deps & AsyncDisposable & { tempDir: string };

async function migrationsHash(): Promise<string> {
  const hasher = await createSHA256();
  hasher.init();
  const dir = join(PROJECT_ROOT, "migrations");
  const files = (await Array.fromAsync(Deno.readDir(dir))).map((e) => e.name).sort();
  for (const file of files) {
    hasher.update(file);
    hasher.update(await Deno.readFile(join(dir, file)));
  }
  return hasher.digest("hex").slice(0, 16);
}

let pgliteTemplate: Promise<Blob> | null = null;

/** A dump of a migrated PGlite database, made once and cached across test processes. */
function getPGliteTemplate(): Promise<Blob> {
  pgliteTemplate ??= (async () => {
    const path = join(tmpdir(), `docuvault-pglite-template-${await migrationsHash()}.tar`);
    try {
      return new Blob([await Deno.readFile(path)]);
    } catch {
      // Not cached yet: build it.
    }
    const { PGlite } = await import("@electric-sql/pglite");
    const { Kysely, PGliteDialect } = await import("kysely");
    const pglite = await PGlite.create(await pgliteOptions());
    const db = new Kysely<unknown>({ dialect: new PGliteDialect({ pglite }) });
    await migrateToLatest(db, createLogger({ level: "error" }));
    const dump = await pglite.dumpDataDir("none");
    await db.destroy();
    const temp = `${path}.${crypto.randomUUID()}`;
    await Deno.writeFile(temp, new Uint8Array(await dump.arrayBuffer()));
    await Deno.rename(temp, path);
    return dump;
  })();
  return pgliteTemplate;
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** A fresh PostgreSQL database from a migrated template (made once per migration set). */
export async function createPostgresTestDatabase(
  serverUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const { default: postgres } = await import("postgres");
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const template = `dv_template_${await migrationsHash()}`;
  const name = `dv_test_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
  try {
    // One creator at a time: CREATE DATABASE … TEMPLATE needs the template to be idle.
    await admin`select pg_advisory_lock(727274)`;
    try {
      const [exists] = await admin`select 1 from pg_database where datname = ${template}`;
      if (!exists) {
        const building = `${template}_building`;
        await admin.unsafe(`drop database if exists "${building}"`);
        await admin.unsafe(`create database "${building}"`);
        const handle = await openDatabase({
          databaseUrl: withDatabase(serverUrl, building),
          poolSize: 1,
          logger: createLogger({ level: "error" }),
        });
        await migrateToLatest(handle.db as Kysely<unknown>, createLogger({ level: "error" }));
        await handle.close();
        await admin.unsafe(`alter database "${building}" rename to "${template}"`);
      }
      await admin.unsafe(`create database "${name}" template "${template}"`);
    } finally {
      await admin`select pg_advisory_unlock(727274)`;
    }
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(serverUrl, name),
    async drop() {
      const cleaner = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await cleaner.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await cleaner.end();
      }
    },
  };
}

/** A database of its own for one test file, migrated, on the engine of this test run. */
export async function createTestDatabase(
  logger: Logger,
): Promise<{ database: DatabaseHandle; drop: () => Promise<void> }> {
  if (testEnv.databaseUrl) {
    const { url, drop } = await createPostgresTestDatabase(testEnv.databaseUrl);
    const database = await openDatabase({ databaseUrl: url, poolSize: 5, logger });
    return { database, drop };
  }
  const database = await openDatabase({ pgliteLoadDataDir: await getPGliteTemplate(), logger });
  return { database, drop: async () => {} };
}

/** S3 settings for s3rver (its fixed credentials), on a new bucket. */
export async function createTestS3Bucket(): Promise<{ env: Env; drop: () => Promise<void> }> {
  if (!testEnv.s3Endpoint) throw new Error("TEST_S3_ENDPOINT is not set");
  const {
    S3Client,
    CreateBucketCommand,
    DeleteBucketCommand,
    ListObjectsV2Command,
    DeleteObjectCommand,
  } = await import("@aws-sdk/client-s3");
  const bucket = `dv-test-${crypto.randomUUID().slice(0, 18)}`;
  const client = new S3Client({
    endpoint: testEnv.s3Endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return {
    env: {
      STORAGE_DRIVER: "s3",
      S3_ENDPOINT: testEnv.s3Endpoint,
      S3_REGION: "us-east-1",
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      S3_FORCE_PATH_STYLE: "true",
    },
    async drop() {
      try {
        const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
        for (const item of listed.Contents ?? []) {
          await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: item.Key! }));
        }
        await client.send(new DeleteBucketCommand({ Bucket: bucket }));
      } finally {
        client.destroy();
      }
    },
  };
}

let secrets: Promise<Secrets> | null = null;

/** Fixed test secrets (one JWT key per test process). */
function testSecrets(): Promise<Secrets> {
  secrets ??= (async () => {
    const jwk = await generateJwtKey();
    return {
      storageSigningKey: await importSigningKey("test-storage-signing-key-0123456789abcdef"),
      encryptor: await createEncryptor(btoa("test-encryption-key-32-bytes-ok!")),
      jwt: { signing: { kid: jwk.kid!, jwk }, verifying: [publicJwk(jwk)] },
    };
  })();
  return secrets;
}

export function createTestConfig(dataDir: string, env: Env = {}): Config {
  return loadConfig({
    DATA_DIR: dataDir,
    KV_PATH: ":memory:",
    PUBLIC_URL: TEST_PUBLIC_URL,
    LOG_LEVEL: "error",
    ...env,
  }, dataDir);
}

export async function createTestDeps(options: TestDepsOptions = {}): Promise<TestDeps> {
  const tempDir = await Deno.makeTempDir({ prefix: "docuvault-test-" });
  const logger = options.logger ??
    (testEnv.logLevel ? createLogger({ level: testEnv.logLevel }) : silentLogger);
  const cleanups: (() => Promise<void>)[] = [() => Deno.remove(tempDir, { recursive: true })];
  try {
    let env = options.env ?? {};
    if ((options.storage ?? testEnv.storageDriver) === "s3") {
      const bucket = await createTestS3Bucket();
      cleanups.push(bucket.drop);
      env = { ...bucket.env, ...env };
    }
    const config = createTestConfig(tempDir, env);
    const { database, drop } = await createTestDatabase(logger);
    cleanups.push(drop);
    const kv = await Deno.openKv(":memory:");
    const secrets = await testSecrets();
    const signingKey = secrets.storageSigningKey;
    const storage: ObjectStorage = await createStorage({
      config: config.storage,
      publicUrl: config.publicUrl,
      signingKey,
      clock: options.clock ?? { now: () => new Date() },
    });
    const deps = await assembleDeps({
      config,
      logger,
      clock: options.clock,
      database,
      kv,
      storage,
      secrets,
      onClose: async () => {
        for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
      },
    });
    return Object.assign(deps, {
      tempDir,
      [Symbol.asyncDispose]: () => deps.close(),
    });
  } catch (error) {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
    throw error;
  }
}

let assets: Promise<AssetManifest> | null = null;

/**
 * The browser assets, built if stale. A file lock keeps parallel test processes from
 * building at the same time.
 */
export function testAssets(): Promise<AssetManifest> {
  assets ??= (async () => {
    const lock = await Deno.open(join(PROJECT_ROOT, "static", ".build.lock"), {
      write: true,
      create: true,
    });
    try {
      await lock.lock(true);
      if (await buildStaleReason()) await buildAssets();
      return (await readAssetManifest())!;
    } finally {
      lock.close();
    }
  })();
  return assets;
}

export async function createTestApp(deps: Deps, lifecycle?: Lifecycle) {
  return createApp(deps, { assets: await testAssets(), lifecycle });
}

export type TestApp = { fetch: (request: Request) => Response | Promise<Response> };

export interface CallInit extends RequestInit {
  json?: unknown;
  /** Form fields, sent url-encoded. */
  form?: Record<string, string>;
  /** Send no Origin header on a state-changing request (as a script or attacker might). */
  noOrigin?: boolean;
}

/**
 * Send a request through the whole app, as a browser would: state-changing requests
 * carry our Origin (like every modern browser) unless `noOrigin` is set.
 */
export function call(app: TestApp, path: string, init: CallInit = {}): Promise<Response> {
  const { json, form, noOrigin, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (json !== undefined) headers.set("content-type", "application/json");
  if (form !== undefined) headers.set("content-type", "application/x-www-form-urlencoded");
  const method = (rest.method ?? "GET").toUpperCase();
  if (!noOrigin && !["GET", "HEAD"].includes(method) && !headers.has("origin")) {
    headers.set("origin", TEST_PUBLIC_URL);
  }
  return Promise.resolve(app.fetch(
    new Request(new URL(path, TEST_PUBLIC_URL), {
      ...rest,
      headers,
      body: json !== undefined
        ? JSON.stringify(json)
        : form !== undefined
        ? new URLSearchParams(form).toString()
        : rest.body,
    }),
  ));
}

/** A browser-like client: keeps the cookies the app sets and sends them back. */
export interface TestClient {
  call(path: string, init?: CallInit): Promise<Response>;
  /** Current cookie values by name. */
  cookies: Map<string, string>;
}

export function createTestClient(
  app: TestApp,
  options: { userAgent?: string; ip?: string } = {},
): TestClient {
  const cookies = new Map<string, string>();
  return {
    cookies,
    async call(path, init = {}) {
      const headers = new Headers(init.headers);
      if (cookies.size > 0 && !headers.has("cookie")) {
        headers.set("cookie", [...cookies].map(([k, v]) => `${k}=${v}`).join("; "));
      }
      if (options.userAgent && !headers.has("user-agent")) {
        headers.set("user-agent", options.userAgent);
      }
      if (options.ip && !headers.has("x-forwarded-for")) headers.set("x-forwarded-for", options.ip);
      const response = await call(app, path, { ...init, headers });
      for (const header of response.headers.getSetCookie()) {
        const [pair, ...attributes] = header.split(";").map((s) => s.trim());
        const eq = pair.indexOf("=");
        const name = pair.slice(0, eq);
        const value = pair.slice(eq + 1);
        const expired = attributes.some((a) =>
          /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && new Date(a.slice(8)) < new Date())
        );
        if (expired || value === "") cookies.delete(name);
        else cookies.set(name, value);
      }
      return response;
    },
  };
}

/** `{ status, body }` of a JSON call (body null when there is none). */
export async function callJson(
  client: TestClient,
  path: string,
  method = "GET",
  body?: unknown,
  // deno-lint-ignore no-explicit-any
): Promise<{ status: number; body: any }> {
  const response = await client.call(path, {
    method,
    ...(body === undefined ? {} : { json: body }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
