import {
  assert,
  assertEquals,
  assertInstanceOf,
  assertStringIncludes,
  assertThrows,
} from "../shared/assert.ts";
import { ConfigError, loadConfig } from "./config.ts";

Deno.test("config - the embedded defaults of SPEC §2", () => {
  const config = loadConfig({}, "/srv/docuvault");
  assertEquals(config.mode, "embedded");
  assertEquals(config.port, 8000);
  assertEquals(config.host, "127.0.0.1");
  assertEquals(config.publicUrl, "http://localhost:8000");
  assertEquals(config.dataDir, "/srv/docuvault/data");
  assertEquals(config.kvPath, "/srv/docuvault/data/kv.sqlite3");
  assertEquals(config.storage, { driver: "fs", root: "/srv/docuvault/data/files" });
  assertEquals(config.openai, null);
  assertEquals(config.workers, 1);
  assertEquals(config.registration, "open");
  assertEquals(config.logLevel, "info");
  assertEquals(config.bootstrapAdmin, undefined);
});

Deno.test("config - clustered settings are parsed and normalised", () => {
  const config = loadConfig({
    PORT: "9000",
    PUBLIC_URL: "https://vault.example.com/",
    DATABASE_URL: "postgres://app:pw@db:5432/docuvault",
    KV_PATH: ":memory:",
    STORAGE_DRIVER: "s3",
    S3_ENDPOINT: "http://minio:9000",
    S3_BUCKET: "docuvault",
    S3_ACCESS_KEY_ID: "key",
    S3_SECRET_ACCESS_KEY: "secret",
    S3_FORCE_PATH_STYLE: "true",
    WORKERS: "0",
    REGISTRATION: "closed",
    ADMIN_EMAIL: "  Admin@Example.COM ",
    ADMIN_PASSWORD: "x",
    OPENAI_BASE_URL: "http://ollama:11434/v1",
    OPENAI_MODEL: "llama3.1",
  }, "/app");
  assertEquals(config.mode, "clustered");
  assertEquals(config.publicUrl, "https://vault.example.com");
  assertEquals(config.kvPath, ":memory:");
  assertEquals(config.storage.driver, "s3");
  assert(config.storage.driver === "s3" && config.storage.forcePathStyle);
  assertEquals(config.workers, 0);
  assertEquals(config.registration, "closed");
  assertEquals(config.bootstrapAdmin, { email: "admin@example.com", password: "x" });
  assertEquals(config.openai, {
    baseUrl: "http://ollama:11434/v1",
    apiKey: undefined,
    model: "llama3.1",
  });
});

Deno.test("config - empty variables count as unset", () => {
  const config = loadConfig({ PORT: "", S3_ENDPOINT: "", LOG_LEVEL: "" }, "/app");
  assertEquals(config.port, 8000);
  assertEquals(config.logLevel, "info");
});

Deno.test("config - a bad value names the variable and what it accepts", async (t) => {
  const cases: [Record<string, string>, string, string][] = [
    [{ PORT: "eighty" }, "PORT", 'expected a whole number from 0 to 65535; got "eighty"'],
    [{ PORT: "70000" }, "PORT", "from 0 to 65535"],
    [{ STORAGE_DRIVER: "ftp" }, "STORAGE_DRIVER", 'expected one of fs, s3; got "ftp"'],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL", "expected one of debug, info, warn, error"],
    [{ REGISTRATION: "maybe" }, "REGISTRATION", "expected one of open, closed"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL", "postgres:// or postgresql://"],
    [{ PUBLIC_URL: "vault.example.com" }, "PUBLIC_URL", "http:// or https://"],
    [{ WORKERS: "-1" }, "WORKERS", "from 0 to 64"],
    [{ S3_FORCE_PATH_STYLE: "perhaps" }, "S3_FORCE_PATH_STYLE", "expected true or false"],
    [{ STORAGE_DRIVER: "s3" }, "S3_BUCKET", "required when STORAGE_DRIVER=s3"],
    [{ ADMIN_EMAIL: "a@b.c" }, "ADMIN_PASSWORD", "must be set together"],
    [{ ADMIN_EMAIL: "not-an-email", ADMIN_PASSWORD: "x" }, "ADMIN_EMAIL", "e-mail"],
  ];
  for (const [env, variable, expected] of cases) {
    await t.step(`${variable} ← ${JSON.stringify(env)}`, () => {
      const error = assertThrows(() => loadConfig(env, "/app"));
      assertInstanceOf(error, ConfigError);
      const problem = error.problems.find((p) => p.variable === variable);
      assert(problem, `a problem is reported for ${variable}: ${error.message}`);
      assertStringIncludes(problem.message, expected);
      assertStringIncludes(error.message, `${variable}: `);
    });
  }
});

Deno.test("config - every problem is reported at once", () => {
  const error = assertThrows(() => loadConfig({ PORT: "x", LOG_LEVEL: "y" }, "/app"));
  assertInstanceOf(error, ConfigError);
  assertEquals(error.problems.map((p) => p.variable).sort(), ["LOG_LEVEL", "PORT"]);
});
