import { disableTwoFactorSchema } from "../../../../../lib/auth/auth_schemas.ts";
import { client } from "../../../../../lib/auth/auth_http.ts";
import { requireSession } from "../../../../../lib/auth/auth_middleware.ts";
import { disableTwoFactor } from "../../../../../lib/auth/two_factor_service.ts";
import { defineHandlers } from "../../../../../lib/app/routing.ts";
import { validateJson } from "../../../../../lib/shared/validation.ts";

export const handler = defineHandlers({
  async POST(c) {
    const { user, sessionId } = requireSession(c);
    const input = await validateJson(c, disableTwoFactorSchema);
    await disableTwoFactor({ deps: c.var.deps, user, ...input, sessionId, client: client(c) });
    return c.body(null, 204);
  },
});
