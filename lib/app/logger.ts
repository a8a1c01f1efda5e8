/**
 * Structured logs: one JSON object per line on stdout (or a readable line with
 * LOG_FORMAT=pretty). Fields whose names suggest secrets are redacted, so a careless
 * `logger.info("…", { password })` cannot leak one.
 */
import type { LogLevel } from "./config.ts";

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line. */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  level?: LogLevel;
  format?: "json" | "pretty";
  /** Where lines go; defaults to stdout. Tests capture lines here. */
  write?: (line: string) => void;
  now?: () => Date;
}

const LEVEL_ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SECRET_FIELD = /pass(word)?|secret|token|authorization|cookie|api_?key|signature|^sig$/i;
const encoder = new TextEncoder();

function writeStdout(line: string) {
  Deno.stdout.writeSync(encoder.encode(line + "\n"));
}

/** Replace secret-looking fields and turn errors into plain data. */
function sanitize(value: unknown, depth = 0): unknown {
  if (value instanceof Error) {
    return { name: value.name, message: value.message, stack: value.stack };
  }
  if (depth > 4 || value === null || typeof value !== "object") {
    return typeof value === "bigint" ? value.toString() : value;
  }
  if (Array.isArray(value)) return value.map((item) => sanitize(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = SECRET_FIELD.test(key) ? "[redacted]" : sanitize(inner, depth + 1);
  }
  return out;
}

export function createLogger(options: LoggerOptions = {}, bound: LogFields = {}): Logger {
  const threshold = LEVEL_ORDER[options.level ?? "info"];
  const write = options.write ?? writeStdout;
  const now = options.now ?? (() => new Date());
  const pretty = options.format === "pretty";

  function log(level: LogLevel, msg: string, fields?: LogFields) {
    if (LEVEL_ORDER[level] < threshold) return;
    const data = sanitize({ ...bound, ...fields }) as LogFields;
    const time = now().toISOString();
    if (pretty) {
      const extras = Object.entries(data)
        .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
        .join(" ");
      write(`${time} ${level.toUpperCase().padEnd(5)} ${msg}${extras ? " " + extras : ""}`);
    } else {
      write(JSON.stringify({ time, level, msg, ...data }));
    }
  }

  return {
    debug: (msg, fields) => log("debug", msg, fields),
    info: (msg, fields) => log("info", msg, fields),
    warn: (msg, fields) => log("warn", msg, fields),
    error: (msg, fields) => log("error", msg, fields),
    child: (fields) => createLogger(options, { ...bound, ...fields }),
  };
}

/** A logger that drops everything, for tests that do not look at logs. */
export const silentLogger: Logger = createLogger({ write: () => {} });

/** A logger that keeps its lines in memory, for tests that assert on logs. */
export function createMemoryLogger(level: LogLevel = "debug"): Logger & { lines: LogFields[] } {
  const lines: LogFields[] = [];
  const logger = createLogger({ level, write: (line) => lines.push(JSON.parse(line)) });
  return Object.assign(logger, { lines });
}
