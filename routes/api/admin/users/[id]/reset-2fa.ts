import { client, uuidParam } from "../../../../../lib/auth/auth_http.ts";
import { requireAdmin } from "../../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../../lib/app/routing.ts";
import { resetUserTwoFactor } from "../../../../../lib/admin_users/admin_users_service.ts";

export const handler = defineHandlers({
  /** Two-factor authentication off, backup codes gone, every session ended. */
  async POST(c) {
    const { user } = requireAdmin(c);
    const id = uuidParam(c, "id");
    return c.json(
      await resetUserTwoFactor({ deps: c.var.deps, actor: user, client: client(c) }, id),
    );
  },
});
