/**
 * Who sent the document: the organisation in its letterhead or legal footer, recognised
 * by a legal form (GmbH, AG, Ltd, Inc, SARL, S.A., B.V., LLC …) or an institution word
 * (Bank, Versicherung, Finanzamt, Université …) — and not the customer it is addressed to.
 */
import { foldText } from "./text_features.ts";

const LEGAL_FORM = String
  .raw`(?:GmbH(?: & Co\.? KG(?:aA)?)?|gGmbH|AG|KGaA|KG|OHG|GbR|UG(?: \(haftungsbeschränkt\))?|e\.\s?V\.|e\.\s?K\.|Ltd\.?|Limited|LLC|L\.L\.C\.|LLP|PLC|plc|Inc\.?|Incorporated|Corp\.?|Corporation|SARL|S\.A\.R\.L\.|SAS|S\.A\.S\.|SASU|EURL|SNC|SCI|S\.A\.U\.|S\.A\.|SA|S\.L\.U\.|S\.L\.|SLU|SL|B\.V\.|BV|N\.V\.|NV|S\.p\.A\.|SpA|S\.r\.l\.|Srl|Oy|A/S|ASA|Pty\.? Ltd\.?)`;
/** Up to six name words (capitalised, or joiners like "&", "und", "de") and a legal form. */
const COMPANY = new RegExp(
  String
    .raw`(?<![\p{L}\d])((?:[\p{Lu}\d][\p{L}\d'’.&+-]*|&|and|und|et|y|de|du|des|der|la|le|del|van|von|of|the)(?:[ \u00a0](?:[\p{Lu}\d][\p{L}\d'’.&+-]*|&|and|und|et|y|de|du|des|der|la|le|del|van|von|of|the)){0,5},?[ \u00a0]${LEGAL_FORM})(?=$|[\s,;:)·|•/])`,
  "gu",
);
/** Institutions that have no legal form in their name (folded, whole words). */
const INSTITUTION =
  /\b(bank|banque|banco|sparkasse|volksbank|raiffeisenbank|versicherung|insurance|assurances?|seguros?|krankenkasse|mutuelle|finanzamt|internal revenue service|agencia tributaria|direction generale des finances publiques|stadtwerke|energie|utilities|electric|power|water|university|universitat|universite|universidad|hochschule|hospital|klinikum|hopital|ministry|ministerium|ministere|ministerio|department of|court|gericht|tribunal|juzgado|city of|stadt|gemeinde|landratsamt|mairie|prefecture|ayuntamiento|council|agency|institute|institut|instituto|school|schule|ecole|escuela)\b/;
/**
 * Lines that address the recipient, not the sender (folded). Short words ("to", "an")
 * only count as a label at the start of a line, or "Welcome to …" would be an address.
 */
const RECIPIENT =
  /\b(bill to|billed to|ship to|sold to|deliver to|invoice to|customer|client|recipient|kunde|rechnungsempfanger|empfanger|lieferanschrift|rechnungsanschrift|destinataire|adresse de livraison|facturer a|cliente|destinatario|facturar a)\b|^(an|to|a|para)\s*:/;
/** Lines that name the sender (folded); short words only as a label, as above. */
const SENDER =
  /\b(issued by|seller|vendor|supplier|payee|employer|insurer|absender|verkaufer|lieferant|arbeitgeber|versicherer|emetteur|vendeur|fournisseur|employeur|assureur|emisor|proveedor|vendedor|aseguradora)\b|^(from|von|de|expediteur|remitente)\s*:/;
/** Legal footer lines, where the sender's registered name is printed (folded). */
const LEGAL_FOOTER =
  /\b(hrb|hra|handelsregister|registergericht|amtsgericht|ust-?id|vat (no|reg)|registered (office|in)|company (no|number)|geschaftsfuhrer|geschaftsfuhrung|vorstand|siret|siren|rcs|capital|cif|nif|registro mercantil|kvk)\b/;

/**
 * A sender's name, cleaned: single spaces, no stray marks around it (footnote stars,
 * bullets, commas; a final "." stays for "Inc."), a name glued to itself by the text layer
 * ("ACME GmbHACME GmbH") once, at most 200 characters.
 */
function cleanName(name: string): string {
  const clean = name
    .replace(/\s+/g, " ")
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.)]+$/gu, "");
  return (/^(.{3,}?)\1$/u.exec(clean)?.[1] ?? clean).slice(0, 200);
}

/** Legal-form company names on a line. */
function companiesIn(line: string): string[] {
  const names: string[] = [];
  for (const match of line.matchAll(COMPANY)) {
    // Leading joiners ("and", "the") belong to the sentence, not the name.
    const name = cleanName(match[1].replace(/^(?:(?:&|and|und|et|y|of|the)\s+)+/i, ""));
    if (/\p{L}{2,}/u.test(name.replace(new RegExp(`${LEGAL_FORM}$`, "u"), ""))) names.push(name);
  }
  return names;
}

/**
 * The issuer of `text`: legal-form names scored by where they stand (letterhead lines
 * and legal footers count, addressee blocks count against) and how often they recur;
 * failing that, an institution named in the first lines. Null when nothing fits.
 */
export function findIssuer(text: string): string | null {
  const lines = text.split(/[\n\f\r]/).map((line) => line.trim()).filter((line) => line);
  const scores = new Map<string, number>();
  lines.forEach((line, i) => {
    const names = companiesIn(line);
    if (names.length === 0) return;
    const folded = foldText(line);
    const context = `${i > 0 ? foldText(lines[i - 1]) : ""} ${folded}`;
    let score = i < 12 ? 2 - i / 12 : 0;
    if (LEGAL_FOOTER.test(folded)) score += 2;
    if (SENDER.test(context)) score += 2;
    if (RECIPIENT.test(context)) score -= 3;
    for (const name of names) scores.set(name, (scores.get(name) ?? 0) + score + 1);
  });
  const best = [...scores].sort((a, b) => b[1] - a[1])[0];
  if (best && best[1] > 0) return best[0];
  for (const line of lines.slice(0, 12)) {
    if (
      looksLikeName(line) && INSTITUTION.test(foldText(line)) && !RECIPIENT.test(foldText(line))
    ) {
      return cleanName(line);
    }
  }
  return null;
}

const JOINERS = /^(and|und|et|y|of|the|de|du|des|der|die|la|le|del|for|fur|für|pour|para)$/i;

/**
 * Whether a line reads like a name rather than a sentence: short, no long numbers, no
 * e-mail or web address, and its words (joiners aside) mostly capitalised.
 */
function looksLikeName(line: string): boolean {
  const words = line.split(/\s+/).filter((word) => !JOINERS.test(word));
  if (words.length === 0 || words.length > 8) return false;
  // Numbers, addresses and "Label: value" lines are not names.
  if (/\d{3}|\d[.,]\d|@|https?:|www\.|:\s/.test(line)) return false;
  const capitalised = words.filter((word) => /^[\p{Lu}\d]/u.test(word)).length;
  return capitalised / words.length >= 0.6;
}

/**
 * The person a CV or a letter is from: its first line when that reads like a name (two to
 * four capitalised words, no digits).
 */
export function findPersonName(text: string): string | null {
  const first = text.split(/[\n\f\r]/).map((line) => line.trim()).find((line) => line);
  if (!first || NOT_A_NAME.test(foldText(first))) return null;
  return /^(\p{Lu}[\p{L}'’.-]+)(\s+\p{Lu}[\p{L}'’.-]+){1,3}$/u.test(first)
    ? cleanName(first)
    : null;
}

/** Headings that open CVs and letters in capitals but are no one's name (folded). */
const NOT_A_NAME =
  /\b(curriculum|vitae|resume|lebenslauf|cv|profile?|contact|kontakt|summary|experience|education|cover|letter|dear|sehr|madame|monsieur|estimad[oa]s?|subject|betreff|objet|asunto)\b/;
