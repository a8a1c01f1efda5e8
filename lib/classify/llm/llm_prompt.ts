/**
 * What the LLM classifier sends: the (admin-editable) system prompt, and a user message that
 * carries everything the code depends on — the exact JSON shape, the allowed values and the
 * document itself — so that no edit of the system prompt can break the answer's format.
 */
import type { ClassificationInput } from "../classifier_types.ts";

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

/** How many characters of document text go to the model (about 3–4k tokens). */
export const TEXT_BUDGET = 12_000;

/** Share of the budget kept from the start; the rest comes from the end. */
const HEAD_SHARE = 0.75;

/** Longer lists are cut: a vault with thousands of tags should not fill the context. */
const MAX_LISTED_LABELS = 300;

/** The answer's shape, spelled for the model; `classificationResultSchema` is the real check. */
const ANSWER_SHAPE = `{
  "document_type": "<one of the slugs in document_types>",
  "confidence": <number from 0 to 1>,
  "title": "<at most 200 characters>" or null,
  "summary": "<at most two sentences, at most 600 characters>" or null,
  "document_date": "<yyyy-mm-dd>" or null,
  "issuer": "<at most 200 characters>" or null,
  "amount": { "value": <number>, "currency": "<ISO 4217 code>" or null } or null,
  "categories": [ { "path": "<Parent / Child>", "is_new": <true or false> } ],
  "tags": [ { "name": "<at most 64 characters>", "is_new": <true or false> } ]
}`;

const ANSWER_RULES = `Rules for the answer:
- Answer with this JSON object only, with exactly these keys.
- "document_type" must be one of the "slug" values in "document_types".
- A category with "is_new": false must be copied exactly from "existing_categories", and a tag \
with "is_new": false exactly from "existing_tags". Anything else must say "is_new": true.
- At most 10 categories and 20 tags; use [] when none fit.`;

/** Control characters PDF extraction leaves behind, except tab and newline. */
// deno-lint-ignore no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

/** Tidy extracted text: page breaks become blank lines, runs of blanks shrink. */
export function cleanDocumentText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/\f/g, "\n\n")
    .replace(CONTROL_CHARS, "")
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export interface TruncatedText {
  text: string;
  /** Length of the cleaned text before truncation. */
  length: number;
  /** How many characters were left out of the middle (0 when none). */
  omitted: number;
}

/**
 * Keep the start and the end of a long text. The start names the document (letterhead,
 * subject, date), the end often holds totals, signatures and closing dates; the middle
 * (line items, terms) helps the least.
 */
export function truncateDocumentText(text: string, budget = TEXT_BUDGET): TruncatedText {
  const cleaned = cleanDocumentText(text);
  if (cleaned.length <= budget) return { text: cleaned, length: cleaned.length, omitted: 0 };
  const headEnd = cutPoint(cleaned, Math.floor(budget * HEAD_SHARE), "backward");
  const tailStart = cutPoint(cleaned, cleaned.length - (budget - headEnd), "forward");
  const omitted = tailStart - headEnd;
  return {
    text: `${cleaned.slice(0, headEnd).trimEnd()}\n\n[… ${omitted} characters omitted …]\n\n` +
      cleaned.slice(tailStart).trimStart(),
    length: cleaned.length,
    omitted,
  };
}

/** Move a cut to nearby whitespace so words (and surrogate pairs) stay whole. */
function cutPoint(text: string, index: number, direction: "backward" | "forward"): number {
  const window = 200;
  if (direction === "backward") {
    const space = text.lastIndexOf(" ", index);
    const newline = text.lastIndexOf("\n", index);
    const best = Math.max(space, newline);
    if (best > index - window && best > 0) return best;
  } else {
    const candidates = [text.indexOf(" ", index), text.indexOf("\n", index)].filter((i) => i >= 0);
    const best = Math.min(...candidates);
    if (candidates.length && best < index + window) return best + 1;
  }
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff ? index + 1 : index;
}

function listed(labels: string[]): { shown: string[]; more: number } {
  return {
    shown: labels.slice(0, MAX_LISTED_LABELS),
    more: Math.max(0, labels.length - MAX_LISTED_LABELS),
  };
}

/** The user message: task, answer shape, context as JSON, then the document text. */
export function buildUserMessage(input: ClassificationInput): string {
  const categories = listed(input.categories);
  const tags = listed(input.tags);
  const context = {
    filename: input.filename,
    language: input.language,
    page_count: input.pageCount,
    metadata: input.metadata,
    document_types: input.documentTypes.map(({ slug, label }) => ({ slug, label })),
    existing_categories: categories.shown,
    existing_tags: tags.shown,
  };
  const notes = [
    categories.more ? `${categories.more} more existing categories are not listed.` : "",
    tags.more ? `${tags.more} more existing tags are not listed.` : "",
  ].filter(Boolean);

  const document = truncateDocumentText(input.text);
  const textHeading = document.length === 0
    ? "The PDF has no text layer: decide from the file name and metadata, with low confidence."
    : document.omitted
    ? `Document text (${document.length} characters; ${document.omitted} from the middle are omitted):`
    : `Document text (${document.length} characters):`;
  // The text is fenced by tags; a closing tag inside it must not end the fence early.
  const body = document.text.replaceAll("</document>", "</ document>");

  return [
    "Classify the document below. Answer with one JSON object of this shape:",
    ANSWER_SHAPE,
    ANSWER_RULES,
    "Context:",
    "```json\n" + JSON.stringify(context, null, 2) + "\n```",
    ...notes,
    textHeading,
    `<document>\n${body}\n</document>`,
  ].join("\n\n");
}

/** The first request's messages. */
export function buildClassificationMessages(
  input: ClassificationInput,
  systemPrompt: string,
): ChatMessage[] {
  return [
    { role: "system", content: systemPrompt },
    { role: "user", content: buildUserMessage(input) },
  ];
}

/** Longest rejected answer sent back to the model: enough to show it its mistake. */
const MAX_ECHOED_ANSWER = 4_000;

/** The follow-up after an invalid answer: the model sees what it said and what was wrong. */
export function buildCorrectionMessages(answer: string | null, problem: string): ChatMessage[] {
  return [
    { role: "assistant", content: (answer ?? "").slice(0, MAX_ECHOED_ANSWER) },
    {
      role: "user",
      content: `Your answer is not valid: ${problem}\n\n` +
        "Answer again with the corrected JSON object only, in exactly the shape asked for.",
    },
  ];
}
