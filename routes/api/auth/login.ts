import { loginSchema } from "../../../lib/auth/auth_schemas.ts";
import { client, signInCookies } from "../../../lib/auth/auth_http.ts";
import { signIn } from "../../../lib/auth/auth_service.ts";
import { defineHandlers } from "../../../lib/app/routing.ts";
import { validateJson } from "../../../lib/shared/validation.ts";
import { toPublicUser } from "../../../lib/users/users_service.ts";

export const handler = defineHandlers({
  async POST(c) {
    const input = await validateJson(c, loginSchema);
    const result = await signIn({ deps: c.var.deps, ...input, client: client(c) });
    if (result.kind === "mfa_required") {
      return c.json({ mfa_required: true, mfa_token: result.mfaToken });
    }
    signInCookies(c, result.user, result.session);
    return c.json({ user: await toPublicUser(c.var.deps, result.user) });
  },
});
