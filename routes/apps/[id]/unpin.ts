import { defineHandlers } from "../../../lib/app/routing.ts";
import { unpinApp } from "../../../lib/apps/apps_service.ts";
import { requireUser } from "../../../lib/auth/auth_middleware.ts";

export const handler = defineHandlers({
  /** The Apps page's Unpin button (a plain form). */
  async POST(c) {
    const { user } = requireUser(c);
    await unpinApp(c.var.deps, user, c.req.param("id")!);
    return c.redirect("/apps?notice=unpinned", 303);
  },
});
