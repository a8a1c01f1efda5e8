import { requireAdmin } from "../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../lib/app/routing.ts";
import { listAppsForAdmin } from "../../../lib/apps/apps_service.ts";

export const handler = defineHandlers({
  /** Every app with who may use it: `everyone` and the granted groups. */
  async GET(c) {
    requireAdmin(c);
    return c.json({ apps: await listAppsForAdmin(c.var.deps) });
  },
});
