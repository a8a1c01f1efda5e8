import { assertEquals, assertMatch } from "../shared/assert.ts";
import { createLogger, createMemoryLogger } from "./logger.ts";

Deno.test("logger - one JSON object per line with time, level, message and fields", () => {
  const lines: string[] = [];
  const logger = createLogger({
    write: (line) => lines.push(line),
    now: () => new Date("2026-01-02T03:04:05.000Z"),
  });
  logger.info("hello", { user_id: "u1" });
  assertEquals(lines.length, 1);
  assertEquals(JSON.parse(lines[0]), {
    time: "2026-01-02T03:04:05.000Z",
    level: "info",
    msg: "hello",
    user_id: "u1",
  });
});

Deno.test("logger - lines below the level are dropped", () => {
  const logger = createMemoryLogger("warn");
  logger.debug("a");
  logger.info("b");
  logger.warn("c");
  logger.error("d");
  assertEquals(logger.lines.map((l) => l.msg), ["c", "d"]);
});

Deno.test("logger - secret-looking fields are redacted at any depth", () => {
  const logger = createMemoryLogger();
  logger.info("login", {
    email: "a@b.c",
    password: "hunter2",
    headers: { authorization: "Bearer dv_abc", cookie: "sid=1" },
    api_key: "sk-123",
    nested: { refresh_token: "r", sig: "s" },
  });
  const line = logger.lines[0];
  assertEquals(line.email, "a@b.c");
  assertEquals(line.password, "[redacted]");
  assertEquals(line.headers, { authorization: "[redacted]", cookie: "[redacted]" });
  assertEquals(line.api_key, "[redacted]");
  assertEquals(line.nested, { refresh_token: "[redacted]", sig: "[redacted]" });
});

Deno.test("logger - child loggers add their fields; errors become plain data", () => {
  const logger = createMemoryLogger();
  logger.child({ request_id: "r1" }).error("failed", { error: new TypeError("boom") });
  const line = logger.lines[0];
  assertEquals(line.request_id, "r1");
  assertEquals((line.error as { name: string }).name, "TypeError");
  assertEquals((line.error as { message: string }).message, "boom");
});

Deno.test("logger - pretty format is one readable line", () => {
  const lines: string[] = [];
  createLogger({ format: "pretty", write: (l) => lines.push(l) }).warn("disk low", { free: 3 });
  assertMatch(lines[0], /^\S+Z WARN {2}disk low free=3$/);
});
