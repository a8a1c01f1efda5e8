/**
 * Turn the model's reply into a `ClassificationResult`, or into a problem description that
 * is sent back to the model once (see `llm_classifier.ts`).
 *
 * Strict where it matters — the schema and the list of allowed types — and forgiving only
 * where the intent is unambiguous (a Markdown fence around the JSON, `""` for "unknown",
 * "Invoice" for the slug "invoice"), because every retry costs the user time and tokens.
 *
 * Labels: an answered category or tag that matches an existing one (ignoring case, spacing
 * and, for paths, the spacing around "/") is returned with the existing spelling and
 * `is_new: false`, whatever the model claimed. One that matches nothing is kept as a proposal
 * only if the model marked it `is_new: true`; if it claimed `is_new: false` it meant an
 * existing label it misremembered, so it is dropped rather than created — creating it would
 * plant near-duplicates ("Finance / Tax" next to "Finance / Taxes") in the user's tree,
 * particularly when suggestions are auto-applied.
 */
import {
  type ClassificationInput,
  type ClassificationResult,
  classificationResultSchema,
} from "../classifier_types.ts";

/** Why an answer was refused, for logs and errors (never containing the answer's text). */
export type AnswerProblemKind = "empty" | "not_json" | "schema" | "unknown_type";

export type ParsedAnswer =
  | { ok: true; result: ClassificationResult; dropped: { categories: number; tags: number } }
  | {
    ok: false;
    kind: AnswerProblemKind;
    /** Told to the model in the follow-up message. */
    problem: string;
    /** Paths of the fields the schema refused, safe to log. */
    fields: string[];
  };

const MAX_LISTED_ISSUES = 10;

/** Strings a model uses for "unknown" where the schema wants null. */
const NULLABLE_TEXT_FIELDS = ["title", "summary", "document_date", "issuer"] as const;

/** Parse and check one answer against the input it answers. */
export function parseClassificationAnswer(
  content: string | null | undefined,
  input: ClassificationInput,
): ParsedAnswer {
  const text = stripFence(content ?? "");
  if (!text) {
    return { ok: false, kind: "empty", problem: "the answer was empty.", fields: [] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      kind: "not_json",
      problem: `it is not valid JSON (${reason}).`,
      fields: [],
    };
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return { ok: false, kind: "not_json", problem: "it is not a JSON object.", fields: [] };
  }

  const answer = { ...data as Record<string, unknown> };
  for (const field of NULLABLE_TEXT_FIELDS) {
    if (typeof answer[field] === "string" && !(answer[field] as string).trim()) {
      answer[field] = null;
    }
  }
  if (typeof answer.document_type === "string") {
    answer.document_type = matchDocumentType(answer.document_type, input) ?? answer.document_type;
  }

  const parsed = classificationResultSchema.safeParse(answer);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, MAX_LISTED_ISSUES);
    const fields = issues.map((issue) => issue.path.join(".") || "(root)");
    const problem = "these fields do not match the requested shape: " +
      issues.map((issue, i) => `${fields[i]}: ${issue.message}`).join("; ") + ".";
    return { ok: false, kind: "schema", problem, fields };
  }

  const slugs = input.documentTypes.map((type) => type.slug);
  if (!slugs.includes(parsed.data.document_type)) {
    return {
      ok: false,
      kind: "unknown_type",
      problem: `"document_type" is ${JSON.stringify(parsed.data.document_type)}, ` +
        `but it must be one of: ${slugs.join(", ")}.`,
      fields: ["document_type"],
    };
  }

  const categories = reconcileLabels(
    parsed.data.categories.map((c) => ({ label: c.path, isNew: c.is_new })),
    input.categories,
    pathKey,
    formatPath,
  );
  const tags = reconcileLabels(
    parsed.data.tags.map((t) => ({ label: t.name, isNew: t.is_new })),
    input.tags,
    labelKey,
    collapseSpaces,
  );
  return {
    ok: true,
    result: {
      ...parsed.data,
      categories: categories.kept.map(({ label, isNew }) => ({ path: label, is_new: isNew })),
      tags: tags.kept.map(({ label, isNew }) => ({ name: label, is_new: isNew })),
    },
    dropped: { categories: categories.dropped, tags: tags.dropped },
  };
}

/** Local models wrap JSON in a Markdown fence even in JSON mode. */
function stripFence(content: string): string {
  const trimmed = content.trim();
  const fenced = /^```(?:json)?\s*\n?([\s\S]*?)\n?```$/i.exec(trimmed);
  return (fenced ? fenced[1] : trimmed).trim();
}

/** The slug a model meant by a slug in another case, or by the type's label. */
function matchDocumentType(answer: string, input: ClassificationInput): string | undefined {
  const key = labelKey(answer);
  return input.documentTypes.find((type) =>
    labelKey(type.slug) === key || labelKey(type.label) === key
  )?.slug;
}

function collapseSpaces(label: string): string {
  return label.trim().replace(/\s+/g, " ");
}

/** Comparison key for tags (and types): case, width and spacing do not count. */
export function labelKey(label: string): string {
  return collapseSpaces(label.normalize("NFKC")).toLowerCase();
}

function pathSegments(path: string): string[] {
  return path.split("/").map(collapseSpaces).filter(Boolean);
}

/** "finance/ Taxes" and "Finance / taxes" are the same category. */
export function pathKey(path: string): string {
  return pathSegments(path.normalize("NFKC")).map((s) => s.toLowerCase()).join("/");
}

function formatPath(path: string): string {
  return pathSegments(path).join(" / ");
}

interface AnsweredLabel {
  label: string;
  isNew: boolean;
}

function reconcileLabels(
  answered: AnsweredLabel[],
  existing: string[],
  key: (label: string) => string,
  format: (label: string) => string,
): { kept: AnsweredLabel[]; dropped: number } {
  const known = new Map<string, string>();
  for (const label of existing) if (!known.has(key(label))) known.set(key(label), label);
  const seen = new Set<string>();
  const kept: AnsweredLabel[] = [];
  let dropped = 0;
  for (const { label, isNew } of answered) {
    const k = key(label);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    const match = known.get(k);
    if (match !== undefined) kept.push({ label: match, isNew: false });
    else if (isNew) kept.push({ label: format(label), isNew: true });
    else dropped++;
  }
  return { kept, dropped };
}
