/**
 * The administrators' audit log (SPEC §4.2): filters, keyset pages and event types, for
 * `GET /api/admin/audit`, its CSV export and the /admin/audit page.
 *
 * `user` finds everything involving an account: the events about it (`user_id`) and the
 * events it did (`actor_id`) — an admin asking about alice wants her sign-ins and the
 * groups she changed alike. `actor` narrows to what an account did. Both take an e-mail
 * address or a user id; a deleted account keeps its events and is found by its id.
 * `from` and `to` are inclusive: a date means the whole UTC day, a date and time that
 * instant (UTC when no offset is given).
 */
import { z } from "zod";
import type { Deps } from "../app/deps.ts";
import { createUsersRepo } from "../users/users_repo.ts";
import { type FieldError, ValidationError } from "../shared/errors.ts";
import {
  type AuditListRow,
  type AuditPosition,
  type AuditSearch,
  createAuditRepo,
} from "./audit_repo.ts";
import type { AuditEvent } from "./audit_service.ts";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** Readable names for the event types the code records; others read as their words. */
const EVENT_LABELS: Partial<Record<AuditEvent, string>> = {
  register: "Registered",
  login: "Signed in",
  login_failed: "Sign-in failed",
  logout: "Signed out",
  refresh_reuse: "Stolen session suspected",
  password_changed: "Password changed",
  password_reset: "Password reset",
  "2fa_enabled": "2FA turned on",
  "2fa_disabled": "2FA turned off",
  "2fa_reset": "2FA reset",
  backup_code_used: "Backup code used",
  backup_codes_regenerated: "Backup codes renewed",
  token_created: "API token created",
  token_revoked: "API token revoked",
  session_revoked: "Session ended",
  admin_created: "Administrator created",
  role_change: "Role changed",
  upload: "Document uploaded",
  delete: "Document deleted",
  settings_change: "Settings changed",
  group_created: "Group created",
  group_updated: "Group changed",
  group_deleted: "Group deleted",
  group_member_added: "Group member added",
  group_member_removed: "Group member removed",
  group_member_changed: "Group member's role changed",
  job_retried: "Job retried",
  share_created: "Document shared",
  share_revoked: "Share revoked",
  theme_created: "Theme created",
  theme_updated: "Theme changed",
  theme_deleted: "Theme deleted",
  app_settings_change: "App settings changed",
  app_grants_change: "App access changed",
  audit_exported: "Audit log exported",
};

/** "login_failed" → "Sign-in failed"; an unknown "quota_change" → "Quota change". */
export function eventLabel(eventType: string): string {
  const known = (EVENT_LABELS as Record<string, string | undefined>)[eventType];
  if (known) return known;
  const words = eventType.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// ---------- Query parameters ----------

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EVENT_TYPE = /^[a-z0-9_]{1,64}$/;
const POSITION_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** An account named by id or e-mail address. */
export type AccountRef = { id: string } | { email: string };

/** A form sends empty fields: they mean "no filter". */
const blank = (value: unknown) => (value === "" ? undefined : value);

const accountRef = z.string().trim().max(320, "At most 320 characters.").transform(
  (value, ctx): AccountRef => {
    if (UUID.test(value)) return { id: value.toLowerCase() };
    if (z.email().safeParse(value).success) return { email: value.toLowerCase() };
    ctx.addIssue({ code: "custom", message: "Give an e-mail address or a user id." });
    return z.NEVER;
  },
);

/** A bound of the date range: a whole UTC day, or an exact instant. */
export interface Moment {
  at: Date;
  day: boolean;
}

const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true, local: true });

const moment = z.string().trim().transform((value, ctx): Moment => {
  if (isoDate.safeParse(value).success) {
    return { at: new Date(`${value}T00:00:00Z`), day: true };
  }
  if (isoDateTime.safeParse(value).success) {
    const at = new Date(/(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`);
    if (!Number.isNaN(at.getTime())) return { at, day: false };
  }
  ctx.addIssue({
    code: "custom",
    message: "Give a date (2024-03-05) or a date and time (2024-03-05T14:30:00Z).",
  });
  return z.NEVER;
});

/** `?event=a&event=b` or `?event=a,b`; duplicates dropped. */
const eventList = z.preprocess(
  (value) => {
    if (value === undefined) return undefined;
    const list = (Array.isArray(value) ? value : [value])
      .flatMap((v) => (typeof v === "string" ? v.split(",") : [v]))
      .map((v) => (typeof v === "string" ? v.trim() : v))
      .filter((v) => v !== "");
    return list.length ? [...new Set(list)] : undefined;
  },
  z.array(z.string().regex(EVENT_TYPE, "Event types are lower-case words joined by _."))
    .max(50, "At most 50 event types.")
    .optional(),
);

const DAY_MS = 86_400_000;

/** The exclusive or inclusive upper bound a `to` moment stands for. */
function upperBound(to: Moment): { before?: Date; until?: Date } {
  return to.day ? { before: new Date(to.at.getTime() + DAY_MS) } : { until: to.at };
}

function checkRange(
  value: { from?: Moment; to?: Moment },
  ctx: z.RefinementCtx,
): void {
  if (!value.from || !value.to) return;
  const { before, until } = upperBound(value.to);
  const empty = before ? before <= value.from.at : until! < value.from.at;
  if (empty) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "The end is before the start." });
  }
}

/** Opaque position after the last event of a page: base64url of `[created_at µs, id]`. */
export function encodeCursor(position: AuditPosition): string {
  return btoa(JSON.stringify([position.at, position.id]))
    .replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export function decodeCursor(cursor: string): AuditPosition | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return null;
  try {
    const parsed = JSON.parse(atob(cursor.replaceAll("-", "+").replaceAll("_", "/")));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [at, id] = parsed;
    if (typeof at !== "string" || !POSITION_AT.test(at) || Number.isNaN(Date.parse(at))) {
      return null;
    }
    if (!Number.isSafeInteger(id) || id < 1) return null;
    return { at, id };
  } catch {
    return null;
  }
}

const cursor = z.string().transform((value, ctx): AuditPosition => {
  const position = decodeCursor(value);
  if (position) return position;
  ctx.addIssue({
    code: "custom",
    message: "This page link is not valid (any more). Start again from the newest events.",
  });
  return z.NEVER;
});

const filterShape = {
  user: z.preprocess(blank, accountRef.optional()),
  actor: z.preprocess(blank, accountRef.optional()),
  event: eventList,
  from: z.preprocess(blank, moment.optional()),
  to: z.preprocess(blank, moment.optional()),
};

/** The filters alone: the CSV export (which has no pages). */
export const auditFiltersSchema = z.object(filterShape).strict().superRefine(checkRange);

/** The filters and a page: `GET /api/admin/audit` and the page. */
export const auditListSchema = z.object({
  ...filterShape,
  cursor: z.preprocess(blank, cursor.optional()),
  limit: z.preprocess(
    blank,
    z.coerce.number().int("A whole number, please.").min(1, "At least 1.")
      .max(MAX_PAGE_SIZE, `At most ${MAX_PAGE_SIZE}.`).default(DEFAULT_PAGE_SIZE),
  ),
}).strict().superRefine(checkRange);

export type AuditFilters = z.output<typeof auditFiltersSchema>;
export type AuditListInput = z.output<typeof auditListSchema>;

// ---------- Services ----------

export interface AuditAccount {
  id: string;
  /** Null once the account is deleted: only its id is left. */
  email: string | null;
}

export interface AuditEventJson {
  id: number;
  created_at: string;
  event_type: string;
  user: AuditAccount | null;
  actor: AuditAccount | null;
  resource_id: string | null;
  ip: string | null;
  user_agent: string | null;
  metadata: Record<string, unknown>;
}

function eventJson(row: AuditListRow): AuditEventJson {
  const metadata = typeof row.metadata === "string" ? JSON.parse(row.metadata) : row.metadata;
  return {
    id: Number(row.id),
    created_at: new Date(row.created_at).toISOString(),
    event_type: row.event_type,
    user: row.user_id ? { id: row.user_id, email: row.user_email } : null,
    actor: row.actor_id ? { id: row.actor_id, email: row.actor_email } : null,
    resource_id: row.resource_id,
    ip: row.ip,
    user_agent: row.user_agent,
    metadata: metadata ?? {},
  };
}

/**
 * Turn parsed filters into the repository's search: e-mail addresses to account ids (an
 * unknown address is a 422 on its field), dates to bounds.
 */
export async function resolveAuditFilters(
  deps: Pick<Deps, "db">,
  filters: AuditFilters,
): Promise<AuditSearch> {
  const users = createUsersRepo(deps.db);
  const errors: FieldError[] = [];
  const idOf = async (path: string, ref: AccountRef | undefined) => {
    if (!ref) return undefined;
    if ("id" in ref) return ref.id;
    const user = await users.findByEmail(ref.email);
    if (!user) {
      errors.push({
        path,
        message: "No account has this e-mail address. A deleted account is found by its user id.",
      });
    }
    return user?.id;
  };
  const search: AuditSearch = {
    involving: await idOf("user", filters.user),
    actorId: await idOf("actor", filters.actor),
    eventTypes: filters.event,
    from: filters.from?.at,
    ...(filters.to ? upperBound(filters.to) : {}),
  };
  if (errors.length) throw new ValidationError(errors);
  return search;
}

/** One page of events, newest first, and the cursor of the next (older) page. */
export async function listAuditEvents(
  deps: Pick<Deps, "db">,
  input: AuditListInput,
): Promise<{ events: AuditEventJson[]; next_cursor: string | null }> {
  const search = await resolveAuditFilters(deps, input);
  const rows = await createAuditRepo(deps.db).search(search, {
    after: input.cursor,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    events: page.map(eventJson),
    next_cursor: rows.length > input.limit && last
      ? encodeCursor({ at: last.position_at, id: Number(last.id) })
      : null,
  };
}

/**
 * Every matching event in pages of `pageSize`, newest first, by keyset: one short query
 * per page (no transaction or cursor held open), so memory stays at a page or two and
 * other requests interleave. Events recorded after the first page are not included.
 */
export async function* auditEventPages(
  deps: Pick<Deps, "db">,
  search: AuditSearch,
  pageSize = 1000,
): AsyncGenerator<AuditEventJson[]> {
  const repo = createAuditRepo(deps.db);
  let after: AuditPosition | undefined;
  while (true) {
    const rows = await repo.search(search, { after, limit: pageSize });
    if (rows.length) yield rows.map(eventJson);
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1];
    after = { at: last.position_at, id: Number(last.id) };
  }
}

export interface EventTypeJson {
  event_type: string;
  label: string;
  /** Whether the log holds at least one such event. */
  present: boolean;
}

/** The types in the log plus every type the code records, by label (the filter menu). */
export async function listEventTypes(deps: Pick<Deps, "db">): Promise<EventTypeJson[]> {
  const present = new Set(await createAuditRepo(deps.db).eventTypes());
  const all = new Set([...Object.keys(EVENT_LABELS), ...present]);
  return [...all]
    .map((event_type) => ({
      event_type,
      label: eventLabel(event_type),
      present: present.has(event_type),
    }))
    .sort((a, b) => a.label.localeCompare(b.label, "en"));
}
