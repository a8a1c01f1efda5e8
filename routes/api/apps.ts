import { requireUser } from "../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../lib/app/routing.ts";
import { listMyApps } from "../../lib/apps/apps_service.ts";

export const handler = defineHandlers({
  /** The apps the caller may use, with whether each is pinned and whether they configure it. */
  async GET(c) {
    const { user } = requireUser(c);
    return c.json({ apps: await listMyApps(c.var.deps, user) });
  },
});
