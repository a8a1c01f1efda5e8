import { enableTwoFactorSchema } from "../../../../../lib/auth/auth_schemas.ts";
import { client } from "../../../../../lib/auth/auth_http.ts";
import { requireSession } from "../../../../../lib/auth/auth_middleware.ts";
import { enableTwoFactor } from "../../../../../lib/auth/two_factor_service.ts";
import { defineHandlers } from "../../../../../lib/app/routing.ts";
import { validateJson } from "../../../../../lib/shared/validation.ts";

/** Confirm enrolment with a code; answers the 10 backup codes, shown this once. */
export const handler = defineHandlers({
  async POST(c) {
    const { user, sessionId } = requireSession(c);
    const { code } = await validateJson(c, enableTwoFactorSchema);
    return c.json(
      await enableTwoFactor({ deps: c.var.deps, user, code, sessionId, client: client(c) }),
    );
  },
});
