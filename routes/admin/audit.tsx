import { renderAdminPage } from "../../components/admin/render_admin.tsx";
import {
  type AuditFilterValues,
  AuditPage,
  type AuditPageProps,
} from "../../components/admin/AuditPage.tsx";
import type { FormState } from "../../lib/app/forms.ts";
import { defineHandlers } from "../../lib/app/routing.ts";
import { requireAdmin } from "../../lib/auth/auth_middleware.ts";
import { auditListSchema, listAuditEvents, listEventTypes } from "../../lib/audit/audit_query.ts";
import { type FieldError, ValidationError } from "../../lib/shared/errors.ts";
import { fieldErrors } from "../../lib/shared/validation.ts";

const FIELDS = new Set(["user", "actor", "event", "from", "to"]);

/** Field errors for the form; the cursor and limit (not form fields) become its message. */
function formState(errors: FieldError[]): FormState {
  const state: FormState = { values: {}, errors: {} };
  const other: string[] = [];
  for (const { path, message } of errors) {
    const field = path.split(".")[0];
    if (FIELDS.has(field)) (state.errors[field] ??= []).push(message);
    else other.push(field === "limit" ? `Page size: ${message}` : message);
  }
  if (other.length) state.message = other.join(" ");
  return state;
}

export const handler = defineHandlers({
  /**
   * Administrators only (anyone else: 404). The same filters as `GET /api/admin/audit`,
   * from a plain GET form; bad values show next to their field (422), never a 500.
   */
  async GET(c) {
    requireAdmin(c);
    const { deps } = c.var;
    const first = (key: string) => c.req.query(key)?.trim() ?? "";
    const values: AuditFilterValues = {
      user: first("user"),
      actor: first("actor"),
      event: (c.req.queries("event") ?? []).flatMap((e) => e.split(","))
        .map((e) => e.trim()).filter(Boolean),
      from: first("from"),
      to: first("to"),
    };
    const raw = {
      ...values,
      event: values.event.length ? values.event : undefined,
      cursor: first("cursor"),
      limit: first("limit"),
    };
    let result: AuditPageProps["result"];
    let form: FormState | undefined;
    const parsed = auditListSchema.safeParse(raw);
    if (!parsed.success) form = formState(fieldErrors(parsed.error));
    else {
      try {
        result = await listAuditEvents(deps, parsed.data);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        form = formState(error.fields);
      }
    }
    return await renderAdminPage(
      c,
      {
        title: "Audit log",
        intro: "Sign-ins, account changes, uploads, shares and administration: newest first, " +
          "times in UTC. Audit entries never hold document content.",
        status: form ? 422 : 200,
      },
      <AuditPage
        values={values}
        types={await listEventTypes(deps)}
        result={result}
        form={form}
        paged={raw.cursor !== ""}
        limit={raw.limit || undefined}
      />,
    );
  },
});
