import { assertEquals } from "../../shared/assert.ts";
import { findTotalAmount, type Money, parseNumber } from "./extract_amount.ts";
import { findDates, findDocumentDate, prefersMonthFirst, toIsoDate } from "./extract_dates.ts";
import { findIssuer, findPersonName } from "./extract_issuer.ts";
import { buildSummary, buildTitle, meaningfulMetadataTitle } from "./extract_title.ts";
import { extractFields } from "./field_extraction.ts";

const NOW = new Date("2025-06-01T12:00:00Z");

const EN_INVOICE = `Northwind Traders Ltd
12 High Street, Bristol BS1 4DJ
INVOICE
Invoice number: 2024-0153
Invoice date: 15/03/2024
Due date: 14/04/2024
Bill to:
Contoso Consulting Ltd
Description Qty Unit price Amount
Design work 10 95.00 950.00
Subtotal 950.00
VAT 20% 190.00
Total due £1,140.00
Northwind Traders Ltd · Registered in England and Wales · Company No. 01234567`;

const DE_INVOICE = `Beispiel Software GmbH · Lindenstraße 5 · 10115 Berlin
Herrn Max Mustermann
Gartenweg 3
80331 München
Rechnung
Rechnungsnummer: RE-4711
Rechnungsdatum: 07.05.2024
Leistungszeitraum: 01.04.2024 – 30.04.2024
Pos. Bezeichnung Menge Einzelpreis Gesamt
1 Wartung 4 120,00 € 480,00 €
Nettobetrag 480,00 €
zzgl. 19 % MwSt. 91,20 €
Gesamtbetrag 571,20 €
Zahlbar bis 21.05.2024 ohne Abzug.
Geschäftsführer: Erika Beispiel · Amtsgericht Charlottenburg HRB 123456 · USt-IdNr. DE123456789`;

const FR_INVOICE = `Atelier Lumière SARL
8 rue des Lilas, 69003 Lyon
FACTURE N° F-2024-031
Date de facture : 15 mars 2024
Client : Madame Claire Martin
Désignation Quantité Prix unitaire HT Total HT
Lampe de bureau 2 45,00 90,00
Total HT 1 140,00 €
TVA 20 % 228,00 €
Total TTC 1 368,00 €
Date d'échéance : 14 avril 2024
SIRET 123 456 789 00012 · RCS Lyon`;

const ES_INVOICE = `Soluciones Ibéricas S.L.
Calle Mayor 10, 28013 Madrid · CIF B12345678
FACTURA
Número de factura: 2024/118
Fecha de emisión: 15 de marzo de 2024
Cliente: Construcciones del Norte S.A.
Concepto Cantidad Precio Importe
Consultoría 10 120,00 1.200,00
Base imponible 1.200,00 €
IVA 21 % 252,00 €
Total a pagar 1.452,00 €
Vencimiento: 14/04/2024`;

const US_RECEIPT = `FRESH MART
Store #0452 Register 3
03/15/2024 14:32
MILK 3.49
BREAD 2.99
SUBTOTAL 6.48
TAX 0.52
TOTAL $7.00
VISA ****1234
THANK YOU FOR SHOPPING WITH US`;

const DE_LETTER = `Erika Beispiel
Gartenweg 3, 80331 München
Stadtwerke Musterstadt
Kundenservice
Musterstadt, den 7. Mai 2014
Betreff: Kündigung meines Stromvertrags
Sehr geehrte Damen und Herren,
hiermit kündige ich meinen Stromvertrag zum nächstmöglichen Zeitpunkt. Bitte bestätigen Sie mir die Kündigung schriftlich.
Mit freundlichen Grüßen
Erika Beispiel`;

const PAPER = `Learning Sparse Representations for Document Routing
Jane Roe and John Poe
Department of Computer Science, Example University
Abstract
We study how to route scanned documents to the right department with little labelled data. Our method combines sparse features with a simple probabilistic model. Experiments on three datasets show consistent gains.
1 Introduction
Document routing is an old problem.`;

Deno.test("parseNumber - reads decimal points, decimal commas and thousands groups", async (t) => {
  const table: [string, number][] = [
    ["1,234.56", 1234.56],
    ["1.234,56", 1234.56],
    ["1 234,56", 1234.56],
    ["1'234.50", 1234.5],
    ["12,5", 12.5],
    ["12.50", 12.5],
    ["1.234", 1234],
    ["1,234", 1234],
    ["1.234.567", 1234567],
    ["99", 99],
  ];
  for (const [raw, value] of table) {
    await t.step(raw, () => assertEquals(parseNumber(raw), value));
  }
});

Deno.test("findTotalAmount - finds the labelled total in four languages", async (t) => {
  const table: [string, string, Money | null][] = [
    ["English invoice, amount due in pounds", EN_INVOICE, { value: 1140, currency: "GBP" }],
    ["German Gesamtbetrag, not the net amount", DE_INVOICE, { value: 571.2, currency: "EUR" }],
    ["French Total TTC, not Total HT", FR_INVOICE, { value: 1368, currency: "EUR" }],
    ["Spanish Total a pagar", ES_INVOICE, { value: 1452, currency: "EUR" }],
    ["US receipt TOTAL with a dollar sign", US_RECEIPT, { value: 7, currency: "USD" }],
    ["a figure on the line after its label", "Amount Due\n$4,200.00", {
      value: 4200,
      currency: "USD",
    }],
    ["currency code after the figure", "Grand total 1,368.00 CHF", {
      value: 1368,
      currency: "CHF",
    }],
    ["Net à payer on a payslip", "Salaire brut 3 475,00\nNet à payer 2 702,75 €", {
      value: 2702.75,
      currency: "EUR",
    }],
    ["no currency anywhere", "Total 12.50", { value: 12.5, currency: null }],
    ["no labelled total", "Meeting at 10.30 in room 4.", null],
    ["a bare year is no amount", "Total 2024", null],
  ];
  for (const [why, text, expected] of table) {
    await t.step(why, () => assertEquals(findTotalAmount(text), expected));
  }
});

Deno.test("toIsoDate - rejects impossible days and years out of range", () => {
  assertEquals(toIsoDate(2024, 2, 29, NOW), "2024-02-29");
  assertEquals(toIsoDate(2023, 2, 29, NOW), null);
  assertEquals(toIsoDate(1899, 12, 31, NOW), null);
  assertEquals(toIsoDate(2026, 5, 31, NOW), "2026-05-31");
  assertEquals(toIsoDate(2026, 6, 2, NOW), null);
});

Deno.test("findDates - reads the written forms of four languages", async (t) => {
  const table: [string, string][] = [
    ["2024-03-15", "2024-03-15"],
    ["15.03.2024", "2024-03-15"],
    ["15.03.24", "2024-03-15"],
    ["15/03/2024", "2024-03-15"],
    ["15 March 2024", "2024-03-15"],
    ["March 15, 2024", "2024-03-15"],
    ["15th of March, 2024", "2024-03-15"],
    ["Mar. 15 2024", "2024-03-15"],
    ["7. Mai 2014", "2014-05-07"],
    ["3. März 2024", "2024-03-03"],
    ["15 mars 2024", "2024-03-15"],
    ["1er août 2023", "2023-08-01"],
    ["15 de marzo de 2024", "2024-03-15"],
    ["1 de septiembre del 2022", "2022-09-01"],
  ];
  for (const [written, iso] of table) {
    await t.step(written, () => {
      assertEquals(findDates(`Date: ${written}`, { now: NOW }).map((d) => d.iso), [iso]);
    });
  }
});

Deno.test("findDates - a/b/yyyy is month first only when the document says so", () => {
  assertEquals(prefersMonthFirst("Paid 03/15/2024", "en"), true);
  assertEquals(prefersMonthFirst("Payé le 15/03/2024", "fr"), false);
  assertEquals(prefersMonthFirst("Total $7.00 on 03/04/2024", "en"), true);
  assertEquals(prefersMonthFirst("Total 7,00 € le 03/04/2024", "fr"), false);
  assertEquals(findDates("03/04/2024", { now: NOW, monthFirst: true })[0].iso, "2024-03-04");
  assertEquals(findDates("03/04/2024", { now: NOW, monthFirst: false })[0].iso, "2024-04-03");
});

Deno.test("findDocumentDate - prefers the issue date to due, birth and period dates", async (t) => {
  const table: [string, string, string | null][] = [
    ["English invoice date, not the due date", EN_INVOICE, "2024-03-15"],
    ["German Rechnungsdatum, not the service period", DE_INVOICE, "2024-05-07"],
    ["French date de facture, not the échéance", FR_INVOICE, "2024-03-15"],
    ["Spanish fecha de emisión, not the vencimiento", ES_INVOICE, "2024-03-15"],
    ["US receipt date", US_RECEIPT, "2024-03-15"],
    ["German letter: place, den date", DE_LETTER, "2014-05-07"],
    [
      "born date loses to a plain one",
      "Date of birth: 01.02.1980\nDate: 05.06.2024",
      "2024-06-05",
    ],
    ["a far future date is not a document date", "Valid: 01.01.2099", null],
    ["no date at all", "Nothing here", null],
  ];
  for (const [why, text, iso] of table) {
    await t.step(why, () => {
      const monthFirst = prefersMonthFirst(text, null);
      assertEquals(findDocumentDate(text, { now: NOW, monthFirst }), iso);
    });
  }
});

Deno.test("findIssuer - finds the sender, not the customer", async (t) => {
  const table: [string, string, string | null][] = [
    ["letterhead and footer Ltd", EN_INVOICE, "Northwind Traders Ltd"],
    ["GmbH in the letterhead line", DE_INVOICE, "Beispiel Software GmbH"],
    ["SARL", FR_INVOICE, "Atelier Lumière SARL"],
    ["S.L., with an S.A. customer", ES_INVOICE, "Soluciones Ibéricas S.L."],
    [
      "an institution without legal form",
      "Finanzamt Musterstadt\nSteuernummer 12/345/67890",
      "Finanzamt Musterstadt",
    ],
    ["Inc. after a sender label", "From: Acme Widgets, Inc.\nTo: Jane Roe", "Acme Widgets, Inc."],
    ["B.V.", "Voorbeeld Logistiek B.V.\nFactuur", "Voorbeeld Logistiek B.V."],
    ["nothing organisational", "Dear Jane, thanks for the lovely dinner.", null],
  ];
  for (const [why, text, issuer] of table) {
    await t.step(why, () => assertEquals(findIssuer(text), issuer));
  }
});

Deno.test("findPersonName - a first line that is a name, not a heading", () => {
  assertEquals(findPersonName("Jane Roe\nSoftware Engineer"), "Jane Roe");
  assertEquals(findPersonName("JANE ROE\nEngineer"), "JANE ROE");
  assertEquals(findPersonName("CURRICULUM VITAE\nJane Roe"), null);
  assertEquals(findPersonName("Invoice 2024-01\nJane Roe"), null);
});

Deno.test("meaningfulMetadataTitle - keeps titles, drops file names and tool defaults", () => {
  assertEquals(meaningfulMetadataTitle("Annual Report 2023"), "Annual Report 2023");
  assertEquals(meaningfulMetadataTitle("Microsoft Word - Mietvertrag.docx"), "Mietvertrag");
  assertEquals(meaningfulMetadataTitle("Untitled"), null);
  assertEquals(meaningfulMetadataTitle("scan_20240315_0001.pdf"), null);
  assertEquals(meaningfulMetadataTitle("   "), null);
  assertEquals(meaningfulMetadataTitle(undefined), null);
});

function titleFacts(text: string, type: string, typeLabel: string) {
  return {
    text,
    filename: "document.pdf",
    type,
    typeLabel,
    issuer: null,
    date: null,
    person: null,
    amount: null,
  };
}

Deno.test("buildTitle - metadata, composed, subject line or heading, as the type suits", () => {
  assertEquals(
    buildTitle({
      ...titleFacts(EN_INVOICE, "invoice", "Invoice"),
      issuer: "Northwind Traders Ltd",
      date: "2024-03-15",
    }),
    "Invoice · Northwind Traders Ltd · 2024-03-15",
  );
  assertEquals(
    buildTitle({
      ...titleFacts(EN_INVOICE, "invoice", "Invoice"),
      metadataTitle: "Invoice 2024-0153",
    }),
    "Invoice 2024-0153",
  );
  assertEquals(
    buildTitle(titleFacts(DE_LETTER, "letter", "Letter")),
    "Kündigung meines Stromvertrags",
  );
  assertEquals(
    buildTitle(titleFacts(PAPER, "scientific_paper", "Scientific paper")),
    "Learning Sparse Representations for Document Routing",
  );
  assertEquals(
    buildTitle(titleFacts("SERVICES AGREEMENT\nThis Agreement is made …", "contract", "Contract")),
    "Services Agreement",
  );
  assertEquals(
    buildTitle({ ...titleFacts("", "other", "Other"), filename: "Rechnung_Stadtwerke_März.pdf" }),
    "Rechnung Stadtwerke März",
  );
  assertEquals(buildTitle(titleFacts("", "other", "Other")), null);
});

Deno.test("buildSummary - an abstract, prose, or a digest of the facts", () => {
  assertEquals(
    buildSummary({ ...titleFacts(PAPER, "scientific_paper", "Scientific paper"), amount: null }),
    "We study how to route scanned documents to the right department with little labelled data. Our method combines sparse features with a simple probabilistic model.",
  );
  assertEquals(
    buildSummary({
      ...titleFacts(EN_INVOICE, "invoice", "Invoice"),
      issuer: "Northwind Traders Ltd",
      date: "2024-03-15",
      amount: { value: 1140, currency: "GBP" },
    }),
    "Invoice from Northwind Traders Ltd, dated 2024-03-15, amount 1,140.00 GBP.",
  );
  assertEquals(buildSummary({ ...titleFacts("Total 12", "other", "Other"), amount: null }), null);
});

Deno.test("extractFields - every field of a German invoice", () => {
  assertEquals(
    extractFields({
      text: DE_INVOICE,
      filename: "scan.pdf",
      language: "de",
      metadata: {},
      type: "invoice",
      typeLabel: "Invoice",
      now: NOW,
    }),
    {
      title: "Invoice · Beispiel Software GmbH · 2024-05-07",
      summary: "Invoice from Beispiel Software GmbH, dated 2024-05-07, amount 571.20 EUR.",
      document_date: "2024-05-07",
      issuer: "Beispiel Software GmbH",
      amount: { value: 571.2, currency: "EUR" },
    },
  );
});

Deno.test("extractFields - a CV is issued by its person and has no amount", () => {
  const fields = extractFields({
    text: "Jane Roe\nSoftware Engineer at Example Corp\nExperience\nTotal 5 years",
    filename: "cv.pdf",
    language: "en",
    metadata: {},
    type: "cv_resume",
    typeLabel: "CV",
    now: NOW,
  });
  assertEquals([fields.issuer, fields.title, fields.amount], ["Jane Roe", "CV · Jane Roe", null]);
});
