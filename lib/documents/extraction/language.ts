/**
 * Language detection for extracted text (SPEC §4.4: extract → detect language → classify),
 * with franc-min's trigram models. Runs in the extraction child, but is pure and cheap
 * (a few milliseconds on a 2,000-character sample).
 */
import { francAll } from "franc-min";

/**
 * franc-min's ISO 639-3 codes that have an ISO 639-1 code, the only form DocuVault stores.
 * Detection is limited to these: franc-min also knows languages such as Ilocano or Hmong
 * whose trigram models win on noisy text (numbers, codes, names), and an invoice full of
 * article numbers should come out as "no language" rather than as one of them.
 */
const ISO_639_1: Record<string, string> = {
  eng: "en",
  deu: "de",
  fra: "fr",
  spa: "es",
  nld: "nl",
  ita: "it",
  por: "pt",
  pol: "pl",
  ces: "cs",
  swe: "sv",
  ron: "ro",
  hun: "hu",
  tur: "tr",
  hrv: "hr",
  srp: "sr",
  bos: "bs",
  ind: "id",
  vie: "vi",
  rus: "ru",
  ukr: "uk",
  bul: "bg",
  bel: "be",
  ell: "el",
  arb: "ar",
  pes: "fa",
  hin: "hi",
  ben: "bn",
  tha: "th",
  cmn: "zh",
  jpn: "ja",
  kor: "ko",
};
const CANDIDATES = Object.keys(ISO_639_1);

/** How much text is looked at: the start of a document says what language it is in. */
const SAMPLE_CHARS = 5_000;
/** franc-min reads at most this many characters of what it is given. */
const FRANC_MAX_CHARS = 2_048;
/** Fewer letters than this is too little to tell languages apart (franc's own floor is 10). */
const MIN_LETTERS = 50;
/**
 * How clearly the best language must beat the runner-up. franc scores the best language 1
 * and another `1 - (its distance - best distance) / (sample length × 300)`. Two tests:
 * - relative: a runner-up within 1 % means the text fits two languages alike — typically a
 *   language franc-min has no model for (Lorem ipsum comes out as French or Spanish by a
 *   hair), however long the sample;
 * - absolute: `(1 - runner-up score) × sample length` is about how many trigrams the two
 *   differ by; a handful is noise, as in a pay slip's label list ("Gross Pay YTD Medicare").
 */
const MIN_RELATIVE_GAP = 0.01;
const MIN_TRIGRAM_GAP = 6;

/**
 * The words of the text's start, without numbers, amounts, codes, e-mail addresses and
 * URLs, which carry no language but would fill franc's 2,048-character window.
 */
export function languageSample(text: string): string {
  return text
    .slice(0, SAMPLE_CHARS)
    .split(/\s+/)
    .filter((word) => !/[@/\\]|^www\./i.test(word))
    .map((word) => word.replace(/[^\p{L}\p{M}'’-]+/gu, ""))
    .filter((word) => /\p{L}/u.test(word))
    .join(" ")
    .slice(0, FRANC_MAX_CHARS);
}

/**
 * The language of `text` as an ISO 639-1 code ("en", "de" …), or null when the text is
 * too short or fits two languages about equally well.
 */
export function detectLanguage(text: string): string | null {
  const sample = languageSample(text);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return null;
  const ranked = francAll(sample, { only: CANDIDATES, minLength: MIN_LETTERS });
  const [best, runnerUp] = ranked;
  if (!best || best[0] === "und") return null;
  if (runnerUp) {
    const gap = 1 - runnerUp[1];
    if (gap < MIN_RELATIVE_GAP || gap * sample.length < MIN_TRIGRAM_GAP) return null;
  }
  return ISO_639_1[best[0]] ?? null;
}
