/**
 * Process plumbing shared by main.ts, workers/main.ts and tasks/: fatal start-up errors
 * and graceful shutdown on SIGTERM / SIGINT.
 */
import { AppError } from "../shared/errors.ts";
import { type Config, ConfigError, loadConfig } from "./config.ts";
import type { Logger } from "./logger.ts";

const encoder = new TextEncoder();

/**
 * The permissions the server and the worker run with (the `start`, `dev` and `worker`
 * tasks in deno.json; a test keeps those in line with this list).
 */
export const SERVER_PERMISSIONS = [
  "--allow-net",
  "--allow-read",
  "--allow-write",
  "--allow-env",
  "--allow-sys",
  "--allow-run",
] as const;

export function printError(message: string): void {
  Deno.stderr.writeSync(encoder.encode(message + "\n"));
}

/** Print a start-up failure for a human and exit 1. Expected failures get no stack trace. */
export function exitWithError(error: unknown): never {
  if (error instanceof ConfigError || error instanceof AppError) {
    printError(error.message);
  } else {
    printError(
      `DocuVault failed to start: ${error instanceof Error ? error.stack : String(error)}`,
    );
  }
  Deno.exit(1);
}

/** The configuration, or exit 1 with a message naming each bad variable. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    exitWithError(error);
  }
}

export const SHUTDOWN_DEADLINE_MS = 10_000;

/**
 * On the first SIGTERM or SIGINT, run `shutdown` and exit 0 (1 if it fails or takes
 * longer than the deadline). A second signal exits at once.
 */
export function exitOnSignal(logger: Logger, shutdown: () => Promise<void>): void {
  let shuttingDown = false;
  const onSignal = (signal: Deno.Signal) => {
    if (shuttingDown) {
      logger.warn("second signal: exiting now", { signal });
      Deno.exit(1);
    }
    shuttingDown = true;
    logger.info("shutting down", { signal });
    const deadline = setTimeout(() => {
      logger.error("shutdown took too long; exiting", { deadline_ms: SHUTDOWN_DEADLINE_MS });
      Deno.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    shutdown().then(() => {
      clearTimeout(deadline);
      logger.info("stopped");
      Deno.exit(0);
    }, (error) => {
      logger.error("shutdown failed", { error });
      Deno.exit(1);
    });
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    Deno.addSignalListener(signal, () => onSignal(signal));
  }
}
