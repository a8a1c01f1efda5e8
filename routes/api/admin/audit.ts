import { requireAdmin } from "../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../lib/app/routing.ts";
import { auditListSchema, listAuditEvents } from "../../../lib/audit/audit_query.ts";
import { validateQuery } from "../../../lib/shared/validation.ts";

export const handler = defineHandlers({
  /**
   * The audit log, newest first: `?user=` (e-mail or id: about them or by them), `actor=`,
   * `event=` (repeat or comma-separate), `from=`/`to=` (inclusive), `cursor=`, `limit=`
   * (default 50, at most 200). Answers `{ events, next_cursor }`.
   */
  async GET(c) {
    requireAdmin(c);
    const input = validateQuery(c, auditListSchema);
    return c.json(await listAuditEvents(c.var.deps, input));
  },
});
