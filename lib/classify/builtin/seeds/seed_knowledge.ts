/**
 * The built-in classifier's prior knowledge: seed texts for each standard document type
 * (SPEC §3) in English, German, French and Spanish. See seed_types.ts for what they are.
 */
import { BANK_STATEMENT } from "./bank_statement.ts";
import { CONTRACT } from "./contract.ts";
import { COURT_DOCUMENT } from "./court_document.ts";
import { CV_RESUME } from "./cv_resume.ts";
import { FINANCIAL_REPORT } from "./financial_report.ts";
import { FORM } from "./form.ts";
import { INSURANCE_POLICY } from "./insurance_policy.ts";
import { INVOICE } from "./invoice.ts";
import { LETTER } from "./letter.ts";
import { MANUAL } from "./manual.ts";
import { MEETING_MINUTES } from "./meeting_minutes.ts";
import { OTHER } from "./other.ts";
import { PAYSLIP } from "./payslip.ts";
import { RECEIPT } from "./receipt.ts";
import { SCIENTIFIC_PAPER } from "./scientific_paper.ts";
import { TAX_DOCUMENT } from "./tax_document.ts";
import { UTILITY_BILL } from "./utility_bill.ts";
import type { SeedLanguage, SeedSet, SeedText } from "./seed_types.ts";

export const SEED_SETS: readonly SeedSet[] = [
  INVOICE,
  RECEIPT,
  BANK_STATEMENT,
  CONTRACT,
  PAYSLIP,
  TAX_DOCUMENT,
  INSURANCE_POLICY,
  UTILITY_BILL,
  LETTER,
  FORM,
  MANUAL,
  SCIENTIFIC_PAPER,
  CV_RESUME,
  COURT_DOCUMENT,
  MEETING_MINUTES,
  FINANCIAL_REPORT,
  OTHER,
];

const LANGUAGES: readonly SeedLanguage[] = ["en", "de", "fr", "es"];

/** The standard document types (SPEC §3) as the seeded `document_types` list has them. */
export const STANDARD_DOCUMENT_TYPES: readonly { slug: string; label: string }[] = SEED_SETS
  .map(({ type, label }) => ({ slug: type, label }));

/** Every seed text, one entry per text. */
export function listSeedTexts(): SeedText[] {
  return SEED_SETS.flatMap((set) =>
    LANGUAGES.flatMap((language) =>
      set[language].map((text) => ({ type: set.type, language, text }))
    )
  );
}
