/**
 * Dates in document text, in the forms the four languages write them — 2024-03-15,
 * 15.03.2024, 15/03/2024, 03/15/2024, "15 March 2024", "March 15, 2024", "7. Mai 2014",
 * "1er mars 2024", "15 de marzo de 2024" — and the choice of the one that dates the
 * document: a labelled issue date beats a bare date, a due date or a birth date loses.
 */
import { foldText } from "./text_features.ts";

/** Folded month names and abbreviations of en/de/fr/es → month number. */
const MONTHS: Record<string, number> = {};
for (
  const [month, names] of [
    [1, "january jan januar janner janvier janv enero ene"],
    [2, "february feb februar fevrier fevr fev febrero"],
    [3, "march mar marz mrz mars marzo"],
    [4, "april apr avril avr abril abr"],
    [5, "may mai mayo"],
    [6, "june jun juni juin junio"],
    [7, "july jul juli juillet juil julio"],
    [8, "august aug aout agosto ago"],
    [9, "september sep sept septembre septiembre setiembre"],
    [10, "october oct oktober okt octobre octubre"],
    [11, "november nov novembre noviembre"],
    [12, "december dec dezember dez decembre diciembre dic"],
  ] as const
) {
  for (const name of names.split(" ")) MONTHS[name] = month;
}
const MONTH = `(${Object.keys(MONTHS).sort((a, b) => b.length - a.length).join("|")})`;

const NUMERIC = /(?<![\d.,/-])(\d{1,4})([./-])(\d{1,2})\2(\d{2,4})(?![\d]|[.,/-]\d)/g;
const DAY_MONTH_YEAR = new RegExp(
  `\\b(\\d{1,2})(?:\\.|st|nd|rd|th|er|º|°)?\\s*(?:of\\s+|de\\s+)?${MONTH}\\.?,?\\s+(?:de\\s+|del\\s+)?(\\d{4})\\b`,
  "g",
);
const MONTH_DAY_YEAR = new RegExp(
  `\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`,
  "g",
);

/** A date found in the text, with where and how it was written. */
export interface FoundDate {
  iso: string;
  /** Index of the line it is on. */
  line: number;
  /** The folded text of its line before the date: where its label is. */
  before: string;
}

export interface DateOptions {
  now: Date;
  /**
   * Whether an ambiguous a/b/yyyy is month first (US). Decided per document by
   * `prefersMonthFirst` when not given.
   */
  monthFirst?: boolean;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** yyyy-mm-dd when the parts name a real day between 1900 and a year from now. */
export function toIsoDate(year: number, month: number, day: number, now: Date): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  const latest = Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth(), now.getUTCDate());
  if (year < 1900 || date.getTime() > latest) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** "24" → 2024, "87" → 1987: two-digit years up to next year's are this century's. */
function fullYear(year: string, now: Date): number {
  if (year.length !== 2) return Number(year);
  const n = Number(year);
  return n <= (now.getUTCFullYear() + 1) % 100 ? 2000 + n : 1900 + n;
}

/**
 * Whether this text writes a/b/yyyy month first: yes when some such date only makes sense
 * that way (03/15/2024), no when one only makes sense day first (15/03/2024); when none
 * decides, US-looking text (dollars, English) is taken as month first.
 */
export function prefersMonthFirst(text: string, language: string | null): boolean {
  let monthFirst = 0;
  let dayFirst = 0;
  for (const [, a, separator, b] of text.matchAll(NUMERIC)) {
    if (separator === ".") continue;
    if (Number(a) > 12 && Number(b) <= 12) dayFirst++;
    if (Number(b) > 12 && Number(a) <= 12) monthFirst++;
  }
  if (monthFirst !== dayFirst) return monthFirst > dayFirst;
  return (language === "en" || language === null) && /\$|\bUSD\b/.test(text) &&
    !/€|£|\bEUR\b|\bGBP\b/.test(text);
}

/** Every date in `text`, in reading order. */
export function findDates(text: string, options: DateOptions): FoundDate[] {
  const { now } = options;
  const monthFirst = options.monthFirst ?? prefersMonthFirst(text, null);
  const found: (FoundDate & { index: number })[] = [];
  text.split(/[\n\f\r]/).forEach((raw, line) => {
    const folded = foldText(raw);
    const add = (index: number, iso: string | null) => {
      if (iso) found.push({ iso, line, before: folded.slice(0, index), index });
    };
    for (const match of folded.matchAll(NUMERIC)) {
      const [, a, separator, b, c] = match;
      if (a.length === 4) {
        add(match.index, toIsoDate(Number(a), Number(b), Number(c), now));
      } else {
        const [day, month] = monthFirst && separator !== "." ? [b, a] : [a, b];
        add(match.index, toIsoDate(fullYear(c, now), Number(month), Number(day), now));
      }
    }
    for (const match of folded.matchAll(DAY_MONTH_YEAR)) {
      add(match.index, toIsoDate(Number(match[3]), MONTHS[match[2]], Number(match[1]), now));
    }
    for (const match of folded.matchAll(MONTH_DAY_YEAR)) {
      add(match.index, toIsoDate(Number(match[3]), MONTHS[match[1]], Number(match[2]), now));
    }
  });
  found.sort((a, b) => a.line - b.line || a.index - b.index);
  return found.map(({ iso, line, before }) => ({ iso, line, before }));
}

/** Labels that name the date a document was issued (folded). */
const ISSUE_LABEL =
  /(invoice date|date of invoice|date of issue|issue date|issued( on)?|statement date|document date|letter date|pay date|check date|date paid|payment date|dated|rechnungsdatum|ausstellungsdatum|belegdatum|bescheiddatum|abrechnungsdatum|auszugsdatum|datum der rechnung|date de (la )?facture|date d'emission|date d'edition|date du document|fecha de (la )?factura|fecha de emision|fecha de expedicion|fecha del documento)\s*[:.#]?\s*$/;
/** A bare "Date:" label. */
const DATE_LABEL = /\b(date|datum|fecha|le|am|den)\s*[:.]?\s*$/;
/** "Berlin, den", "Paris, le", "Madrid, a", "London," before a letter's date. */
const PLACE_AND_DATE = /^\s*[a-z][a-z .'-]{1,40},\s*(den|le|am|a|el)?\s*$/;
/** Labels of dates that are not the document's own: due, birth, validity, periods (folded). */
const OTHER_LABEL =
  /\b(due|payable|pay by|faellig|fallig|zahlbar|zahlungsziel|echeance|date limite|a payer avant|vencimiento|pagar antes|birth|born|geburt|geboren|naissance|ne le|nacimiento|valid|gultig|expir|ablauf|delivery|liefer|livraison|entrega|period|zeitraum|periode|periodo|received|eingang|recu|recibido|start|beginn|debut|inicio)\b[^\d]{0,24}$/;
/** Short words that put a date in a range ("01.01. – 31.01.", "du … au …"), right before it. */
const RANGE_WORD =
  /(\b(to|bis|au|al|du|vom|from|desde|since|seit|hasta|until|through)|[-–])\s*[:.]?\s*$/;

/** How much a date's surroundings say it is the document's date. */
function scoreDate(date: FoundDate): number {
  const label = date.before.trimEnd();
  let score = -date.line / 200;
  // A due date is labelled "Due date:", so other dates' labels are ruled out before the
  // bare "Date:" is believed.
  if (ISSUE_LABEL.test(label)) score += 3;
  else if (OTHER_LABEL.test(label) || RANGE_WORD.test(label)) score -= 2;
  else if (PLACE_AND_DATE.test(label)) score += 2.5;
  else if (DATE_LABEL.test(label)) score += 2;
  return score;
}

/** The date of the document: the best-labelled date, the earliest of equals; or null. */
export function findDocumentDate(text: string, options: DateOptions): string | null {
  let best: { iso: string; score: number } | null = null;
  for (const date of findDates(text, options)) {
    const score = scoreDate(date);
    if (!best || score > best.score) best = { iso: date.iso, score };
  }
  return best?.iso ?? null;
}
