import { retryDeadJob } from "../../../../../lib/admin/services_status.ts";
import { client, uuidParam } from "../../../../../lib/auth/auth_http.ts";
import { requireAdmin } from "../../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../../lib/app/routing.ts";

export const handler = defineHandlers({
  /** The health page's Retry button (a plain form: works without JavaScript). */
  async POST(c) {
    const { user } = requireAdmin(c);
    await retryDeadJob({ deps: c.var.deps, actor: user, client: client(c) }, uuidParam(c, "id"));
    return c.redirect("/admin/health?notice=job_retried", 303);
  },
});
