/**
 * The audit log as CSV (RFC 4180): a header row, CRLF line ends, fields quoted when they
 * hold a comma, quote or line break. Spreadsheets run a cell that starts with = + - @ tab
 * or CR as a formula, and user agents and metadata come from the outside: such cells get
 * a leading ' (OWASP's advice), which shows the text as it is.
 *
 * The export streams page by page (see `auditEventPages`) with no row cap: memory stays
 * at about two pages whatever the log's size, and a client that goes away stops it.
 */
import type { Logger } from "../app/logger.ts";
import { describeError } from "../shared/errors.ts";
import type { AuditEventJson } from "./audit_query.ts";

export const AUDIT_CSV_COLUMNS = [
  "id",
  "created_at",
  "event_type",
  "user_id",
  "user_email",
  "actor_id",
  "actor_email",
  "resource_id",
  "ip",
  "user_agent",
  "metadata",
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: neutralised against formulas, then quoted when it needs to be. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record with its CRLF. */
export function csvRow(values: readonly (string | number | null | undefined)[]): string {
  return values.map(csvCell).join(",") + "\r\n";
}

export function auditCsvRow(event: AuditEventJson): string {
  return csvRow([
    event.id,
    event.created_at,
    event.event_type,
    event.user?.id,
    event.user?.email,
    event.actor?.id,
    event.actor?.email,
    event.resource_id,
    event.ip,
    event.user_agent,
    JSON.stringify(event.metadata),
  ]);
}

/** "docuvault-audit-2024-03-05.csv" (UTC date). */
export function auditCsvFilename(now: Date): string {
  return `docuvault-audit-${now.toISOString().slice(0, 10)}.csv`;
}

/**
 * A byte stream of the header and then each page as it is read. It pulls the next page
 * only when the client has taken the last one; a failing query ends the stream with an
 * error (the download breaks off rather than looking complete).
 */
export function auditCsvStream(
  pages: AsyncGenerator<AuditEventJson[]>,
  logger: Logger,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvRow(AUDIT_CSV_COLUMNS)));
        return;
      }
      try {
        const next = await pages.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value.map(auditCsvRow).join("")));
      } catch (error) {
        logger.error("audit export failed", { error: describeError(error) });
        controller.error(error);
      }
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}
