import { assert, assertEquals, assertStringIncludes } from "../../shared/assert.ts";
import { sampleClassificationInput } from "../classifier_contract.ts";
import { parseClassificationAnswer, pathKey } from "./llm_answer.ts";

const input = sampleClassificationInput();

function answer(overrides: Record<string, unknown> = {}) {
  return JSON.stringify({
    document_type: "invoice",
    confidence: 0.8,
    title: "Electricity invoice March 2024",
    summary: "ACME Energy bills £116.13 for February.",
    document_date: "2024-03-15",
    issuer: "ACME Energy",
    amount: { value: 116.13, currency: "gbp" },
    categories: [],
    tags: [],
    ...overrides,
  });
}

function parseOk(content: string) {
  const parsed = parseClassificationAnswer(content, input);
  assert(parsed.ok, `expected a valid answer: ${parsed.ok || parsed.problem}`);
  return parsed;
}

Deno.test("parseClassificationAnswer - a valid answer passes, currency upper-cased", () => {
  const { result } = parseOk(answer());
  assertEquals(result.document_type, "invoice");
  assertEquals(result.amount, { value: 116.13, currency: "GBP" });
});

Deno.test("parseClassificationAnswer - a Markdown fence around the JSON is tolerated", () => {
  parseOk("```json\n" + answer() + "\n```");
});

Deno.test("parseClassificationAnswer - empty strings mean null", () => {
  const { result } = parseOk(answer({ title: "", issuer: "  ", document_date: "" }));
  assertEquals([result.title, result.issuer, result.document_date], [null, null, null]);
});

Deno.test("parseClassificationAnswer - a type given by label or in another case is the slug", () => {
  assertEquals(
    parseOk(answer({ document_type: "Bank statement" })).result.document_type,
    "bank_statement",
  );
  assertEquals(parseOk(answer({ document_type: "INVOICE" })).result.document_type, "invoice");
});

Deno.test("parseClassificationAnswer - refusals say what is wrong", async (t) => {
  const cases: [string, string | null, string, string][] = [
    ["empty", "", "empty", "empty"],
    ["null content", null, "empty", "empty"],
    ["prose", "Sure, here it is", "not_json", "not valid JSON"],
    ["an array", "[]", "not_json", "not a JSON object"],
    ["a bad field", answer({ confidence: 3 }), "schema", "confidence:"],
    ["an extra key", answer({ reasoning: "…" }), "schema", "reasoning"],
    ["a bad date", answer({ document_date: "15.03.2024" }), "schema", "document_date"],
    ["an unknown type", answer({ document_type: "spaceship" }), "unknown_type", "must be one of"],
  ];
  for (const [name, content, kind, text] of cases) {
    await t.step(name, () => {
      const parsed = parseClassificationAnswer(content, input);
      assert(!parsed.ok);
      assertEquals(parsed.kind, kind);
      assertStringIncludes(parsed.problem, text);
    });
  }
});

Deno.test("parseClassificationAnswer - existing labels are matched loosely and spelled as stored", () => {
  const { result, dropped } = parseOk(answer({
    categories: [
      { path: "finance/ taxes", is_new: true },
      { path: "HOME  /  Utilities", is_new: false },
      { path: "Finance / Taxes", is_new: false },
    ],
    tags: [{ name: " Electricity ", is_new: true }, { name: "gehalt", is_new: false }],
  }));
  assertEquals(result.categories, [
    { path: "Finance / Taxes", is_new: false },
    { path: "Home / Utilities", is_new: false },
  ]);
  assertEquals(result.tags, [
    { name: "electricity", is_new: false },
    { name: "Gehalt", is_new: false },
  ]);
  assertEquals(dropped, { categories: 0, tags: 0 });
});

Deno.test("parseClassificationAnswer - new labels are kept tidy; false claims are dropped", () => {
  const { result, dropped } = parseOk(answer({
    categories: [
      { path: "Home /Energy", is_new: true },
      { path: "Finance / Tax", is_new: false },
    ],
    tags: [{ name: "power  bill", is_new: true }, { name: "does-not-exist", is_new: false }],
  }));
  assertEquals(result.categories, [{ path: "Home / Energy", is_new: true }]);
  assertEquals(result.tags, [{ name: "power bill", is_new: true }]);
  assertEquals(dropped, { categories: 1, tags: 1 });
});

Deno.test("pathKey - case, width and spacing around separators do not count", () => {
  assertEquals(pathKey(" Finance/ Taxes "), pathKey("finance / TAXES"));
  assertEquals(pathKey("Ｆinance / Taxes"), "finance/taxes");
});
