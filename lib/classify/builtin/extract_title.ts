/**
 * A human title and a short summary for a document: its PDF title when that is a real
 * one, a letter's subject, a heading on its first lines, or — for forms full of figures —
 * "Invoice · Issuer · 2024-03-15"; the summary is an abstract's first sentences, the
 * first real sentences of prose, or a one-line digest of the extracted facts.
 */
import type { Money } from "./extract_amount.ts";
import { foldText } from "./text_features.ts";

const MAX_TITLE = 200;
const MAX_SUMMARY = 600;

/** Types whose documents are forms of figures: a composed title says more than a heading. */
const COMPOSED_TITLE_TYPES = new Set([
  "invoice",
  "receipt",
  "bank_statement",
  "payslip",
  "utility_bill",
  "tax_document",
  "insurance_policy",
]);

/** Titles that authoring tools write when the author wrote none (folded). */
const PLACEHOLDER_TITLE =
  /^(untitled|unbenannt|sans titre|sin titulo|document|dokument|doc|title|titel|titre|presentation|powerpoint presentation|slide ?\d*|scan|image|page \d+|microsoft word|print|\d+)$/;

function clip(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2))}…`;
}

/** "SERVICE AGREEMENT" → "Service Agreement"; other casing is the author's and stays. */
function tameCapitals(line: string): string {
  if (line !== line.toUpperCase() || !/\p{Lu}{4}/u.test(line)) return line;
  return line.toLowerCase().replace(
    /(^|[\s(/-])(\p{L})/gu,
    (_, gap, letter) => gap + letter.toUpperCase(),
  );
}

/** The PDF metadata title, when it is a title and not a file name or a tool's default. */
export function meaningfulMetadataTitle(title: string | undefined): string | null {
  if (!title) return null;
  const clean = title
    .replace(/^microsoft (word|excel|powerpoint) - /i, "")
    .replace(/\.(docx?|odt|pdf|xlsx?|pptx?|rtf|txt|tex|html?)$/i, "")
    .trim();
  if (clean.length < 4 || !/\p{L}{3}/u.test(clean)) return null;
  if (PLACEHOLDER_TITLE.test(foldText(clean))) return null;
  // File names and ids: underscores, or no spaces but slashes or long digit runs.
  if (clean.includes("_") || (!/\s/.test(clean) && /[/\\]|\d{4,}/.test(clean))) return null;
  return clip(clean, MAX_TITLE);
}

const SUBJECT = /^\s*(subject|re|betreff|betr|objet|asunto|ref)\s*[:.]\s*(.{4,})$/i;

/** Words a heading does not end on: a line ending so is half a sentence. */
const DANGLING =
  /\s(and|or|of|the|to|for|with|und|oder|der|die|das|et|ou|de|du|des|la|le|y|o|del|el)$/i;

/** A line that could head the document: a few words of text, not a date, number or address. */
function isHeading(line: string): boolean {
  const words = line.split(/\s+/);
  if (words.length < 2 || words.length > 16 || line.length < 8) return false;
  if (/^\p{Ll}/u.test(line) || /[-,;:]$/.test(line) || DANGLING.test(line)) return false;
  if (/@|https?:|www\.|\d{4,}|^page \d|^seite \d|\d{1,2}[./]\d{1,2}[./]\d{2,4}/i.test(line)) {
    return false;
  }
  const letters = line.replace(/[^\p{L}]/gu, "").length;
  return letters / line.length >= 0.7;
}

export interface TitleFacts {
  text: string;
  metadataTitle?: string;
  filename: string;
  type: string;
  typeLabel: string;
  issuer: string | null;
  date: string | null;
  person: string | null;
}

/**
 * Whether a metadata title is the document's own: most of its words are printed on the
 * first page (authoring tools leave template and program names in the metadata), or there
 * is no text to check against (a scan).
 */
function printedIn(title: string, text: string): boolean {
  const opening = foldText(text.slice(0, 3_000));
  if (!/\p{L}{3}/u.test(opening)) return true;
  const words = foldText(title).match(/\p{L}{3,}/gu) ?? [];
  return words.filter((word) => opening.includes(word)).length >= words.length / 2;
}

/** The file name's stem when it says something ("Rechnung_Stadtwerke_2024-03"). */
function filenameTitle(filename: string): string | null {
  const stem = filename.replace(/\.[a-z0-9]{2,4}$/i, "").replace(/[_]+/g, " ").trim();
  if (!/\p{L}{3}/u.test(stem) || PLACEHOLDER_TITLE.test(foldText(stem))) return null;
  return clip(stem, MAX_TITLE);
}

/** Composes "Label · Issuer · yyyy-mm-dd" from what is known, or null when nothing is. */
function composedTitle(facts: TitleFacts): string | null {
  const parts = [facts.issuer ?? facts.person, facts.date].filter((part) => part);
  return parts.length > 0 ? clip([facts.typeLabel, ...parts].join(" · "), MAX_TITLE) : null;
}

/** The best title for a document, or null when there is nothing to go by. */
export function buildTitle(facts: TitleFacts): string | null {
  const lines = facts.text.split(/[\n\f\r]/).map((line) => line.trim()).filter((line) => line);
  const metadata = meaningfulMetadataTitle(facts.metadataTitle);
  if (metadata && printedIn(metadata, facts.text)) return metadata;
  if (COMPOSED_TITLE_TYPES.has(facts.type)) {
    const composed = composedTitle(facts);
    if (composed) return composed;
  }
  if (facts.type === "cv_resume" && facts.person) return `${facts.typeLabel} · ${facts.person}`;
  for (const line of lines.slice(0, 40)) {
    const subject = SUBJECT.exec(line);
    if (subject) return clip(subject[2], MAX_TITLE);
  }
  const heading = lines.slice(0, 15).find(isHeading);
  if (heading) return clip(tameCapitals(heading), MAX_TITLE);
  // The type's label is a title of last resort, for a text with words in it at least.
  return composedTitle(facts) ?? filenameTitle(facts.filename) ??
    (/\p{L}{2}/u.test(facts.text) ? facts.typeLabel : null);
}

const ABSTRACT =
  /^\s*(abstract|summary|zusammenfassung|kurzfassung|resume|resumen)\b\s*[:.—–-]?\s*/i;

/**
 * Sentences of running text. Lines are joined into paragraphs (hyphenated breaks
 * mended), but a short line, or one without closing punctuation before a capitalised
 * line, is a heading or a form field and ends the paragraph, so that "MORTGAGE NOTE" is
 * not read as the start of the first sentence.
 */
function sentencesOf(text: string): string[] {
  const lines = text.replace(/(\p{Ll})-\n(\p{Ll})/gu, "$1$2").split(/[\n\f\r]/)
    .map((line) => line.replace(/\s+/g, " ").trim());
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) paragraphs.push(current.join(" "));
    current = [];
  };
  for (const [i, line] of lines.entries()) {
    if (line.split(" ").length < 4) {
      flush();
      continue;
    }
    current.push(line);
    if (!/[.,;:!?)]$/.test(line) && /^\p{Lu}/u.test(lines[i + 1] ?? "")) flush();
  }
  flush();
  return paragraphs.flatMap((paragraph) => paragraph.split(/(?<=[.!?])\s+(?=[\p{Lu}"“„«(])/u));
}

/** A sentence a reader would call one: 6–60 words, mostly letters, not shouted. */
function isProse(sentence: string): boolean {
  const words = sentence.split(" ").length;
  if (words < 6 || words > 60 || !/^[\p{Lu}"“„«(]/u.test(sentence) || !/[.!?]$/.test(sentence)) {
    return false;
  }
  const letters = sentence.replace(/[^\p{L}]/gu, "").length;
  return letters / sentence.length >= 0.7 && sentence !== sentence.toUpperCase();
}

function formatMoney(amount: Money): string {
  const value = amount.value.toLocaleString("en-US", { minimumFractionDigits: 2 });
  return amount.currency ? `${value} ${amount.currency}` : value;
}

export interface SummaryFacts extends TitleFacts {
  amount: Money | null;
}

/**
 * Up to two sentences: an abstract's opening, else the first two sentences of prose; for
 * documents of figures without prose, a digest of the facts ("Invoice from X, dated …").
 */
export function buildSummary(facts: SummaryFacts): string | null {
  const lines = facts.text.split(/[\n\f\r]/);
  const abstractAt = lines.slice(0, 80).findIndex((line) => ABSTRACT.test(line));
  if (abstractAt >= 0) {
    const rest = [
      lines[abstractAt].replace(ABSTRACT, ""),
      ...lines.slice(abstractAt + 1, abstractAt + 30),
    ];
    const sentences = sentencesOf(rest.join("\n")).filter(isProse).slice(0, 2);
    if (sentences.length > 0) return clip(sentences.join(" "), MAX_SUMMARY);
  }
  if (!COMPOSED_TITLE_TYPES.has(facts.type)) {
    const prose = sentencesOf(facts.text.slice(0, 20_000)).filter(isProse).slice(0, 2);
    if (prose.length > 0) return clip(prose.join(" "), MAX_SUMMARY);
  }
  const parts = [
    facts.issuer ? `from ${facts.issuer}` : null,
    facts.date ? `dated ${facts.date}` : null,
    facts.amount ? `amount ${formatMoney(facts.amount)}` : null,
  ].filter((part) => part);
  return parts.length > 0 ? clip(`${facts.typeLabel} ${parts.join(", ")}.`, MAX_SUMMARY) : null;
}
