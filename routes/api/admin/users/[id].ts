import { client, uuidParam } from "../../../../lib/auth/auth_http.ts";
import { requireAdmin } from "../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../lib/app/routing.ts";
import {
  deleteUserByAdmin,
  getAdminUser,
  updateUserByAdmin,
} from "../../../../lib/admin_users/admin_users_service.ts";
import {
  deleteUserSchema,
  updateUserSchema,
} from "../../../../lib/admin_users/admin_users_schemas.ts";
import { validateJson } from "../../../../lib/shared/validation.ts";

export const handler = defineHandlers({
  async GET(c) {
    requireAdmin(c);
    return c.json(await getAdminUser(c.var.deps, uuidParam(c, "id")));
  },
  /** Role, activation, quota, AI provider/model: each change audited on its own. */
  async PATCH(c) {
    const { user } = requireAdmin(c);
    const id = uuidParam(c, "id");
    const input = await validateJson(c, updateUserSchema);
    return c.json(
      await updateUserByAdmin({ deps: c.var.deps, actor: user, client: client(c) }, id, input),
    );
  },
  /** Delete the account with its documents and files; `{confirm_email}` must match. */
  async DELETE(c) {
    const { user } = requireAdmin(c);
    const id = uuidParam(c, "id");
    const { confirm_email } = await validateJson(c, deleteUserSchema);
    await deleteUserByAdmin(
      { deps: c.var.deps, actor: user, client: client(c) },
      id,
      confirm_email,
    );
    return c.body(null, 204);
  },
});
