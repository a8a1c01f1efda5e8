/** `deno task user:reset-2fa --email E` */
import { fail, parseTaskArgs, say } from "../lib/app/cli.ts";
import { openTaskDeps } from "../lib/app/task_deps.ts";
import { NO_CLIENT } from "../lib/audit/audit_service.ts";
import { emailSchema } from "../lib/auth/auth_schemas.ts";
import { resetTwoFactor } from "../lib/auth/two_factor_service.ts";
import { createUsersRepo } from "../lib/users/users_repo.ts";

const { values } = parseTaskArgs({
  usage: `
Usage: deno task user:reset-2fa --email <address>

Turns two-factor authentication off for an account that lost its authenticator and
backup codes, and signs it out everywhere. The user can set it up again.`,
  options: { email: { type: "string" } },
});

const email = emailSchema.safeParse(values.email ?? "");
if (!email.success) fail("--email <address> is required and must be an e-mail address");

const deps = await openTaskDeps();
try {
  const user = await createUsersRepo(deps.db).findByEmail(email.data);
  if (!user) fail(`no account with the e-mail ${email.data}`);
  if (!user.totp_enabled) say(`${user.email} did not have two-factor authentication on.`);
  await resetTwoFactor({ deps, userId: user.id, actorId: null, client: NO_CLIENT });
  say(`Two-factor authentication of ${user.email} is off; all of its sessions are signed out.`);
} finally {
  await deps.close();
}
