import { defineHandlers } from "../../lib/app/routing.ts";
import { requireAdmin } from "../../lib/auth/auth_middleware.ts";

export const handler = defineHandlers({
  /** Administration starts at the health of the services (anyone else: 404). */
  GET(c) {
    requireAdmin(c);
    return c.redirect("/admin/health", 303);
  },
});
