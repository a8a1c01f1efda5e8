import { assert, assertEquals, assertInstanceOf, assertRejects } from "../../shared/assert.ts";
import { AppError } from "../../shared/errors.ts";
import type { ClassificationInput, LabelledExample } from "../classifier_types.ts";
import { createBuiltinClassifier } from "./builtin_classifier.ts";
import { STANDARD_DOCUMENT_TYPES } from "./seeds/seed_knowledge.ts";

function payslip(month: string, net: string): string {
  return `ACME Industries GmbH · Werkstraße 4 · 70173 Stuttgart
Entgeltabrechnung ${month} 2024
Personalnummer 4471   Steuerklasse 1   Abteilung Fertigung
Tarifgehalt 3.400,00   Schichtzulage 180,00
Gesamt-Brutto 3.580,00
Lohnsteuer 402,16   Kirchensteuer 32,17   Krankenversicherung 290,88   Rentenversicherung 332,94
Auszahlungsbetrag ${net} €
Überweisung auf IBAN DE44 5001 0517 0000 1234 56`;
}

const ELECTRICITY =
  "Stadtwerke Musterstadt\nIhre Stromrechnung\nZählerstand alt 1.200, neu 1.650\nVerbrauch 450 kWh\nAbschlag 60,00 €";

const EXAMPLES: LabelledExample[] = [
  ...["Januar", "Februar", "März"].map((month, i) => ({
    documentId: `payslip-${i}`,
    text: payslip(month, `2.4${i}1,85`),
    language: "de",
    documentType: "payslip",
    categories: ["Work / Salary"],
    tags: ["acme"],
  })),
  {
    documentId: "power-1",
    text: ELECTRICITY,
    language: "de",
    documentType: "utility_bill",
    categories: ["Home / Bills"],
    tags: ["electricity"],
  },
];

function input(text: string, overrides: Partial<ClassificationInput> = {}): ClassificationInput {
  return {
    text,
    filename: "upload.pdf",
    language: "de",
    pageCount: 1,
    metadata: {},
    documentTypes: [...STANDARD_DOCUMENT_TYPES],
    categories: ["Work / Salary", "Home / Bills", "Finance / Taxes"],
    tags: ["acme", "electricity", "2024"],
    userId: "user-1",
    ...overrides,
  };
}

function counting(load: (userId: string) => Promise<LabelledExample[]>) {
  let loads = 0;
  const classifier = createBuiltinClassifier({
    loadExamples: (userId) => {
      loads++;
      return load(userId);
    },
  });
  return { classifier, loads: () => loads };
}

Deno.test("learning - a document like the user's payslips gets their type, category and tag", async () => {
  const { classifier } = counting(() => Promise.resolve(EXAMPLES));
  const result = await classifier.classify(input(payslip("April", "2.397,10")));
  assertEquals(result.document_type, "payslip");
  assertEquals(result.categories, [{ path: "Work / Salary", is_new: false }]);
  assertEquals(result.tags, [{ name: "acme", is_new: false }]);
  assertEquals(result.issuer, "ACME Industries GmbH");
  assertEquals(result.amount, { value: 2397.1, currency: "EUR" });
});

Deno.test("learning - an unlike document gets no labels from unrelated examples", async () => {
  const { classifier } = counting(() => Promise.resolve(EXAMPLES));
  const result = await classifier.classify(
    input(
      "Rezept: Apfelkuchen\nZutaten: Äpfel, Mehl, Zucker, Butter\nBacken Sie den Kuchen 45 Minuten.",
    ),
  );
  assertEquals([result.categories, result.tags], [[], []]);
});

Deno.test("learning - only labels the user still has are suggested, in their spelling", async () => {
  const { classifier } = counting(() => Promise.resolve(EXAMPLES));
  const gone = await classifier.classify(
    input(payslip("April", "2.397,10"), { categories: ["Finance / Taxes"], tags: ["ACME"] }),
  );
  assertEquals(gone.categories, []);
  assertEquals(gone.tags, [{ name: "ACME", is_new: false }]);
});

Deno.test("learning - three confirmations outweigh the seed knowledge", async () => {
  // This user files their café receipts as invoices; the seeds would say "receipt".
  const receipt = (n: number) =>
    `Café Kranz\nBeleg ${n}\n1 Cappuccino 3,40\n1 Kuchen 3,90\nSumme 7,30 EUR\nBar\nVielen Dank für Ihren Besuch!`;
  const { classifier: fresh } = counting(() => Promise.resolve([]));
  assertEquals((await fresh.classify(input(receipt(4)))).document_type, "receipt");
  const { classifier } = counting(() =>
    Promise.resolve([1, 2, 3].map((n) => ({
      documentId: `r${n}`,
      text: receipt(n),
      language: "de",
      documentType: "invoice",
      categories: [],
      tags: [],
    })))
  );
  assertEquals((await classifier.classify(input(receipt(4)))).document_type, "invoice");
});

Deno.test("learning - models are cached per user and shared by concurrent documents", async () => {
  const { classifier, loads } = counting(() => Promise.resolve(EXAMPLES));
  await Promise.all([
    classifier.classify(input("a")),
    classifier.classify(input("b")),
    classifier.classify(input("c")),
  ]);
  assertEquals(loads(), 1);
  await classifier.classify(input("d", { userId: "user-2" }));
  assertEquals(loads(), 2);
});

Deno.test("forget - the next classification reloads the user's examples", async () => {
  let examples: LabelledExample[] = [];
  const { classifier, loads } = counting(() => Promise.resolve(examples));
  const before = await classifier.classify(input(payslip("April", "2.397,10")));
  assertEquals(before.categories, []);
  examples = EXAMPLES;
  classifier.forget("user-1");
  classifier.forget("someone-unknown");
  const after = await classifier.classify(input(payslip("April", "2.397,10")));
  assertEquals(after.categories, [{ path: "Work / Salary", is_new: false }]);
  assertEquals(loads(), 2);
});

Deno.test("forget - a model still loading when forgotten is not kept", async () => {
  let release!: (examples: LabelledExample[]) => void;
  const { classifier, loads } = counting(() => new Promise((resolve) => release = resolve));
  const first = classifier.classify(input("x"));
  classifier.forget("user-1");
  release([]);
  await first;
  const second = classifier.classify(input("x"));
  release(EXAMPLES);
  await second;
  assertEquals(loads(), 2);
});

Deno.test("learning - a failed load is a readable error, and the next document retries", async () => {
  let fail = true;
  const { classifier, loads } = counting(() =>
    fail ? Promise.reject(new Error("database down")) : Promise.resolve(EXAMPLES)
  );
  const error = await assertRejects(() => classifier.classify(input("x")));
  assertInstanceOf(error, AppError);
  assertEquals([error.code, error.status], ["classify.examples_unavailable", 503]);
  fail = false;
  const result = await classifier.classify(input(payslip("April", "2.397,10")));
  assert(result.tags.length === 1);
  assertEquals(loads(), 2);
});
