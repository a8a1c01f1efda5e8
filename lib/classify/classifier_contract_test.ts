import { silentLogger } from "../app/logger.ts";
import { createBuiltinClassifier } from "./builtin/builtin_classifier.ts";
import { classifierContract } from "./classifier_contract.ts";
import type { LabelledExample } from "./classifier_types.ts";
import { DEFAULT_SYSTEM_PROMPT } from "./llm/default_prompt.ts";
import { createLlmClassifier } from "./llm/llm_classifier.ts";
import { startOpenAiTestServer } from "./llm/testing/openai_test_server.ts";

/** Labels the user confirmed earlier, some of which no longer exist (renamed or deleted). */
const EXAMPLES: LabelledExample[] = [
  {
    documentId: "10000000-0000-4000-8000-000000000001",
    text: "ACME Energy Ltd invoice for electricity supply, total due £120.00, VAT 5%",
    language: "en",
    documentType: "invoice",
    categories: ["Home / Utilities", "Home / Energy (deleted since)"],
    tags: ["electricity", "old-tag-no-longer-there"],
  },
  {
    documentId: "10000000-0000-4000-8000-000000000002",
    text: "Muster GmbH Entgeltabrechnung Gehalt Lohnsteuer Auszahlungsbetrag",
    language: "de",
    documentType: "payslip",
    categories: ["Work / Payroll"],
    tags: ["Gehalt"],
  },
];

Deno.test("classifier contract - the LLM classifier (against the OpenAI test server)", async (t) => {
  const server = await startOpenAiTestServer({ modes: "valid" });
  try {
    await classifierContract(t, () =>
      Promise.resolve(createLlmClassifier({
        baseUrl: server.url,
        model: "test-model",
        systemPrompt: DEFAULT_SYSTEM_PROMPT,
        maxRetries: 0,
        timeoutMs: 5_000,
        logger: silentLogger,
      })));
  } finally {
    await server.close();
  }
});

Deno.test("classifier contract - the built-in classifier, before it has learned anything", async (t) => {
  await classifierContract(
    t,
    () => Promise.resolve(createBuiltinClassifier({ loadExamples: () => Promise.resolve([]) })),
  );
});

Deno.test("classifier contract - the built-in classifier, with examples that use stale labels", async (t) => {
  await classifierContract(
    t,
    () =>
      Promise.resolve(createBuiltinClassifier({ loadExamples: () => Promise.resolve(EXAMPLES) })),
  );
});
