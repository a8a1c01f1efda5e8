import { requireAdmin } from "../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../lib/app/routing.ts";
import { getAppForAdmin } from "../../../../lib/apps/apps_service.ts";

export const handler = defineHandlers({
  /** One app with its grants. */
  async GET(c) {
    requireAdmin(c);
    return c.json(await getAppForAdmin(c.var.deps, c.req.param("id")!));
  },
});
