/** `deno task admin:create --email E [--name N] [--password-stdin]` */
import { fail, parseTaskArgs, say } from "../lib/app/cli.ts";
import { openTaskDeps, taskPassword } from "../lib/app/task_deps.ts";
import { NO_CLIENT } from "../lib/audit/audit_service.ts";
import { emailSchema, fullNameSchema } from "../lib/auth/auth_schemas.ts";
import { createAdminAccount } from "../lib/auth/bootstrap_service.ts";

const { values } = parseTaskArgs({
  usage: `
Usage: deno task admin:create --email <address> [--name <full name>] [--password-stdin]

Creates an administrator account, or makes the existing account with that e-mail an
administrator (its password stays as it is). Without --password-stdin a strong password
is generated and printed once. Works on PostgreSQL at any time, and on the embedded
database while the server is stopped.

Example: echo 'S3cure-Passphrase!' | deno task admin:create --email admin@example.com --password-stdin`,
  options: {
    email: { type: "string" },
    name: { type: "string" },
    "password-stdin": { type: "boolean" },
  },
});

const email = emailSchema.safeParse(values.email ?? "");
if (!email.success) fail("--email <address> is required and must be an e-mail address");
const name = fullNameSchema.safeParse(values.name ?? "Administrator");
if (!name.success) fail("--name must be 1 to 128 characters");
const password = await taskPassword(values["password-stdin"] === true);

const deps = await openTaskDeps();
try {
  const { user, created } = await createAdminAccount({
    deps,
    email: email.data,
    password,
    fullName: name.data,
    actorId: null,
    client: NO_CLIENT,
  });
  if (!created) {
    say(`${user.email} already had an account; it is now an administrator (password unchanged).`);
  } else {
    say(`Created administrator ${user.email} (${user.id}).`);
    if (!values["password-stdin"]) {
      say(`Password (shown once, change it after signing in): ${password}`);
    }
  }
} finally {
  await deps.close();
}
