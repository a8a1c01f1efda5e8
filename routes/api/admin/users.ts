import { client } from "../../../lib/auth/auth_http.ts";
import { requireAdmin } from "../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../lib/app/routing.ts";
import { createUserByAdmin, listUsers } from "../../../lib/admin_users/admin_users_service.ts";
import { createUserSchema, listUsersSchema } from "../../../lib/admin_users/admin_users_schemas.ts";
import { validateJson, validateQuery } from "../../../lib/shared/validation.ts";

export const handler = defineHandlers({
  /** A page of accounts by e-mail; `?q=` searches address and name; `?cursor=` continues. */
  async GET(c) {
    requireAdmin(c);
    return c.json(await listUsers(c.var.deps, validateQuery(c, listUsersSchema)));
  },
  /** Create an account; without `password` one is generated and returned once. */
  async POST(c) {
    const { user } = requireAdmin(c);
    const input = await validateJson(c, createUserSchema);
    return c.json(
      await createUserByAdmin({ deps: c.var.deps, actor: user, client: client(c) }, input),
      201,
    );
  },
});
