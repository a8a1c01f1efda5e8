/**
 * From text to the features the built-in classifier counts: accent- and case-folded word
 * stems without stop words, the pairs of neighbouring stems on a line (so "amount due"
 * and "date de facture" count as phrases), and a few shape features (money amounts,
 * dates) that set forms full of figures apart from prose.
 */
import { STOP_WORDS } from "./stop_words.ts";

/** Letters that NFKD does not decompose but that readers treat as two letters. */
const LIGATURES: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d" };

/**
 * Lower-case `text` and strip accents, so that "Numéro" and "NUMERO", "Dirección" and
 * "direccion", "Straße" and "STRASSE" become the same word.
 */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[ßæœøłđ]/g, (letter) => LIGATURES[letter]);
}

const SUFFIXES = ["s", "en", "er", "es", "e"];
const MIN_STEM = 3;

/**
 * A deliberately crude, language-neutral stem: strip plural and inflection endings common
 * to the four languages until none is left ("invoices" → "invoic", "Rechnungen" →
 * "rechnung", "factures" → "factur"). Over-stemming is harmless here because every text
 * goes through the same function; what matters is that forms of one word meet.
 */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  let current = word;
  let changed = true;
  while (changed) {
    changed = false;
    for (const suffix of SUFFIXES) {
      if (current.endsWith(suffix) && current.length - suffix.length >= MIN_STEM) {
        // "ss" is a stem ending ("business", "adresse"), not a plural.
        if (suffix === "s" && current.endsWith("ss")) continue;
        current = current.slice(0, -suffix.length);
        changed = true;
        break;
      }
    }
  }
  return current;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The stems of one line of text, in order, without stop words, one-letter words and bare
 * numbers (amounts, years and page numbers say little about the type and would tie the
 * model to the seed texts' figures). Letters glued to digits by a hyphen ("W-2", "1099-MISC")
 * are joined first, as they name forms.
 */
export function tokenizeLine(line: string): string[] {
  const folded = foldText(line)
    .replace(/\b([a-z]{1,4})-(\d{1,4})\b/g, "$1$2")
    .replace(/\b(\d{3,4})-([a-z]{2,4})\b/g, "$1$2");
  const tokens: string[] = [];
  for (const [word] of folded.matchAll(WORD)) {
    if (word.length < 2 || /^\d+$/.test(word) || STOP_WORDS.has(word)) continue;
    tokens.push(stem(word));
  }
  return tokens;
}

const AMOUNT = /(?<![\d.,])\d{1,3}(?:[.,' \u00a0]\d{3})*[.,]\d{2}(?![\d.,]*\d)/g;
const DATE = /\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b/g;

/** The shape features: how many amounts and dates the text holds. */
function shapeCounts(text: string): [string, number][] {
  return [
    ["#amount", text.match(AMOUNT)?.length ?? 0],
    ["#date", text.match(DATE)?.length ?? 0],
  ];
}

/**
 * Raw counts of every feature of `text`: unigrams (stems), bigrams (neighbouring stems on
 * a line, "a b" with a space, which no stem contains) and shape features ("#…").
 */
export function countFeatures(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (feature: string, n = 1) => counts.set(feature, (counts.get(feature) ?? 0) + n);
  for (const line of text.split(/[\n\f\r]+/)) {
    const tokens = tokenizeLine(line);
    for (let i = 0; i < tokens.length; i++) {
      add(tokens[i]);
      if (i > 0) add(`${tokens[i - 1]} ${tokens[i]}`);
    }
  }
  for (const [feature, n] of shapeCounts(text)) if (n > 0) add(feature, n);
  return counts;
}
