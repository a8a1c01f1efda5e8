/** The audit log page of the administration: filters, the events, pages and the CSV link. */
import type { FormState } from "../../lib/app/forms.ts";
import {
  type AuditAccount,
  type AuditEventJson,
  eventLabel,
  type EventTypeJson,
} from "../../lib/audit/audit_query.ts";
import { formatDate } from "../../lib/shared/format.ts";
import { Field, FormMessage } from "../forms.tsx";

/** Events that deserve a second look stand out in red. */
const ALARMING = new Set(["login_failed", "refresh_reuse", "2fa_disabled", "2fa_reset"]);

/** The filters as typed, for the form and for links that keep them. */
export interface AuditFilterValues {
  user: string;
  actor: string;
  event: string[];
  from: string;
  to: string;
}

/** `user=…&event=…` for the non-empty filters (plus extra parameters). */
export function filterQuery(values: AuditFilterValues, extra: Record<string, string> = {}) {
  const params = new URLSearchParams();
  for (const key of ["user", "actor", "from", "to"] as const) {
    if (values[key]) params.set(key, values[key]);
  }
  for (const event of values.event) params.append("event", event);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** "5 Mar 2024 14:03:09 UTC". */
function When({ iso }: { iso: string }) {
  return <time datetime={iso}>{`${formatDate(iso)} ${iso.slice(11, 19)} UTC`}</time>;
}

function Account({ account }: { account: AuditAccount | null }) {
  if (!account) return <span class="muted">—</span>;
  if (!account.email) {
    return (
      <a href={`/admin/audit${filterQuery({ ...NO_FILTERS, user: account.id })}`}>
        <span class="muted">Deleted account</span> <code>{account.id}</code>
      </a>
    );
  }
  return (
    <a
      href={`/admin/audit${filterQuery({ ...NO_FILTERS, user: account.email })}`}
      title={`Everything involving ${account.email}`}
    >
      {account.email}
    </a>
  );
}

function metadataText(value: unknown): string {
  if (value === null) return "null";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** Metadata as "key: value" pairs; Preact escapes every value (no markup gets through). */
function Details({ event }: { event: AuditEventJson }) {
  const pairs = Object.entries(event.metadata);
  if (event.resource_id) pairs.unshift(["resource", event.resource_id]);
  if (pairs.length === 0) return <span class="muted">—</span>;
  return (
    <ul class="audit-meta" role="list">
      {pairs.map(([key, value]) => (
        <li key={key}>
          <span class="audit-meta__key">{key}:</span> {metadataText(value)}
        </li>
      ))}
    </ul>
  );
}

export const NO_FILTERS: AuditFilterValues = { user: "", actor: "", event: [], from: "", to: "" };

function EventSelect(
  { types, selected, errors }: { types: EventTypeJson[]; selected: string[]; errors?: string[] },
) {
  // A type typed into the address that the menu does not list stays selectable.
  const extra = selected.filter((s) => !types.some((t) => t.event_type === s));
  return (
    <div class="field">
      <label for="field-event">Event</label>
      <select
        id="field-event"
        name="event"
        class="input"
        aria-invalid={errors?.length ? "true" : undefined}
        aria-describedby={errors?.length ? "field-event-error" : undefined}
      >
        <option value="">All events</option>
        {[
          ...types.map((t) => ({ value: t.event_type, label: t.label })),
          ...extra.map((e) => ({
            value: e,
            label: eventLabel(e),
          })),
        ].map((option) => (
          <option key={option.value} value={option.value} selected={selected[0] === option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {errors?.length
        ? <p id="field-event-error" class="field__error">{errors.join(" ")}</p>
        : null}
    </div>
  );
}

export interface AuditPageProps {
  values: AuditFilterValues;
  types: EventTypeJson[];
  /** The events and the next page's cursor; absent when the filters are not valid. */
  result?: { events: AuditEventJson[]; next_cursor: string | null };
  /** The problems with the filters, by field. */
  form?: FormState;
  /** Whether this is a later page (a cursor was given). */
  paged: boolean;
  /** A `limit` given in the address, kept by the page links. */
  limit?: string;
}

export function AuditPage({ values, types, result, form, paged, limit }: AuditPageProps) {
  const filtered = Object.values(values).some((v) => v.length > 0);
  const state: FormState = form ?? { values: {}, errors: {} };
  const text = (name: "user" | "actor" | "from" | "to") => ({
    name,
    state: { ...state, values: { ...state.values, [name]: values[name] } },
    noOptionalMark: true,
  });
  return (
    <>
      <form method="get" action="/admin/audit" class="admin-toolbar" role="search">
        <FormMessage message={state.message} />
        <Field {...text("user")} label="User" placeholder="E-mail or user id" />
        <Field {...text("actor")} label="Done by" placeholder="E-mail or user id" />
        <EventSelect types={types} selected={values.event} errors={state.errors.event} />
        <Field {...text("from")} label="From" type="date" />
        <Field {...text("to")} label="To" type="date" />
        <div class="admin-actions">
          <button type="submit" class="button button--primary">Apply</button>
          {filtered && <a href="/admin/audit" class="button">Clear</a>}
        </div>
      </form>
      {result
        ? (
          <AuditTable
            values={values}
            result={result}
            filtered={filtered}
            paged={paged}
            limit={limit}
          />
        )
        : <p class="muted">Correct the filters above to see events.</p>}
    </>
  );
}

function AuditTable(
  { values, result, filtered, paged, limit }: {
    values: AuditFilterValues;
    result: NonNullable<AuditPageProps["result"]>;
    filtered: boolean;
    paged: boolean;
    limit?: string;
  },
) {
  const { events, next_cursor } = result;
  const size: Record<string, string> = limit ? { limit } : {};
  return (
    <>
      <div class="admin-actions">
        <a href={`/api/admin/audit/export.csv${filterQuery(values)}`} class="button button--small">
          Export CSV
        </a>
        <span class="muted">
          {filtered ? "Exports every event matching these filters." : "Exports the whole log."}
        </span>
      </div>
      {events.length === 0
        ? (
          <p class="muted">
            {filtered || paged ? "No events match these filters." : "No events are recorded yet."}
          </p>
        )
        : (
          <div class="admin-table-wrap">
            <table class="admin-table audit-table">
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Event</th>
                  <th scope="col">User</th>
                  <th scope="col">Done by</th>
                  <th scope="col">IP address</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {events.map((event) => (
                  <tr key={event.id}>
                    <td>
                      <When iso={event.created_at} />
                    </td>
                    <td>
                      <span
                        class={`badge${ALARMING.has(event.event_type) ? " badge--error" : ""}`}
                        title={event.event_type}
                      >
                        {eventLabel(event.event_type)}
                      </span>
                    </td>
                    <td data-label="User">
                      <Account account={event.user} />
                    </td>
                    <td data-label="Done by">
                      {event.actor && event.actor.id === event.user?.id
                        ? <span class="muted">themself</span>
                        : <Account account={event.actor} />}
                    </td>
                    <td data-label="IP">{event.ip ?? <span class="muted">—</span>}</td>
                    <td data-label="Details">
                      <Details event={event} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      {(paged || next_cursor) && (
        <nav class="admin-pager" aria-label="Pages of events">
          {paged
            ? <a href={`/admin/audit${filterQuery(values, size)}`}>← Newest events</a>
            : <span />}
          {next_cursor && (
            <a href={`/admin/audit${filterQuery(values, { ...size, cursor: next_cursor })}`}>
              Older events →
            </a>
          )}
        </nav>
      )}
    </>
  );
}
