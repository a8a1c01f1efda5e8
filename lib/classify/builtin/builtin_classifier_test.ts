import { assert, assertEquals, assertInstanceOf, assertRejects } from "../../shared/assert.ts";
import { AppError } from "../../shared/errors.ts";
import {
  type ClassificationInput,
  classificationResultSchema,
  type LabelledExample,
} from "../classifier_types.ts";
import { createBuiltinClassifier } from "./builtin_classifier.ts";
import { STANDARD_DOCUMENT_TYPES } from "./seeds/seed_knowledge.ts";

const NOW = new Date("2025-06-01T12:00:00Z");

function input(text: string, overrides: Partial<ClassificationInput> = {}): ClassificationInput {
  return {
    text,
    filename: "document.pdf",
    language: null,
    pageCount: 1,
    metadata: {},
    documentTypes: [...STANDARD_DOCUMENT_TYPES],
    categories: [],
    tags: [],
    userId: "user-1",
    ...overrides,
  };
}

function classifierWith(examples: LabelledExample[] = []) {
  let loads = 0;
  const classifier = createBuiltinClassifier({
    loadExamples: () => {
      loads++;
      return Promise.resolve(examples);
    },
    now: () => NOW,
  });
  return { classifier, loads: () => loads };
}

/** Documents written for this test (not taken from the seeds), one or two per language. */
const DOCUMENTS: [string, string][] = [
  [
    "invoice",
    "Invoice no. 88\nDate: 2 May 2024\nTo: Example Ltd\nWebsite redesign 1 x 2,400.00\nVAT 20% 480.00\nTotal due 2,880.00 GBP\nPlease pay within 30 days.",
  ],
  [
    "invoice",
    "Rechnung Nr. 2024-77\nRechnungsdatum 02.05.2024\nFür die Lieferung berechnen wir:\n3 Stück Druckerpatronen je 19,90 €\nNetto 59,70 €\nUSt 19 % 11,34 €\nRechnungsbetrag 71,04 €\nBitte überweisen Sie den Betrag innerhalb von 10 Tagen.",
  ],
  [
    "invoice",
    "Facture n° 552\nDate : 2 mai 2024\nPrestation de nettoyage des bureaux\nMontant HT 400,00 €\nTVA 20 % 80,00 €\nMontant TTC 480,00 €\nPaiement à 30 jours par virement.",
  ],
  [
    "payslip",
    "Nómina de abril de 2024\nTrabajador: categoría técnico\nSalario base 1.900,00\nPlus convenio 120,00\nTotal devengado 2.020,00\nCotización contingencias comunes 94,94\nRetención IRPF 242,40\nLíquido a percibir 1.682,66",
  ],
  [
    "payslip",
    "Bulletin de salaire — avril 2024\nSalaire de base 2 300,00\nCotisations salariales : maladie, vieillesse, chômage\nNet imposable 1 850,12\nNet à payer 1 795,40",
  ],
  [
    "bank_statement",
    "Kontoauszug April 2024\nKontostand am 31.03.2024 1.204,55 EUR\n02.04. Lastschrift Miete -850,00\n15.04. Gutschrift Lohn +2.310,00\nKontostand am 30.04.2024 2.664,55 EUR",
  ],
  [
    "contract",
    "CONTRATO DE ARRENDAMIENTO\nReunidos el arrendador y el arrendatario acuerdan las siguientes cláusulas:\nPrimera. El arrendador cede el uso de la vivienda.\nSegunda. La renta mensual será de 700 euros.\nTercera. La duración del contrato es de un año.\nFirmado por ambas partes.",
  ],
  [
    "meeting_minutes",
    "Compte rendu de la réunion d'équipe du 4 avril\nPrésents : six membres. Excusé : un membre.\nOrdre du jour : budget, planning, questions diverses.\nDécisions : le budget est adopté à l'unanimité.\nProchaine réunion le 2 mai. La séance est levée à 18 h.",
  ],
  [
    "manual",
    "Bedienungsanleitung Wasserkocher\nSicherheitshinweise: Gerät nicht in Wasser tauchen.\nInbetriebnahme: Füllen Sie Wasser bis zur MAX-Markierung ein und drücken Sie den Schalter.\nReinigung: Entkalken Sie das Gerät regelmäßig.\nTechnische Daten: 2200 W, 1,7 l",
  ],
  [
    "scientific_paper",
    "Abstract\nWe investigate the effect of sleep on memory consolidation in 120 students. Participants were randomly assigned to two groups. Results indicate a significant improvement (p < 0.01).\nKeywords: sleep, memory\n1. Introduction\nPrevious research (Miller et al., 2015) suggests…\nReferences",
  ],
  [
    "cv_resume",
    "Currículum vítae\nExperiencia profesional\n2018 – actualidad: enfermera en hospital universitario\nFormación académica: Grado en Enfermería\nIdiomas: español nativo, inglés B2\nHabilidades: trabajo en equipo, atención al paciente",
  ],
  [
    "court_document",
    "Landgericht\nAktenzeichen 3 O 112/23\nUrteil\nIn dem Rechtsstreit des Klägers gegen die Beklagte\nhat die Zivilkammer für Recht erkannt: Die Klage wird abgewiesen. Der Kläger trägt die Kosten des Rechtsstreits.\nTatbestand\nEntscheidungsgründe",
  ],
  [
    "insurance_policy",
    "Attestation et conditions particulières d'assurance automobile\nNuméro de contrat 778812\nAssuré : conducteur principal\nGaranties : responsabilité civile, vol, incendie, bris de glace\nFranchise : 300 €\nCotisation annuelle : 540 €",
  ],
  [
    "tax_document",
    "Form 1099-INT Interest Income\nPAYER'S name, RECIPIENT'S TIN\n1 Interest income 312.44\n4 Federal income tax withheld 0.00\nThis is important tax information and is being furnished to the Internal Revenue Service.",
  ],
  [
    "utility_bill",
    "Ihre Stromrechnung\nZählernummer 1ESY1234\nZählerstand alt 20.115, neu 21.402\nVerbrauch 1.287 kWh\nArbeitspreis 31,2 ct/kWh, Grundpreis 11,90 € pro Monat\nAbschlag ab Juni 85,00 €",
  ],
  [
    "financial_report",
    "Quarterly results\nRevenue for the second quarter rose 9% year over year to 812 million. Operating income was 96 million and diluted earnings per share were 0.42.\nBalance sheet: total assets 5.1 billion, shareholders' equity 2.2 billion.\nOutlook for the full fiscal year is unchanged.",
  ],
  [
    "form",
    "Solicitud de inscripción\nNombre y apellidos:\nDNI:\nFecha de nacimiento:\nDomicilio y código postal:\nMarque con una X: ☐ mañana ☐ tarde\nFirma del solicitante",
  ],
  [
    "letter",
    "Dear Mr. Brown,\nThank you for your letter of 3 April. I am pleased to confirm our meeting next week.\nPlease let me know if the time suits you.\nKind regards,\nAnna",
  ],
  [
    "receipt",
    "CAFÉ CENTRAL\nTicket n° 4481 — Caisse 2\n1 Cappuccino 3,80\n1 Croissant 1,40\nTOTAL 5,20 EUR\nCB sans contact\nMerci et à bientôt !",
  ],
];

Deno.test("classify - recognises the standard types in English, German, French and Spanish", async (t) => {
  const { classifier } = classifierWith();
  for (const [type, text] of DOCUMENTS) {
    await t.step(`${type}: ${text.split("\n")[0]}`, async () => {
      const result = await classifier.classify(input(text));
      assertEquals(result.document_type, type);
      assert(result.confidence > 0.5, `confidence ${result.confidence}`);
    });
  }
});

Deno.test("classify - empty or blank text gives a low-confidence other, never a throw", async () => {
  const { classifier } = classifierWith();
  for (const text of ["", "   \n\f  ", "12 34 56\n7.8"]) {
    const result = await classifier.classify(input(text));
    assertEquals(result.document_type, "other");
    assert(result.confidence < 0.15, `confidence ${result.confidence} for ${JSON.stringify(text)}`);
    assertEquals([result.title, result.summary, result.amount], [null, null, null]);
  }
});

Deno.test("classify - every answer passes the result schema", async () => {
  const { classifier } = classifierWith();
  const odd = [
    input("x".repeat(300_000)),
    input("Invoice\n".repeat(20_000)),
    input("\u0000\u0001 garbage ÿþ 🚀🚀🚀 \uFFFD"),
    input("Total 999999999999999.99 EUR\nDate: 31.02.2024"),
    input("Hello", { metadata: { title: "T".repeat(1_000), author: "A", subject: "S" } }),
    input("Hello", { filename: `${"Rechnung_".repeat(60)}.pdf` }),
    ...DOCUMENTS.map(([, text]) => input(text)),
  ];
  for (const document of odd) {
    const result = await classifier.classify(document);
    assertEquals(classificationResultSchema.parse(result), result);
  }
});

Deno.test("classify - answers only with the allowed types", async () => {
  const { classifier } = classifierWith();
  const contract = DOCUMENTS.find(([type]) => type === "contract")![1];
  const only = [{ slug: "invoice", label: "Invoice" }, { slug: "receipt", label: "Receipt" }];
  const narrowed = await classifier.classify(input(contract, { documentTypes: only }));
  assert(["invoice", "receipt"].includes(narrowed.document_type), narrowed.document_type);
  // Nothing to go by and no "other" to fall back on: the first allowed type, at chance.
  const empty = await classifier.classify(input("", { documentTypes: only }));
  assertEquals([empty.document_type, empty.confidence], ["invoice", 0.5]);
  const custom = await classifier.classify(
    input(contract, { documentTypes: [{ slug: "custom", label: "Custom" }] }),
  );
  assertEquals(custom.document_type, "custom");
});

Deno.test("classify - rejects an empty list of types with a readable error", async () => {
  const { classifier } = classifierWith();
  const error = await assertRejects(() => classifier.classify(input("x", { documentTypes: [] })));
  assertInstanceOf(error, AppError);
  assertEquals(error.code, "classify.no_document_types");
});

Deno.test("classify - stops when the signal is aborted", async () => {
  const { classifier } = classifierWith();
  const controller = new AbortController();
  controller.abort(new Error("stopped"));
  const error = await assertRejects(() =>
    classifier.classify(input("Invoice"), { signal: controller.signal })
  );
  assertEquals((error as Error).message, "stopped");
});

Deno.test("classify - a typical document takes well under 50 ms", async () => {
  const { classifier } = classifierWith();
  const page = DOCUMENTS.map(([, text]) => text).join("\n");
  const document = input(`${page}\f${page}\f${page}`);
  await classifier.classify(document);
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    const started = performance.now();
    await classifier.classify(document);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  assert(times[5] < 50, `median ${times[5].toFixed(1)} ms`);
});
