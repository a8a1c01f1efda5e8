/**
 * Dependencies for admin tasks: the same as the server's, opened the same way — so on
 * the embedded database a task refuses to run while the server holds it, with the
 * "already running on this data dir" message.
 */
import { newPasswordSchema } from "../auth/auth_schemas.ts";
import { generatePassword } from "../auth/generated_password.ts";
import { fieldErrors } from "../shared/validation.ts";
import { fail } from "./cli.ts";
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

/**
 * The password a task sets: piped on stdin (`--password-stdin`) or generated, and either
 * way held to the password policy (the task stops naming what is missing).
 */
export async function taskPassword(fromStdin: boolean): Promise<string> {
  const password = fromStdin ? await readPasswordFromStdin() : generatePassword();
  const checked = newPasswordSchema.safeParse(password);
  if (!checked.success) {
    fail(
      `the password does not meet the policy: ${
        fieldErrors(checked.error).map((e) => e.message).join(" ")
      }`,
    );
  }
  return password;
}
