import { registerSchema } from "../../../lib/auth/auth_schemas.ts";
import { client, signInCookies } from "../../../lib/auth/auth_http.ts";
import { registerAccount } from "../../../lib/auth/auth_service.ts";
import { defineHandlers } from "../../../lib/app/routing.ts";
import { validateJson } from "../../../lib/shared/validation.ts";
import { toPublicUser } from "../../../lib/users/users_service.ts";

export const handler = defineHandlers({
  async POST(c) {
    const input = await validateJson(c, registerSchema);
    const { user, session } = await registerAccount({ deps: c.var.deps, input, client: client(c) });
    signInCookies(c, user, session);
    return c.json({ user: await toPublicUser(c.var.deps, user) }, 201);
  },
});
