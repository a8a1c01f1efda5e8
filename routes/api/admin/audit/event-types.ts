import { requireAdmin } from "../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../lib/app/routing.ts";
import { listEventTypes } from "../../../../lib/audit/audit_query.ts";

export const handler = defineHandlers({
  /** Every event type the log holds or the code records, with its label: the filter menu. */
  async GET(c) {
    requireAdmin(c);
    return c.json({ event_types: await listEventTypes(c.var.deps) });
  },
});
