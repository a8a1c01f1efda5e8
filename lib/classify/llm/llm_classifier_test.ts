import { createMemoryLogger, type Logger, silentLogger } from "../../app/logger.ts";
import {
  assert,
  assertEquals,
  assertInstanceOf,
  assertMatch,
  assertRejects,
  assertStringIncludes,
} from "../../shared/assert.ts";
import { AppError } from "../../shared/errors.ts";
import { sampleClassificationInput } from "../classifier_contract.ts";
import { DEFAULT_SYSTEM_PROMPT } from "./default_prompt.ts";
import { createLlmClassifier, type LlmClassifierOptions } from "./llm_classifier.ts";
import {
  type OpenAiTestServer,
  type OpenAiTestServerOptions,
  startOpenAiTestServer,
} from "./testing/openai_test_server.ts";

const API_KEY = "sk-test-0123456789abcdef-SECRET";

function classifierFor(
  server: OpenAiTestServer,
  overrides: Partial<LlmClassifierOptions> = {},
) {
  return createLlmClassifier({
    baseUrl: server.url,
    apiKey: API_KEY,
    model: "test-model",
    systemPrompt: DEFAULT_SYSTEM_PROMPT,
    timeoutMs: 5_000,
    maxRetries: 0,
    logger: silentLogger,
    ...overrides,
  });
}

function startServer(options: OpenAiTestServerOptions = {}) {
  return startOpenAiTestServer({ apiKey: API_KEY, ...options });
}

/** The rejection of `promise`, which must be an AppError. */
async function appErrorOf(promise: () => Promise<unknown>): Promise<AppError> {
  const error = await assertRejects(promise);
  assertInstanceOf(error, AppError, `expected an AppError, got ${error}`);
  return error;
}

type Message = { role: string; content: string };
const messagesOf = (body: unknown) => (body as { messages: Message[] }).messages;
const hostOf = (server: OpenAiTestServer) => new URL(server.url).host;

Deno.test("llm classifier - a valid answer becomes the result", async () => {
  await using server = await startServer();
  const input = sampleClassificationInput();
  const result = await classifierFor(server).classify(input);

  assertEquals(result.document_type, "invoice");
  assertEquals(result.title, "Test answer for acme-invoice-march.pdf");
  assertEquals(result.summary, "It starts with: ACME Energy Ltd");
  assertEquals(result.document_date, "2024-03-15");
  assertEquals(result.amount, { value: 42.5, currency: "EUR" });
  assertEquals(result.categories, [
    { path: "Finance", is_new: false },
    { path: "Test / Proposed", is_new: true },
  ]);
  assertEquals(result.tags, [
    { name: "electricity", is_new: false },
    { name: "test-server", is_new: true },
  ]);
  assertEquals(server.requests.length, 1);
});

Deno.test("llm classifier - the request carries the prompt, the choices and the text", async () => {
  await using server = await startServer();
  const input = sampleClassificationInput();
  await classifierFor(server, { systemPrompt: "Be careful. Answer in JSON." }).classify(input);

  const [request] = server.requests;
  assertEquals(request.method, "POST");
  assertEquals(request.path, "/v1/chat/completions");
  const body = request.body as { model: string; response_format: unknown };
  assertEquals(body.model, "test-model");
  assertEquals(body.response_format, { type: "json_object" });
  const [system, user] = messagesOf(request.body);
  assertEquals(system, { role: "system", content: "Be careful. Answer in JSON." });
  assertEquals(user.role, "user");
  for (
    const expected of [
      '"slug": "bank_statement"',
      '"label": "Bank statement"',
      '"Finance / Taxes"',
      '"Home / Utilities"',
      '"electricity"',
      '"Gehalt"',
      '"filename": "acme-invoice-march.pdf"',
      '"page_count": 1',
      '"author": "ACME Energy Ltd"',
      "Total due",
      "Please pay by 14 April 2024",
      '"is_new"',
    ]
  ) {
    assertStringIncludes(user.content, expected);
  }
});

Deno.test("llm classifier - the API key is sent as a Bearer token", async () => {
  await using server = await startServer();
  await classifierFor(server).classify(sampleClassificationInput());
  assertEquals(server.requests[0].authorization, "bearer");
  assertEquals(server.requests[0].bearerMatches, true);
  assertEquals(server.requests[0].headers.authorization, "[masked]");
});

Deno.test("llm classifier - without an API key (local servers) a placeholder is sent", async () => {
  await using server = await startServer();
  const result = await classifierFor(server, { apiKey: undefined })
    .classify(sampleClassificationInput());
  assertEquals(result.document_type, "invoice");
  assertEquals(server.requests[0].authorization, "bearer");
  assertEquals(server.requests[0].bearerMatches, false);
});

Deno.test("llm classifier - an answer that is not JSON is corrected after one follow-up", async () => {
  await using server = await startServer({ modes: ["invalid_json", "valid"] });
  const logger = createMemoryLogger();
  const result = await classifierFor(server, { logger }).classify(sampleClassificationInput());

  assertEquals(result.document_type, "invoice");
  assertEquals(server.requests.length, 2);
  const messages = messagesOf(server.requests[1].body);
  assertEquals(messages.map((m) => m.role), ["system", "user", "assistant", "user"]);
  assertStringIncludes(messages[2].content, "Sure! Here is the classification");
  assertStringIncludes(messages[3].content, "not valid JSON");
  const warning = logger.lines.find((line) => line.level === "warn");
  assertEquals(warning?.problem, "not_json");
});

Deno.test("llm classifier - a type outside the list is corrected after one follow-up", async () => {
  await using server = await startServer({ modes: ["unknown_type", "valid"] });
  const result = await classifierFor(server).classify(sampleClassificationInput());
  assertEquals(result.document_type, "invoice");
  const correction = messagesOf(server.requests[1].body)[3].content;
  assertStringIncludes(correction, '"not_a_listed_type"');
  assertStringIncludes(correction, "invoice, receipt, bank_statement");
});

Deno.test("llm classifier - two invalid answers fail with classify.bad_answer", async () => {
  await using server = await startServer({ modes: ["schema_violation", "schema_violation"] });
  const error = await appErrorOf(() => classifierFor(server).classify(sampleClassificationInput()));
  assertEquals(error.code, "classify.bad_answer");
  assertEquals(error.status, 502);
  assertStringIncludes(error.message, '"test-model"');
  assertStringIncludes(error.message, hostOf(server));
  assertStringIncludes(error.message, "confidence");
  assertEquals(server.requests.length, 2);
  assertStringIncludes(messagesOf(server.requests[1].body)[3].content, "confidence");
});

Deno.test("llm classifier - a slow endpoint fails with classify.timeout in time", async () => {
  await using server = await startServer({ modes: "slow", slowMs: 10_000 });
  const started = performance.now();
  const error = await appErrorOf(() =>
    classifierFor(server, { timeoutMs: 500, maxRetries: 0 }).classify(sampleClassificationInput())
  );
  const elapsed = performance.now() - started;
  assertEquals(error.code, "classify.timeout");
  assertEquals(error.status, 504);
  assertStringIncludes(error.message, `The AI endpoint at ${hostOf(server)} did not answer`);
  assertStringIncludes(error.message, "0.5 s");
  assert(elapsed >= 450 && elapsed < 2_000, `took ${Math.round(elapsed)} ms`);
});

Deno.test("llm classifier - a caller's abort ends a slow request with the abort reason", async () => {
  await using server = await startServer({ modes: "slow" });
  const controller = new AbortController();
  const reason = new DOMException("the job was cancelled", "AbortError");
  setTimeout(() => controller.abort(reason), 100);
  const started = performance.now();
  const error = await assertRejects(() =>
    classifierFor(server).classify(sampleClassificationInput(), { signal: controller.signal })
  );
  assert(error === reason, `expected the abort reason, got ${error}`);
  assert(performance.now() - started < 1_000);
});

Deno.test("llm classifier - a 429 is retried after Retry-After, then succeeds", async () => {
  await using server = await startServer({ modes: ["429", "valid"], retryAfterSeconds: 1 });
  const result = await classifierFor(server, { maxRetries: 2 })
    .classify(sampleClassificationInput());
  assertEquals(result.document_type, "invoice");
  assertEquals(server.requests.length, 2);
  const waited = server.requests[1].receivedAt - server.requests[0].receivedAt;
  // Without the header the client's first back-off is at most 500 ms.
  assert(waited >= 900, `retried after ${Math.round(waited)} ms`);
});

Deno.test("llm classifier - 500, 500, then an answer succeeds with two retries", async () => {
  await using server = await startServer({ modes: ["500", "500", "valid"] });
  const result = await classifierFor(server, { maxRetries: 2 })
    .classify(sampleClassificationInput());
  assertEquals(result.document_type, "invoice");
  assertEquals(server.requests.map((r) => r.mode), ["500", "500", "valid"]);
});

Deno.test("llm classifier - an endpoint that keeps failing gives a clear 502", async () => {
  await using server = await startServer({ modes: "always_500" });
  const error = await appErrorOf(() =>
    classifierFor(server, { maxRetries: 2 }).classify(sampleClassificationInput())
  );
  assertEquals(error.code, "classify.endpoint_failed");
  assertEquals(error.status, 502);
  assertEquals(
    error.message,
    `The AI endpoint at ${hostOf(server)} failed with status 500 after 3 attempts. ` +
      "Try again later.",
  );
  assertEquals(server.requests.length, 3);
});

Deno.test("llm classifier - 503 and lasting 429 answer 503 with a retry hint", async (t) => {
  await t.step("503 → classify.unavailable", async () => {
    await using server = await startServer({ modes: "503", retryAfterSeconds: 0 });
    const error = await appErrorOf(() =>
      classifierFor(server, { maxRetries: 1 }).classify(sampleClassificationInput())
    );
    assertEquals([error.code, error.status], ["classify.unavailable", 503]);
    assertEquals(server.requests.length, 2);
  });
  await t.step("429 → classify.rate_limited", async () => {
    await using server = await startServer({ modes: "429", retryAfterSeconds: 0 });
    const error = await appErrorOf(() =>
      classifierFor(server, { maxRetries: 1 }).classify(sampleClassificationInput())
    );
    assertEquals([error.code, error.status], ["classify.rate_limited", 503]);
    assertEquals(error.retryAfterSeconds, 0);
    assertStringIncludes(error.message, "limiting requests (429)");
  });
});

Deno.test("llm classifier - 401 says the key is wrong, without the key and without retrying", async () => {
  await using server = await startServer({ modes: "401" });
  const error = await appErrorOf(() =>
    classifierFor(server, { maxRetries: 2 }).classify(sampleClassificationInput())
  );
  assertEquals(error.code, "classify.auth_failed");
  assertEquals(error.status, 502);
  assertEquals(
    error.message,
    `The AI endpoint at ${hostOf(server)} rejected the API key (401). ` +
      "Check the API key in the AI provider settings.",
  );
  assertEquals(error.cause, undefined);
  assertEquals(server.requests.length, 1);
});

Deno.test("llm classifier - 403 and 404 name what to check", async (t) => {
  await t.step("403 → classify.auth_failed", async () => {
    await using server = await startServer({ modes: "403" });
    const error = await appErrorOf(() =>
      classifierFor(server).classify(sampleClassificationInput())
    );
    assertEquals(error.code, "classify.auth_failed");
    assertStringIncludes(error.message, "refused access (403)");
  });
  await t.step("404 → classify.model_not_found", async () => {
    await using server = await startServer({ modes: "404" });
    const error = await appErrorOf(() =>
      classifierFor(server).classify(sampleClassificationInput())
    );
    assertEquals([error.code, error.status], ["classify.model_not_found", 502]);
    assertStringIncludes(error.message, 'does not know the model "test-model"');
  });
});

Deno.test("llm classifier - a closed port fails with classify.unreachable", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr;
  listener.close();
  const classifier = createLlmClassifier({
    baseUrl: `http://127.0.0.1:${port}/v1`,
    model: "test-model",
    systemPrompt: DEFAULT_SYSTEM_PROMPT,
    maxRetries: 0,
    logger: silentLogger,
  });
  const error = await appErrorOf(() => classifier.classify(sampleClassificationInput()));
  assertEquals([error.code, error.status], ["classify.unreachable", 502]);
  assertMatch(
    error.message,
    new RegExp(
      `^The AI endpoint at 127\\.0\\.0\\.1:${port} cannot be reached \\(connection refused\\)`,
    ),
  );
});

Deno.test("llm classifier - an endpoint without JSON mode (LM Studio) is asked without it", async () => {
  await using server = await startServer({ modes: "json_mode_unsupported" });
  const classifier = classifierFor(server);
  const first = await classifier.classify(sampleClassificationInput());
  const second = await classifier.classify(sampleClassificationInput());
  assertEquals([first.document_type, second.document_type], ["invoice", "invoice"]);
  const formats = server.requests.map((r) =>
    (r.body as { response_format?: unknown }).response_format
  );
  // Learned once: the second document goes straight to the prompt-only request.
  assertEquals(formats, [{ type: "json_object" }, undefined, undefined]);
});

Deno.test("llm classifier - the API key appears in no error and no log line", async () => {
  const logger = createMemoryLogger("debug");
  const seen: string[] = [];
  const modes = ["401", "403", "always_500", "429", "slow", ["schema_violation"], [
    "valid",
  ]] as const;
  await using server = await startServer({ slowMs: 2_000 });
  for (const mode of modes) {
    server.setMode(typeof mode === "string" ? mode : [...mode]);
    const classifier = classifierFor(server, { logger: logger as Logger, timeoutMs: 300 });
    try {
      await classifier.classify(sampleClassificationInput());
    } catch (error) {
      assertInstanceOf(error, AppError);
      seen.push(JSON.stringify({ message: error.message, details: error.details }));
    }
  }
  assertEquals(seen.length, 6);
  assert(logger.lines.length > 0);
  const everything = seen.join("\n") + JSON.stringify(logger.lines);
  assert(!everything.includes(API_KEY), "the API key leaked");
  assert(!everything.includes("0123456789abcdef"), "part of the API key leaked");
  assert(!everything.includes("sk-te****"), "the endpoint's masked key leaked");
});

Deno.test("llm classifier - a successful classification is logged without its content", async () => {
  await using server = await startServer();
  const logger = createMemoryLogger("info");
  await classifierFor(server, { logger }).classify(sampleClassificationInput());
  const line = logger.lines.find((l) => l.msg === "document classified");
  assert(line, "no log line for the classification");
  assertEquals(line.ai_host, hostOf(server));
  assertEquals(line.ai_model, "test-model");
  assertEquals(line.answers, 1);
  assert(typeof (line.usage as { prompt?: unknown })?.prompt === "number");
  assert(!JSON.stringify(logger.lines).includes("ACME"), "document content was logged");
});

Deno.test("llm classifier - a missing model or a bad base URL is a configuration error", () => {
  for (const options of [{ model: " " }, { model: "m", baseUrl: "ftp://example.com" }]) {
    try {
      createLlmClassifier({ systemPrompt: "", logger: silentLogger, ...options });
      throw new Error("expected a configuration error");
    } catch (error) {
      assertInstanceOf(error, AppError);
      assertEquals([error.code, error.status], ["classify.not_configured", 503]);
    }
  }
});
