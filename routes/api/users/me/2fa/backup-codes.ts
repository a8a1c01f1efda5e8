import { regenerateBackupCodesSchema } from "../../../../../lib/auth/auth_schemas.ts";
import { client } from "../../../../../lib/auth/auth_http.ts";
import { requireSession } from "../../../../../lib/auth/auth_middleware.ts";
import { regenerateBackupCodes } from "../../../../../lib/auth/two_factor_service.ts";
import { defineHandlers } from "../../../../../lib/app/routing.ts";
import { validateJson } from "../../../../../lib/shared/validation.ts";

/** New backup codes (the old ones stop working). */
export const handler = defineHandlers({
  async POST(c) {
    const { user } = requireSession(c);
    const { password } = await validateJson(c, regenerateBackupCodesSchema);
    return c.json(
      await regenerateBackupCodes({ deps: c.var.deps, user, password, client: client(c) }),
    );
  },
});
