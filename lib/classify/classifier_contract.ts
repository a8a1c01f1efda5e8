/**
 * The classifier contract: what every `Classifier` must do, whatever it is made of — the rules
 * the pipeline relies on when it saves a result. Each implementation's test runs it (see
 * `classifier_contract_test.ts`); quality is measured elsewhere, on the corpus.
 */
import { SEEDED_DOCUMENT_TYPES } from "../../migrations/0004_documents.ts";
import { assert, assertEquals, assertRejects } from "../shared/assert.ts";
import {
  type ClassificationInput,
  type ClassificationResult,
  classificationResultSchema,
  type Classifier,
} from "./classifier_types.ts";

export interface ClassifierContractOptions {
  /** How soon a call with an aborted signal must reject; default 1000 ms. */
  abortWithinMs?: number;
}

/** The document types SPEC §3 seeds, as the pipeline passes them. */
export const STANDARD_DOCUMENT_TYPES: ClassificationInput["documentTypes"] = SEEDED_DOCUMENT_TYPES
  .map(([slug, label]) => ({ slug, label }));

const INVOICE_TEXT = `ACME Energy Ltd
12 High Street, Manchester M1 1AA
INVOICE No. 2024-0315
Invoice date: 15 March 2024
Bill to: Jane Doe, 4 Elm Road, Leeds

Electricity supply 01/02/2024 – 29/02/2024    312 kWh    £ 96.40
Standing charge                                          £ 14.20
VAT 5%                                                   £  5.53
Total due                                                £116.13

Please pay by 14 April 2024. Thank you for your custom.`;

const PAYSLIP_TEXT = `Muster GmbH · Personalabteilung
Entgeltabrechnung für März 2024
Mitarbeiter: Max Mustermann   Personalnummer 4711
Gehalt 4.200,00 EUR
Lohnsteuer 612,33 EUR  Solidaritätszuschlag 0,00 EUR  Kirchensteuer 48,99 EUR
Krankenversicherung 342,30 EUR  Rentenversicherung 390,60 EUR
Auszahlungsbetrag 2.694,26 EUR`;

/** A realistic input; tests override what they vary. */
export function sampleClassificationInput(
  overrides: Partial<ClassificationInput> = {},
): ClassificationInput {
  return {
    text: INVOICE_TEXT,
    filename: "acme-invoice-march.pdf",
    language: "en",
    pageCount: 1,
    metadata: { title: "Invoice 2024-0315", author: "ACME Energy Ltd" },
    documentTypes: STANDARD_DOCUMENT_TYPES,
    categories: ["Finance", "Finance / Taxes", "Home / Utilities", "Work / Payroll"],
    tags: ["electricity", "acme", "2024", "Gehalt"],
    userId: "00000000-0000-4000-8000-000000000001",
    ...overrides,
  };
}

/** Check one result against every rule that does not depend on the classifier's judgement. */
export function assertValidClassification(
  result: ClassificationResult,
  input: ClassificationInput,
): void {
  const parsed = classificationResultSchema.safeParse(result);
  assert(parsed.success, `the result breaks the schema: ${JSON.stringify(parsed.error?.issues)}`);
  const slugs = input.documentTypes.map((type) => type.slug);
  assert(
    slugs.includes(result.document_type),
    `document_type ${JSON.stringify(result.document_type)} is not one of ${slugs.join(", ")}`,
  );
  for (const category of result.categories) {
    if (category.is_new) continue;
    assert(
      input.categories.includes(category.path),
      `category ${JSON.stringify(category.path)} is marked existing but is not in the input`,
    );
  }
  for (const tag of result.tags) {
    if (tag.is_new) continue;
    assert(
      input.tags.includes(tag.name),
      `tag ${JSON.stringify(tag.name)} is marked existing but is not in the input`,
    );
  }
  const paths = result.categories.map((c) => c.path.toLowerCase());
  assertEquals(new Set(paths).size, paths.length, "a category appears twice");
  const names = result.tags.map((t) => t.name.toLowerCase());
  assertEquals(new Set(names).size, names.length, "a tag appears twice");
}

/** Run every rule of the contract; `makeClassifier` is called once per step. */
export async function classifierContract(
  t: Deno.TestContext,
  makeClassifier: () => Promise<Classifier>,
  options: ClassifierContractOptions = {},
): Promise<void> {
  async function classifyValid(input: ClassificationInput): Promise<ClassificationResult> {
    const result = await (await makeClassifier()).classify(input);
    assertValidClassification(result, input);
    return result;
  }

  await t.step(
    "an English invoice gets a result that passes the schema and the rules",
    async () => {
      await classifyValid(sampleClassificationInput());
    },
  );

  await t.step("a German payslip gets a result that passes the schema and the rules", async () => {
    await classifyValid(sampleClassificationInput({
      text: PAYSLIP_TEXT,
      filename: "Entgeltabrechnung_2024_03.pdf",
      language: "de",
      metadata: {},
    }));
  });

  await t.step("document_type stays within a short list that lacks the obvious type", async () => {
    await classifyValid(sampleClassificationInput({
      documentTypes: [{ slug: "letter", label: "Letter" }, { slug: "other", label: "Other" }],
    }));
  });

  await t.step("document_type stays within a list of types the classifier never saw", async () => {
    await classifyValid(sampleClassificationInput({
      documentTypes: [
        { slug: "warranty_card", label: "Warranty card" },
        { slug: "misc", label: "Miscellaneous" },
      ],
    }));
  });

  await t.step("without existing categories or tags, every label is new", async () => {
    const result = await classifyValid(sampleClassificationInput({ categories: [], tags: [] }));
    assert(result.categories.every((c) => c.is_new) && result.tags.every((t) => t.is_new));
  });

  await t.step("an empty text (no text layer) still gets a valid result", async () => {
    await classifyValid(sampleClassificationInput({
      text: "",
      filename: "scan_0001.pdf",
      language: null,
      pageCount: 3,
      metadata: {},
    }));
  });

  await t.step("a very long text with odd characters gets a valid result", async () => {
    const noise = "\u0000\f\r\n\t  \u00a0 🧾 Zahlung € 1.234,56 — ";
    await classifyValid(sampleClassificationInput({
      text: INVOICE_TEXT + noise + "Lorem ipsum dolor sit amet. ".repeat(8_000) + INVOICE_TEXT,
      pageCount: 120,
    }));
  });

  await t.step("the input is left as it was", async () => {
    const input = sampleClassificationInput();
    const before = structuredClone(input);
    await classifyValid(input);
    assertEquals(input, before);
  });

  await t.step("an aborted signal rejects promptly with the abort reason", async () => {
    const classifier = await makeClassifier();
    const controller = new AbortController();
    controller.abort();
    const started = performance.now();
    const error = await assertRejects(() =>
      classifier.classify(sampleClassificationInput(), { signal: controller.signal })
    );
    const elapsed = performance.now() - started;
    const limit = options.abortWithinMs ?? 1000;
    assert(elapsed < limit, `took ${Math.round(elapsed)} ms to reject (limit ${limit} ms)`);
    assert(
      error === controller.signal.reason ||
        (error instanceof DOMException && error.name === "AbortError"),
      `expected the abort reason, got ${error}`,
    );
  });
}
