/**
 * Helpers for `deno task` scripts: human-readable output (not JSON logs) and argument
 * parsing with `--help`. Argument parsing is node:util's parseArgs (@std/cli is JSR-only).
 */
import { parseArgs as parseNodeArgs } from "node:util";

const encoder = new TextEncoder();

/** Print a line for the person running the task. */
export function say(text = ""): void {
  Deno.stdout.writeSync(encoder.encode(text + "\n"));
}

/** Print an error and exit with status 1 (or `code`). */
export function fail(text: string, code = 1): never {
  Deno.stderr.writeSync(encoder.encode(`error: ${text}\n`));
  Deno.exit(code);
}

export interface TaskSpec<
  O extends Record<string, { type: "string" | "boolean"; short?: string }>,
> {
  usage: string;
  options: O;
  /** Whether positional arguments are accepted. */
  positionals?: boolean;
}

/**
 * Parse a task's arguments; prints `usage` and exits 0 on --help, exits 1 with the usage
 * on unknown options.
 */
export function parseTaskArgs<
  O extends Record<string, { type: "string" | "boolean"; short?: string }>,
>(spec: TaskSpec<O>, args: string[] = Deno.args) {
  if (args.includes("--help") || args.includes("-h")) {
    say(spec.usage.trim());
    Deno.exit(0);
  }
  try {
    return parseNodeArgs({
      args,
      options: spec.options,
      allowPositionals: spec.positionals ?? false,
      strict: true,
    });
  } catch (error) {
    fail(`${(error as Error).message}\n\n${spec.usage.trim()}`);
  }
}
