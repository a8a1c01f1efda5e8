/**
 * The facts the built-in classifier reads out of a document besides its type: title,
 * summary, document date, issuer and amount. Rules, not learning: these are written the
 * same way across documents, so patterns over labels in four languages do well.
 */
import type { ClassificationInput } from "../classifier_types.ts";
import { findTotalAmount, type Money } from "./extract_amount.ts";
import { findDocumentDate, prefersMonthFirst } from "./extract_dates.ts";
import { findIssuer, findPersonName } from "./extract_issuer.ts";
import { buildSummary, buildTitle } from "./extract_title.ts";

/** How much text the rules read: a few pages hold every fact they look for. */
const MAX_FIELD_TEXT = 30_000;

/**
 * Types whose documents are about one amount to pay or paid. Statements, policies and tax
 * forms are full of totals (deposits, limits, wages), none of which is "the" amount.
 */
const AMOUNT_TYPES = new Set(["invoice", "receipt", "payslip", "utility_bill", "other"]);

export interface ExtractedFields {
  title: string | null;
  summary: string | null;
  document_date: string | null;
  issuer: string | null;
  amount: Money | null;
}

export interface FieldInput {
  text: string;
  filename: string;
  language: string | null;
  metadata: ClassificationInput["metadata"];
  /** The document type the classifier chose, and its label. */
  type: string;
  typeLabel: string;
  now: Date;
}

/** Extract every field; each is null when the text does not give it. */
export function extractFields(input: FieldInput): ExtractedFields {
  const text = input.text.length > MAX_FIELD_TEXT
    ? input.text.slice(0, MAX_FIELD_TEXT)
    : input.text;
  const monthFirst = prefersMonthFirst(text, input.language);
  const date = findDocumentDate(text, { now: input.now, monthFirst });
  const person = input.type === "cv_resume" || input.type === "letter"
    ? findPersonName(text)
    : null;
  // A CV or a private letter is from a person; a company named in it is an employer.
  const issuer = input.type === "cv_resume" ? person : findIssuer(text) ?? person;
  const amount = AMOUNT_TYPES.has(input.type) ? findTotalAmount(text) : null;
  const facts = {
    text,
    metadataTitle: input.metadata.title,
    filename: input.filename,
    type: input.type,
    typeLabel: input.typeLabel,
    issuer,
    date,
    person,
    amount,
  };
  return {
    title: buildTitle(facts),
    summary: buildSummary(facts),
    document_date: date,
    issuer,
    amount,
  };
}
