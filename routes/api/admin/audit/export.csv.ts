import { audit } from "../../../../lib/audit/audit_service.ts";
import { client } from "../../../../lib/auth/auth_http.ts";
import { requireAdmin } from "../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../lib/app/routing.ts";
import { auditCsvFilename, auditCsvStream } from "../../../../lib/audit/audit_csv.ts";
import {
  auditEventPages,
  auditFiltersSchema,
  resolveAuditFilters,
} from "../../../../lib/audit/audit_query.ts";
import { validateQuery } from "../../../../lib/shared/validation.ts";

export const handler = defineHandlers({
  /**
   * Every event matching the filters of `GET /api/admin/audit` (no cursor or limit) as a
   * CSV download, streamed page by page. Bad filters answer 422 before anything streams.
   */
  async GET(c) {
    const { user } = requireAdmin(c);
    const { deps, logger } = c.var;
    const filters = validateQuery(c, auditFiltersSchema);
    const search = await resolveAuditFilters(deps, filters);
    // Who took a copy of the log, and of which part, is itself on record.
    await audit(deps, {
      event: "audit_exported",
      actorId: user.id,
      client: client(c),
      metadata: { filters: new URL(c.req.url).searchParams.toString() },
    });
    return new Response(auditCsvStream(auditEventPages(deps, search), logger), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${auditCsvFilename(deps.clock.now())}"`,
      },
    });
  },
});
