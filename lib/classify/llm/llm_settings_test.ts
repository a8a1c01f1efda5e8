import { assertEquals, assertInstanceOf, assertThrows } from "../../shared/assert.ts";
import { AppError } from "../../shared/errors.ts";
import { type LlmSettings, resolveLlmSettings } from "./llm_settings.ts";

const system: LlmSettings = {
  baseUrl: "https://api.openai.com/v1",
  apiKey: "sk-system",
  model: "gpt-4o-mini",
};
const providers = {
  local: { baseUrl: "http://ollama:11434/v1", model: "llama3.2" },
  keyless: { baseUrl: "http://llm.lan/v1" },
};
const user = (ai_provider: string | null, ai_model: string | null = null) => ({
  ai_provider,
  ai_model,
});

Deno.test("resolveLlmSettings - no assignment uses the system default", () => {
  assertEquals(resolveLlmSettings({ user: user(null), systemDefault: system }), system);
  assertEquals(resolveLlmSettings({ user: user("system"), systemDefault: system }), system);
  assertEquals(resolveLlmSettings({ user: user("  "), systemDefault: system }), system);
});

Deno.test("resolveLlmSettings - a model alone changes the model on the system endpoint", () => {
  assertEquals(
    resolveLlmSettings({ user: user(null, " gpt-4.1 "), systemDefault: system }),
    { ...system, model: "gpt-4.1" },
  );
});

Deno.test("resolveLlmSettings - no system default means the built-in classifier", () => {
  assertEquals(resolveLlmSettings({ user: user(null), systemDefault: null }), null);
  assertEquals(resolveLlmSettings({ user: user(null, "gpt-4.1"), systemDefault: null }), null);
});

Deno.test("resolveLlmSettings - 'builtin' wins over a configured system default", () => {
  assertEquals(resolveLlmSettings({ user: user("builtin"), systemDefault: system }), null);
});

Deno.test("resolveLlmSettings - a named provider, with its model or the user's", () => {
  assertEquals(
    resolveLlmSettings({ user: user("local"), systemDefault: system, providers }),
    { baseUrl: "http://ollama:11434/v1", apiKey: undefined, model: "llama3.2" },
  );
  assertEquals(
    resolveLlmSettings({ user: user("local", "qwen2.5"), systemDefault: system, providers }),
    { baseUrl: "http://ollama:11434/v1", apiKey: undefined, model: "qwen2.5" },
  );
});

Deno.test("resolveLlmSettings - a base URL is a keyless endpoint that needs a model", () => {
  assertEquals(
    resolveLlmSettings({ user: user("http://10.0.0.5:8080/v1", "phi4"), systemDefault: system }),
    { baseUrl: "http://10.0.0.5:8080/v1", model: "phi4" },
  );
});

Deno.test("resolveLlmSettings - an assignment that cannot be honoured is an error, not a fallback", async (t) => {
  const cases: [string, ReturnType<typeof user>, string][] = [
    ["unknown provider", user("azure"), "classify.provider_unknown"],
    [
      "inherited property names are not providers",
      user("constructor"),
      "classify.provider_unknown",
    ],
    ["provider without a model", user("keyless"), "classify.not_configured"],
    ["URL without a model", user("http://10.0.0.5:8080/v1"), "classify.not_configured"],
  ];
  for (const [name, assigned, code] of cases) {
    await t.step(name, () => {
      const error = assertThrows(() =>
        resolveLlmSettings({ user: assigned, systemDefault: system, providers })
      );
      assertInstanceOf(error, AppError);
      assertEquals([error.code, error.status], [code, 503]);
    });
  }
});
