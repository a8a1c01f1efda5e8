/** `deno task keys:generate`: fresh secrets for a cluster's environment. */
import { parseTaskArgs, say } from "../lib/app/cli.ts";
import { randomSecret } from "../lib/app/data_dir.ts";
import { base64Random, generateJwtKey } from "../lib/app/secrets.ts";

parseTaskArgs({
  usage: `
Usage: deno task keys:generate

Prints new values for ENCRYPTION_KEY, JWT_PRIVATE_KEY and STORAGE_SIGNING_KEY, to put
in the environment of every process of a cluster. Keep them secret. When you replace
JWT_PRIVATE_KEY, put the old public key in JWT_PUBLIC_KEYS for 15 minutes so signed-in
users are not signed out; ENCRYPTION_KEY must never change once data is encrypted.`,
  options: {},
});

say(`ENCRYPTION_KEY=${base64Random(32)}`);
say(`JWT_PRIVATE_KEY='${JSON.stringify(await generateJwtKey())}'`);
say(`STORAGE_SIGNING_KEY=${randomSecret(32)}`);
