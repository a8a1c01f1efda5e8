/**
 * Dependencies for admin tasks: the same as the server's, opened the same way — so on
 * the embedded database a task refuses to run while the server holds it, with the
 * "already running on this data dir" message.
 */
import { buildDeps, type Deps } from "./deps.ts";
import { silentLogger } from "./logger.ts";
import { exitWithError, loadConfigOrExit } from "./process.ts";

export async function openTaskDeps(): Promise<Deps> {
  const config = loadConfigOrExit();
  return await buildDeps(config, { migrate: true, logger: silentLogger }).catch(exitWithError);
}

/** Read a password piped on stdin (without its trailing newline). */
export async function readPasswordFromStdin(): Promise<string> {
  const text = await new Response(Deno.stdin.readable).text();
  return text.replace(/\r?\n$/, "");
}
