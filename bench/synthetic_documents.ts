/**
 * Synthetic business documents for the search benchmark: deterministic (seeded), in
 * English, German, French and Spanish, 1–5 pages of multi-paragraph text with a realistic
 * word distribution (a few hundred common business words, a long Zipf tail of rarer
 * ones), and known frequencies for the words the benchmark queries:
 *
 * - "invoice" (and its translations): in every invoice and ~8% of the rest (~15% overall);
 * - the phrase "payment terms": ~6% of English documents;
 * - "zephyrine": ~0.05% of documents (the rare word);
 * - "insurance": in insurance policies and ~3% of the rest.
 */
import type { SeedDocument } from "../lib/documents/documents_testing.ts";

/** Mulberry32: small, fast, good enough for test data. */
export function createRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON: Record<string, string[]> = {
  en: ("the of and to in for is on that by this with you it not or be are from at as your all " +
    "have new more an was we will can us about if page has our one other do no time they " +
    "account amount balance bank billing charge company contract customer date delivery " +
    "department description details document due employee fee insurance interest " +
    "item period total tax payment policy price quantity reference report service statement " +
    "subtotal summary terms transfer value address agreement annual approval budget claim " +
    "client cost coverage credit debit deposit discount duration effective energy expense " +
    "fiscal gross income liability monthly net notice number office order premium purchase " +
    "quarter receipt refund renewal rent salary schedule signature supplier transaction " +
    "utility vendor warranty year please find attached regarding sincerely kind regards").split(
      " ",
    ),
  de: ("der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch " +
    "es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über " +
    "Rechnung Betrag Konto Kunde Vertrag Datum Zahlung Steuer Versicherung Summe Gesamt " +
    "Leistung Zeitraum Lieferung Abrechnung Bank Beitrag Kündigung Laufzeit Mehrwertsteuer " +
    "Netto Brutto Gebühr Frist Mahnung Überweisung Gutschrift Vermieter Miete Nebenkosten " +
    "Strom Gas Wasser Verbrauch Zählerstand Tarif Angebot Auftrag Bestellung Lieferschein " +
    "Gehalt Lohn Arbeitgeber Finanzamt Bescheid Erstattung Police Schaden Versicherungsnehmer " +
    "Beitragsrechnung Kontoauszug Saldo Zinsen Vertragsnummer Kundennummer Rechnungsnummer " +
    "bitte überweisen Sie freundlichen Grüßen Anlage beigefügt hiermit bestätigen").split(" "),
  fr: ("le de la et les des en un une du dans est que pour qui pas sur au par plus ne se avec " +
    "il ce sont nous vous elle ou mais comme tout leur bien été facture montant compte client " +
    "contrat date paiement impôt assurance total période livraison relevé banque cotisation " +
    "résiliation durée taxe frais échéance virement avoir loyer charges électricité gaz eau " +
    "consommation tarif devis commande bon salaire employeur avis remboursement police " +
    "sinistre assuré solde intérêts numéro référence veuillez trouver ci-joint cordialement " +
    "salutations distinguées objet madame monsieur conditions générales prélèvement").split(" "),
  es: ("el de la y en los del las un por con no una su para es al lo como más o pero sus le " +
    "ha me si sin sobre este ya entre cuando todo esta ser son dos también factura importe " +
    "cuenta cliente contrato fecha pago impuesto seguro total periodo entrega extracto banco " +
    "cuota rescisión duración tasa gastos vencimiento transferencia abono alquiler " +
    "electricidad gas agua consumo tarifa presupuesto pedido albarán salario empresa " +
    "devolución póliza siniestro asegurado saldo intereses número referencia adjunto " +
    "atentamente saludos estimado señor condiciones generales domiciliación").split(" "),
};

const INVOICE_WORD: Record<string, string> = {
  en: "invoice",
  de: "Rechnungen",
  fr: "facture",
  es: "factura",
};

const TYPES = [
  "invoice",
  "receipt",
  "bank_statement",
  "contract",
  "payslip",
  "tax_document",
  "insurance_policy",
  "utility_bill",
  "letter",
  "form",
  "manual",
  "financial_report",
  "meeting_minutes",
  "other",
];

const ISSUERS = [
  "ACME Corporation",
  "Stadtwerke München",
  "Deutsche Telekom",
  "Allianz Versicherung",
  "Banco Santander",
  "EDF Energie",
  "Vodafone",
  "Finanzamt Köln",
  "Hausverwaltung Müller",
  "Iberdrola",
  "Crédit Agricole",
  "Globex Ltd",
  "Initech GmbH",
  "Umbrella Insurance",
];

const SYLLABLES = "ka lo mi ne su ra te vi do pa ri fo ge lu ba ze ko ta mu si ve no li da re"
  .split(" ");

/** A long tail of rarer words (made of syllables, so they tokenize like words). */
function tailWords(rng: () => number, count: number): string[] {
  const words = new Set<string>();
  while (words.size < count) {
    const n = 2 + Math.floor(rng() * 3);
    let word = "";
    for (let i = 0; i < n; i++) word += SYLLABLES[Math.floor(rng() * SYLLABLES.length)];
    words.add(word);
  }
  return [...words];
}

/** Zipf-ish pick: index ~ floor(n * u^2.2) favours the head of the list. */
function pick<T>(rng: () => number, list: T[], skew = 2.2): T {
  return list[Math.floor(list.length * Math.pow(rng(), skew))];
}

export interface SyntheticOptions {
  userId: string;
  categoryIds: string[];
  tagIds: string[];
  seed?: number;
}

/** A generator of `SeedDocument`s; call it once per document. */
export function syntheticDocuments(options: SyntheticOptions): (index: number) => SeedDocument {
  const rng = createRng(options.seed ?? 42);
  const tail = tailWords(rng, 20_000);
  const languages = ["en", "en", "en", "de", "de", "fr", "es"];
  const start = Date.UTC(2019, 0, 1);
  const span = Date.UTC(2026, 0, 1) - start;

  return (index) => {
    const language = languages[Math.floor(rng() * languages.length)];
    const type = TYPES[Math.floor(rng() * TYPES.length)];
    const common = COMMON[language];
    const pages = 1 + Math.floor(rng() * 5);
    const mentionsInvoice = type === "invoice" || rng() < 0.08;
    const paymentTerms = language === "en" && rng() < 0.06;
    const rare = rng() < 0.0005;
    const insurance = type === "insurance_policy" || rng() < 0.03;
    const pageTexts: string[] = [];
    for (let p = 0; p < pages; p++) {
      const paragraphs: string[] = [];
      const count = 3 + Math.floor(rng() * 4);
      for (let q = 0; q < count; q++) {
        const words: string[] = [];
        const length = 30 + Math.floor(rng() * 50);
        for (let w = 0; w < length; w++) {
          words.push(rng() < 0.82 ? pick(rng, common) : pick(rng, tail, 1.6));
        }
        if (rng() < 0.3) words.push(String(Math.floor(rng() * 100_000)));
        paragraphs.push(words.join(" ") + ".");
      }
      if (p === 0 && mentionsInvoice) paragraphs.unshift(`${INVOICE_WORD[language]} ${index}`);
      if (p === 0 && paymentTerms) paragraphs.push("Payment terms: 30 days net.");
      if (p === pages - 1 && rare) paragraphs.push("Reference zephyrine batch.");
      if (insurance) {
        paragraphs.push(language === "en" ? "insurance premium" : "Versicherung insurance");
      }
      pageTexts.push(paragraphs.join("\n\n"));
    }
    const issuer = ISSUERS[Math.floor(rng() * ISSUERS.length)];
    const date = new Date(start + Math.floor(rng() * span));
    const categoryIds = rng() < 0.8 ? [pick(rng, options.categoryIds, 1.5)] : [];
    const tagIds = rng() < 0.6
      ? [...new Set([pick(rng, options.tagIds, 1.8), pick(rng, options.tagIds, 1.8)])]
      : [];
    const title = `${type.replace(/_/g, " ")} ${issuer} ${date.toISOString().slice(0, 7)}`;
    return {
      userId: options.userId,
      title,
      filename: `${type}_${index}.pdf`,
      text: pageTexts.join("\f"),
      language,
      documentType: type,
      documentDate: rng() < 0.9 ? date.toISOString().slice(0, 10) : null,
      issuer,
      sizeBytes: 20_000 + Math.floor(rng() * 2_000_000),
      createdAt: new Date(start + (index / 200_000) * span),
      categoryIds,
      tagIds,
    };
  };
}
