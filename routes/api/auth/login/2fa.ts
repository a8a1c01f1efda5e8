import { loginSecondStepSchema } from "../../../../lib/auth/auth_schemas.ts";
import { client, signInCookies } from "../../../../lib/auth/auth_http.ts";
import { completeSignIn } from "../../../../lib/auth/auth_service.ts";
import { defineHandlers } from "../../../../lib/app/routing.ts";
import { validateJson } from "../../../../lib/shared/validation.ts";
import { toPublicUser } from "../../../../lib/users/users_service.ts";

export const handler = defineHandlers({
  async POST(c) {
    const input = await validateJson(c, loginSecondStepSchema);
    const { user, session } = await completeSignIn({
      deps: c.var.deps,
      mfaToken: input.mfa_token,
      code: input.code,
      client: client(c),
    });
    signInCookies(c, user, session);
    return c.json({ user: await toPublicUser(c.var.deps, user) });
  },
});
