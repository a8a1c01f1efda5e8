/** The read-only parts of the document panel: the AI suggestion's changes and the facts. */
import type { ComponentChildren } from "preact";
import type { PublicDocument } from "../../lib/documents/documents_view.ts";
import { formatBytes, formatDate } from "../../lib/shared/format.ts";

/** What a classifier stored in `ai_suggestion` (lib/documents/suggestions.ts). */
interface Suggestion {
  classifier?: string;
  confidence?: number;
  document_type?: string;
  title?: string | null;
  document_date?: string | null;
  issuer?: string | null;
  categories?: { path: string; is_new: boolean }[];
  tags?: { name: string; is_new: boolean }[];
}

const none = "none";
const lower = (s: string) => s.toLowerCase();

/** "Type: Letter → Invoice", "Tags: + tax", "New category: Health": what Accept would do. */
export function suggestionChanges(
  doc: PublicDocument,
  typeLabel: (slug: string | null) => string,
): string[] {
  const s = doc.ai_suggestion as Suggestion;
  const out: string[] = [];
  const change = (what: string, from: string | null | undefined, to: string | null | undefined) => {
    if ((from ?? null) !== (to ?? null)) out.push(`${what}: ${from || none} → ${to || none}`);
  };
  if (s.document_type) change("Type", typeLabel(doc.document_type), typeLabel(s.document_type));
  // Accepting keeps the title when the suggestion has none; date and issuer are replaced.
  if (s.title) change("Title", doc.title, s.title);
  change("Date", formatDate(doc.document_date), formatDate(s.document_date));
  change("Issuer", doc.issuer, s.issuer);
  const paths = new Set(doc.categories.map((c) => lower(c.path)));
  for (const c of s.categories ?? []) {
    if (c.is_new) out.push(`New category: ${c.path}`);
    else if (!paths.has(lower(c.path))) out.push(`Category: + ${c.path}`);
  }
  const tags = new Set(doc.tags.map((t) => lower(t.name)));
  const added = (s.tags ?? []).filter((t) => !tags.has(lower(t.name))).map((t) => `+ ${t.name}`);
  if (added.length) out.push(`Tags: ${added.join(", ")}`);
  return out;
}

export function suggestionSource(doc: PublicDocument): string {
  const s = doc.ai_suggestion as Suggestion;
  const by = s.classifier === "llm" ? "the AI model" : "the built-in classifier";
  const sure = typeof s.confidence === "number"
    ? ` (${Math.round(s.confidence * 100)} % sure)`
    : "";
  return `Suggested by ${by}${sure}`;
}

const STATUS: Record<PublicDocument["status"], string> = {
  pending: "Uploading",
  uploaded: "Queued",
  processing: "Processing",
  ready: "Ready",
  error: "Failed",
};

export function StatusBadge({ status }: { status: PublicDocument["status"] }) {
  return (
    <span class={`badge badge--${status === "ready" ? "success" : status}`}>{STATUS[status]}</span>
  );
}

function languageName(code: string | null): string {
  if (!code) return "—";
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

function amountText(amount: PublicDocument["amount"]): string | null {
  if (!amount) return null;
  try {
    return amount.currency
      ? new Intl.NumberFormat(undefined, { style: "currency", currency: amount.currency })
        .format(amount.value)
      : String(amount.value);
  } catch {
    return `${amount.value} ${amount.currency ?? ""}`.trim();
  }
}

export function DocumentFacts({ doc }: { doc: PublicDocument }) {
  const rows: [string, ComponentChildren][] = [
    ["Status", <StatusBadge key="status" status={doc.status} />],
    ["File", doc.filename],
    ["Size", formatBytes(doc.size_bytes)],
    ["Pages", doc.page_count ?? "—"],
    ["Language", languageName(doc.language)],
    ["Uploaded", formatDate(doc.created_at)],
  ];
  const amount = amountText(doc.amount);
  if (amount) rows.push(["Amount", amount]);
  if (doc.has_text_layer === false) rows.push(["Text", "No text layer (a scan?)"]);
  if (doc.duplicate_of) {
    rows.push([
      "Duplicate of",
      <a key="dup" href={`/documents?open=${doc.duplicate_of}`}>the original</a>,
    ]);
  }
  return (
    <dl class="doc-facts">
      {rows.map(([term, value]) => (
        <div key={term} class="doc-facts__row">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
