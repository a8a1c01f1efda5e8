/** `deno task user:reset-password --email E [--password-stdin]` */
import { fail, parseTaskArgs, say } from "../lib/app/cli.ts";
import { openTaskDeps, taskPassword } from "../lib/app/task_deps.ts";
import { NO_CLIENT } from "../lib/audit/audit_service.ts";
import { emailSchema } from "../lib/auth/auth_schemas.ts";
import { createUsersRepo } from "../lib/users/users_repo.ts";
import { resetPassword } from "../lib/users/users_service.ts";

const { values } = parseTaskArgs({
  usage: `
Usage: deno task user:reset-password --email <address> [--password-stdin]

Sets a new password for an account (e.g. a locked-out admin) and signs it out
everywhere. Without --password-stdin a strong password is generated and printed once.`,
  options: { email: { type: "string" }, "password-stdin": { type: "boolean" } },
});

const email = emailSchema.safeParse(values.email ?? "");
if (!email.success) fail("--email <address> is required and must be an e-mail address");
const password = await taskPassword(values["password-stdin"] === true);

const deps = await openTaskDeps();
try {
  const user = await createUsersRepo(deps.db).findByEmail(email.data);
  if (!user) fail(`no account with the e-mail ${email.data}`);
  await resetPassword({
    deps,
    userId: user.id,
    newPassword: password,
    actorId: null,
    client: NO_CLIENT,
  });
  say(`Password of ${user.email} reset; all of its sessions are signed out.`);
  if (!values["password-stdin"]) say(`New password (shown once): ${password}`);
} finally {
  await deps.close();
}
