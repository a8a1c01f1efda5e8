/**
 * The amount a document is about: the total of an invoice or receipt, the net pay of a
 * payslip, the closing balance of a statement — found by its label in any of the four
 * languages, with its currency, reading both "1,234.56" and "1.234,56".
 */
import { foldText } from "./text_features.ts";

export interface Money {
  value: number;
  /** ISO 4217, or null when the text does not say. */
  currency: string | null;
}

/** Currency symbols and words (folded) → ISO 4217. */
const CURRENCY_WORDS: Record<string, string> = {
  "€": "EUR",
  eur: "EUR",
  euro: "EUR",
  euros: "EUR",
  "$": "USD",
  "us$": "USD",
  usd: "USD",
  "£": "GBP",
  gbp: "GBP",
  chf: "CHF",
  "fr.": "CHF",
  "sfr.": "CHF",
  "¥": "JPY",
  jpy: "JPY",
};
for (
  const code of "CAD AUD NZD SEK NOK DKK PLN CZK HUF CNY INR BRL MXN ZAR SGD HKD TRY".split(" ")
) {
  CURRENCY_WORDS[code.toLowerCase()] = code;
}
const CURRENCY = `(${
  Object.keys(CURRENCY_WORDS)
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/[.$]/g, "\\$&"))
    .join("|")
})`;
/** 1,234.56 · 1.234,56 · 1 234,56 · 1'234.56 · 1234.5 · 1234 */
const NUMBER = String
  .raw`(\d{1,3}(?:[.,' \u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)`;
const MONEY = new RegExp(
  String.raw`(?<![\w.,])(?:${CURRENCY}\s?)?(-)?${NUMBER}(?:\s?${CURRENCY})?(?![\w]|[.,]\d)`,
  "g",
);

/**
 * A written number as a value: the last of "." and "," is the decimal mark when both
 * appear; a lone one is decimal unless exactly three digits follow it ("1.234" is a
 * thousand); spaces and apostrophes group thousands.
 */
export function parseNumber(raw: string): number | null {
  const s = raw.replace(/[\s\u00a0\u202f']/g, "");
  const dot = s.lastIndexOf(".");
  const comma = s.lastIndexOf(",");
  let decimal: string | null = null;
  if (dot >= 0 && comma >= 0) decimal = dot > comma ? "." : ",";
  else if (dot >= 0 || comma >= 0) {
    const mark = dot >= 0 ? "." : ",";
    const single = s.indexOf(mark) === s.lastIndexOf(mark);
    if (single && s.length - s.lastIndexOf(mark) - 1 !== 3) decimal = mark;
  }
  const grouped = decimal === null ? s.replace(/[.,]/g, "") : s.replace(
    new RegExp(`[${decimal === "." ? "," : "."}]`, "g"),
    "",
  ).replace(decimal, ".");
  const value = Number(grouped);
  return Number.isFinite(value) ? value : null;
}

/** Labels of the amount a document is about, strongest first (folded). */
const TOTAL_LABELS: [RegExp, number][] = [
  [
    /\b(amount due|balance due|total due|amount payable|total payable|grand total|invoice total|total amount due|total to pay|please pay|net pay|net salary|take home pay|zu zahlen|zahlbetrag|gesamtbetrag|rechnungsbetrag|endbetrag|bruttobetrag|gesamtsumme|auszahlungsbetrag|auszahlung|total ttc|montant ttc|net a payer|montant a payer|total a payer|montant total|reste a payer|total a pagar|importe total|total factura|total importe|importe a pagar|liquido (total )?a percibir)\b/,
    3,
  ],
  [
    /\b(total|totaal|summe|gesamt|betrag|montant|importe|amount paid|total paid|new balance|closing balance|ending balance|neuer (konto)?stand|neuer saldo|nouveau solde|solde final|saldo final)\b/,
    2,
  ],
];
/** Lines whose figure is part of a total, not the total (unless a strong label is there too). */
const PART_OF_TOTAL =
  /\b(sub-?total|zwischensumme|sous-?total|total (ht|hors taxes?|net|excl|before tax|vat|tva|iva|tax|mwst)|nettobetrag|net amount|summe netto|base imponible|minimum payment|previous balance|credit limit|discount|rabatt|remise|descuento|total deductions|total deposits|total withdrawals)\b/;

interface Candidate extends Money {
  priority: number;
}

/** Amounts on a folded line, after `from`. */
function amountsIn(line: string, from: number): Money[] {
  const found: Money[] = [];
  for (const match of line.slice(from).matchAll(MONEY)) {
    const [, before, minus, number, after] = match;
    // A bare integer without a currency is a quantity, an account or a year, not money.
    if (!before && !after && !/[.,]\d{1,2}$/.test(number)) continue;
    const value = parseNumber(number);
    if (value === null || value <= 0 || value >= 1e10 || minus) continue;
    const word = before ?? after;
    found.push({ value, currency: word ? CURRENCY_WORDS[word] ?? null : null });
  }
  return found;
}

/** The currency the document mostly writes, for totals printed without one. */
function mainCurrency(folded: string): string | null {
  const counts = new Map<string, number>();
  for (const match of folded.matchAll(new RegExp(`(?<![a-z])${CURRENCY}(?![a-z])`, "g"))) {
    const code = CURRENCY_WORDS[match[1]];
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * The document's total: the amount after the strongest total label, on its line or — for
 * tables whose label and figure land on separate lines — on the next; among equals the
 * largest (the grand total, not a line item). Null when no labelled amount exists.
 */
export function findTotalAmount(text: string): Money | null {
  const lines = text.split(/[\n\f\r]/).map(foldText);
  let best: Candidate | null = null;
  for (const [i, line] of lines.entries()) {
    for (const [label, priority] of TOTAL_LABELS) {
      const match = label.exec(line);
      if (!match) continue;
      if (priority < 3 && PART_OF_TOTAL.test(line)) break;
      const end = match.index + match[0].length;
      let amounts = amountsIn(line, end);
      if (amounts.length === 0 && i + 1 < lines.length) amounts = amountsIn(lines[i + 1], 0);
      for (const amount of amounts) {
        if (
          !best || priority > best.priority ||
          (priority === best.priority && amount.value > best.value)
        ) best = { ...amount, priority };
      }
      break;
    }
  }
  if (!best) return null;
  return { value: best.value, currency: best.currency ?? mainCurrency(lines.join("\n")) };
}
