import { client, uuidParam } from "../../../../../lib/auth/auth_http.ts";
import { requireAdmin } from "../../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../../lib/app/routing.ts";
import { resetUserPassword } from "../../../../../lib/admin_users/admin_users_service.ts";

export const handler = defineHandlers({
  /** A generated password, returned this once; every session of the account ends. */
  async POST(c) {
    const { user } = requireAdmin(c);
    const id = uuidParam(c, "id");
    return c.json(
      await resetUserPassword({ deps: c.var.deps, actor: user, client: client(c) }, id),
    );
  },
});
