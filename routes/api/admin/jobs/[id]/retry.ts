import { retryDeadJob } from "../../../../../lib/admin/services_status.ts";
import { client, uuidParam } from "../../../../../lib/auth/auth_http.ts";
import { requireAdmin } from "../../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../../lib/app/routing.ts";

export const handler = defineHandlers({
  /** Run a dead job again with a fresh set of attempts (202). */
  async POST(c) {
    const { user } = requireAdmin(c);
    await retryDeadJob({ deps: c.var.deps, actor: user, client: client(c) }, uuidParam(c, "id"));
    return c.json({ status: "queued" }, 202);
  },
});
