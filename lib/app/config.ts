/**
 * Configuration comes only from environment variables, parsed once by the zod schema
 * below. This is the only module that reads `Deno.env`. An invalid value stops start-up
 * with a message that names the variable and says what it accepts.
 */
import { resolve } from "node:path";
import { z } from "zod";

export const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;
export type LogLevel = typeof LOG_LEVELS[number];

/** Treat `FOO=` (empty) like an unset variable: compose files and shells produce it often. */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === "" ? undefined : value), schema.optional());
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (issue) =>
      `expected one of ${values.join(", ")}; got ${JSON.stringify(issue.input ?? "")}`,
  });
}

function integer(min: number, max: number) {
  return z.string().trim().transform((value, ctx) => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value) || n < min || n > max) {
      ctx.addIssue({
        code: "custom",
        message: `expected a whole number from ${min} to ${max}; got ${JSON.stringify(value)}`,
      });
      return z.NEVER;
    }
    return n;
  });
}

function boolean() {
  return z.string().trim().toLowerCase().transform((value, ctx) => {
    if (["1", "true", "yes", "on"].includes(value)) return true;
    if (["0", "false", "no", "off"].includes(value)) return false;
    ctx.addIssue({
      code: "custom",
      message: `expected true or false; got ${JSON.stringify(value)}`,
    });
    return z.NEVER;
  });
}

function parseJson(value: string): Record<string, unknown> | null {
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

function decodedLength(base64: string): number {
  try {
    return atob(base64.replaceAll("-", "+").replaceAll("_", "/")).length;
  } catch {
    return -1;
  }
}

function httpUrl(what: string) {
  return z.string().trim().refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  }, `expected ${what} (http:// or https://)`);
}

const envSchema = z.object({
  PORT: optional(integer(0, 65535)).default(8000),
  HOST: optional(z.string().trim().min(1)).default("127.0.0.1"),
  PUBLIC_URL: optional(httpUrl("the external origin, e.g. https://vault.example.com")),
  DATA_DIR: optional(z.string().trim().min(1)).default("./data"),
  DATABASE_URL: optional(
    z.string().trim().regex(
      /^postgres(ql)?:\/\/.+/,
      "expected a postgres:// or postgresql:// connection URL",
    ),
  ),
  KV_PATH: optional(z.string().trim().min(1)),
  STORAGE_DRIVER: optional(oneOf(["fs", "s3"])).default("fs"),
  S3_ENDPOINT: optional(httpUrl("the S3 endpoint URL")),
  S3_PUBLIC_ENDPOINT: optional(httpUrl("the S3 endpoint URL as browsers reach it")),
  S3_REGION: optional(z.string().trim().min(1)).default("us-east-1"),
  S3_BUCKET: optional(
    z.string().trim().regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      "expected an S3 bucket name (3-63 lower-case letters, digits, dots, hyphens)",
    ),
  ),
  S3_ACCESS_KEY_ID: optional(z.string().min(1)),
  S3_SECRET_ACCESS_KEY: optional(z.string().min(1)),
  S3_FORCE_PATH_STYLE: optional(boolean()).default(false),
  STORAGE_SIGNING_KEY: optional(z.string().min(32, "expected at least 32 characters")),
  ENCRYPTION_KEY: optional(
    z.string().trim().refine(
      (value) => decodedLength(value) === 32,
      "expected 32 random bytes, base64-encoded (openssl rand -base64 32)",
    ),
  ),
  JWT_PRIVATE_KEY: optional(
    z.string().trim().refine(
      (value) => parseJson(value)?.kty === "OKP" && typeof parseJson(value)?.d === "string",
      "expected an Ed25519 private key as a JWK (JSON), see `deno task keys:generate`",
    ),
  ),
  JWT_PUBLIC_KEYS: optional(
    z.string().trim().refine(
      (value) => Array.isArray(parseJson(value)),
      "expected a JSON array of public JWKs",
    ),
  ),
  TRUST_PROXY: optional(boolean()).default(false),
  OPENAI_BASE_URL: optional(httpUrl("an OpenAI-compatible API base URL")),
  OPENAI_API_KEY: optional(z.string().min(1)),
  OPENAI_MODEL: optional(z.string().trim().min(1)),
  AI_TEST_TIMEOUT_SECONDS: optional(integer(1, 300)).default(10),
  WORKERS: optional(integer(0, 64)).default(1),
  EXTRACTION_TIMEOUT_SECONDS: optional(integer(5, 3600)).default(120),
  EXTRACTION_MEMORY_MB: optional(integer(128, 16384)).default(768),
  REGISTRATION: optional(oneOf(["open", "closed"])).default("open"),
  ADMIN_EMAIL: optional(z.string().trim().toLowerCase().email("expected an e-mail address")),
  ADMIN_PASSWORD: optional(z.string().min(1)),
  LOG_LEVEL: optional(oneOf(LOG_LEVELS)).default("info"),
  LOG_FORMAT: optional(oneOf(["json", "pretty"])).default("json"),
}).superRefine((env, ctx) => {
  if (env.STORAGE_DRIVER === "s3") {
    for (const name of ["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const) {
      if (!env[name]) {
        ctx.addIssue({ code: "custom", path: [name], message: "required when STORAGE_DRIVER=s3" });
      }
    }
  }
  if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
    const missing = env.ADMIN_EMAIL ? "ADMIN_PASSWORD" : "ADMIN_EMAIL";
    ctx.addIssue({
      code: "custom",
      path: [missing],
      message: "ADMIN_EMAIL and ADMIN_PASSWORD must be set together",
    });
  }
});

export type StorageConfig =
  | { driver: "fs"; root: string }
  | {
    driver: "s3";
    endpoint?: string;
    publicEndpoint?: string;
    region: string;
    bucket: string;
    accessKeyId: string;
    secretAccessKey: string;
    forcePathStyle: boolean;
  };

export interface Config {
  /** `embedded` when DocuVault owns its database (PGlite); `clustered` with PostgreSQL. */
  mode: "embedded" | "clustered";
  port: number;
  host: string;
  /** External origin without a trailing slash, e.g. `https://vault.example.com`. */
  publicUrl: string;
  /** Absolute path of the data directory. */
  dataDir: string;
  databaseUrl?: string;
  /** Deno KV location: an absolute file path or `:memory:`. */
  kvPath: string;
  storage: StorageConfig;
  /** System-default LLM endpoint; null means the built-in classifier. */
  openai: { baseUrl?: string; apiKey?: string; model: string } | null;
  /** How long the admin's "test connection" waits for the AI endpoint. */
  aiTestTimeoutMs: number;
  workers: number;
  /** Limits of one PDF extraction (a child process with a bounded V8 heap). */
  extraction: { timeoutMs: number; memoryMb: number };
  registration: "open" | "closed";
  bootstrapAdmin?: { email: string; password: string };
  logLevel: LogLevel;
  logFormat: "json" | "pretty";
  secrets: {
    storageSigningKey?: string;
    /** base64 of 32 bytes (AES-256-GCM for secrets at rest). */
    encryptionKey?: string;
    /** Ed25519 private JWK that signs access tokens. */
    jwtPrivateKey?: string;
    /** JSON array of public JWKs still accepted (keys rotated out). */
    jwtPublicKeys?: string;
  };
  /** Behind a reverse proxy: take the client IP from X-Forwarded-For. */
  trustProxy: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      "DocuVault cannot start: invalid configuration\n" +
        problems.map((p) => `  ${p.variable}: ${p.message}`).join("\n"),
    );
    this.name = "ConfigError";
  }
}

export type Env = Record<string, string | undefined>;

/**
 * Parse configuration from an environment map (by default the process environment).
 * Throws a `ConfigError` naming every bad variable.
 */
export function loadConfig(env: Env = Deno.env.toObject(), cwd = Deno.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => ({
      variable: String(issue.path[0] ?? "environment"),
      message: issue.message,
    })));
  }
  const e = parsed.data;
  const dataDir = resolve(cwd, e.DATA_DIR);
  const kvPath = e.KV_PATH === ":memory:"
    ? ":memory:"
    : resolve(cwd, e.KV_PATH ?? `${dataDir}/kv.sqlite3`);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");

  const storage: StorageConfig = e.STORAGE_DRIVER === "s3"
    ? {
      driver: "s3",
      endpoint: e.S3_ENDPOINT,
      publicEndpoint: e.S3_PUBLIC_ENDPOINT,
      region: e.S3_REGION,
      bucket: e.S3_BUCKET!,
      accessKeyId: e.S3_ACCESS_KEY_ID!,
      secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
      forcePathStyle: e.S3_FORCE_PATH_STYLE,
    }
    : { driver: "fs", root: `${dataDir}/files` };

  const openai = e.OPENAI_BASE_URL || e.OPENAI_API_KEY
    ? {
      baseUrl: e.OPENAI_BASE_URL,
      apiKey: e.OPENAI_API_KEY,
      model: e.OPENAI_MODEL ?? "gpt-4o-mini",
    }
    : null;

  return {
    mode: e.DATABASE_URL ? "clustered" : "embedded",
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    kvPath,
    storage,
    openai,
    aiTestTimeoutMs: e.AI_TEST_TIMEOUT_SECONDS * 1000,
    workers: e.WORKERS,
    extraction: {
      timeoutMs: e.EXTRACTION_TIMEOUT_SECONDS * 1000,
      memoryMb: e.EXTRACTION_MEMORY_MB,
    },
    registration: e.REGISTRATION,
    bootstrapAdmin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD
      ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD }
      : undefined,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    secrets: {
      storageSigningKey: e.STORAGE_SIGNING_KEY,
      encryptionKey: e.ENCRYPTION_KEY,
      jwtPrivateKey: e.JWT_PRIVATE_KEY,
      jwtPublicKeys: e.JWT_PUBLIC_KEYS,
    },
    trustProxy: e.TRUST_PROXY,
  };
}

/** The variables tests read to reach real services (set by `deno task test`). */
export interface TestEnv {
  /** A PostgreSQL server URL; each test file gets its own database on it. */
  databaseUrl?: string;
  /** An S3 endpoint (s3rver) for the storage contract suite. */
  s3Endpoint?: string;
  /** Run the whole suite on the S3 driver instead of the local filesystem. */
  storageDriver: "fs" | "s3";
  /** Path of a Chromium binary for the browser tests. */
  chromiumPath?: string;
  /** Where browser tests write screenshots. */
  artifactsDir: string;
  /** Log level of the test harness's logger; unset = silent. */
  logLevel?: LogLevel;
}

export function loadTestEnv(env: Env = Deno.env.toObject()): TestEnv {
  return {
    databaseUrl: env.TEST_DATABASE_URL || undefined,
    s3Endpoint: env.TEST_S3_ENDPOINT || undefined,
    storageDriver: env.TEST_STORAGE_DRIVER === "s3" ? "s3" : "fs",
    chromiumPath: env.TEST_CHROMIUM_PATH || undefined,
    artifactsDir: env.TEST_ARTIFACTS_DIR || "./artifacts",
    logLevel: (LOG_LEVELS as readonly string[]).includes(env.TEST_LOG_LEVEL ?? "")
      ? env.TEST_LOG_LEVEL as LogLevel
      : undefined,
  };
}
