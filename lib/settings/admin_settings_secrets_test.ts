/**
 * The AI provider's API key never leaves the server (SPEC §4.4, §6): every settings route,
 * the settings page and the health page are called with a key stored, and no body, header
 * or log line may hold the key, a part of it, or its encrypted form. PGlite and PostgreSQL.
 */
import { createMemoryLogger } from "../app/logger.ts";
import { startOpenAiTestServer } from "../classify/llm/testing/openai_test_server.ts";
import { assert, assertEquals, assertStringIncludes } from "../shared/assert.ts";
import { getSetting } from "./settings_service.ts";
import { callJson, createSettingsFixture, KEY, MASKED } from "./settings_testing.ts";

const OK = { content: "OK" } as const;

Deno.test("admin settings - the key appears in no answer, header or log line", async () => {
  const logger = createMemoryLogger("debug");
  await using server = await startOpenAiTestServer({ modes: [OK], apiKey: KEY });
  await using fx = await createSettingsFixture({ logger });
  const { root, deps } = fx;
  const saved = await callJson(root, "/api/admin/settings/ai", "PUT", {
    base_url: server.url,
    model: "test-model",
    api_key: KEY,
  });
  const encrypted = (await getSetting(deps, "ai_provider"))!.api_key_encrypted!;
  const answers: { what: string; status: number; text: string }[] = [
    { what: "PUT ai", status: saved.status, text: saved.text },
  ];
  const record = async (what: string, response: Response) => {
    const headers = [...response.headers].map(([k, v]) => `${k}: ${v}`).join("\n");
    answers.push({ what, status: response.status, text: `${headers}\n${await response.text()}` });
  };
  const api = (path: string, method = "GET", json?: unknown) =>
    root.call(path, { method, ...(json === undefined ? {} : { json }) });
  const page = (path: string, form?: Record<string, string>) =>
    root.call(path, form ? { method: "POST", form } : {});

  await record("GET settings", await api("/api/admin/settings"));
  await record(
    "PATCH settings",
    await api("/api/admin/settings", "PATCH", { registration: "open" }),
  );
  await record("PATCH 422", await api("/api/admin/settings", "PATCH", { max_upload_bytes: 1 }));
  await record("GET ai", await api("/api/admin/settings/ai"));
  await record(
    "PUT ai (keep)",
    await api("/api/admin/settings/ai", "PUT", {
      base_url: server.url,
      model: "test-model",
    }),
  );
  await record("PUT ai 422", await api("/api/admin/settings/ai", "PUT", { base_url: "x" }));
  await record("POST test", await api("/api/admin/settings/ai/test", "POST", {}));
  server.setMode("401");
  await record("POST test 401", await api("/api/admin/settings/ai/test", "POST", {}));
  server.setMode(OK);
  await record("GET prompt", await api("/api/admin/settings/system-prompt"));
  await record("PUT prompt", await api("/api/admin/settings/system-prompt", "PUT", { value: "P" }));
  await record("GET page", await page("/admin/settings"));
  const aiForm = { base_url: server.url, model: "test-model", api_key: "" };
  await record("page test", await page("/admin/settings/ai", { ...aiForm, intent: "test" }));
  await record("page save", await page("/admin/settings/ai", { ...aiForm, intent: "save" }));
  await record("page 422", await page("/admin/settings/ai", { ...aiForm, base_url: "ftp://x" }));
  await record("page prompt", await page("/admin/settings/system-prompt", { value: "Q" }));
  await record(
    "page uploads",
    await page("/admin/settings/uploads", {
      max_upload_mib: "50",
      default_quota: "100",
      default_quota_unit: "MiB",
      registration: "open",
      suggestions_mode: "auto",
    }),
  );
  await record("GET page after", await page("/admin/settings"));
  await record("GET health", await page("/admin/health"));

  const statuses = Object.fromEntries(answers.map((a) => [a.what, a.status]));
  assertEquals(statuses, {
    "PUT ai": 200,
    "GET settings": 200,
    "PATCH settings": 200,
    "PATCH 422": 422,
    "GET ai": 200,
    "PUT ai (keep)": 200,
    "PUT ai 422": 422,
    "POST test": 200,
    "POST test 401": 502,
    "GET prompt": 200,
    "PUT prompt": 200,
    "GET page": 200,
    "page test": 200,
    "page save": 303,
    "page 422": 422,
    "page prompt": 303,
    "page uploads": 303,
    "GET page after": 200,
    "GET health": 200,
  });
  assertEquals(server.requests.filter((r) => r.bearerMatches).length >= 3, true);
  assertEquals((await getSetting(deps, "ai_provider"))!.api_key_encrypted, encrypted, "kept");
  const [, iv, sealed] = encrypted.split(".");
  const secrets = [KEY, "SECRET", "test-SECRET", "abcdef12", encrypted, iv, sealed];
  for (const { what, text } of answers) {
    for (const secret of secrets) assert(!text.includes(secret), `${what} contains ${secret}`);
  }
  assertStringIncludes(
    answers.find((a) => a.what === "GET page")!.text,
    `A key is stored: ${MASKED}`,
  );
  const logs = JSON.stringify(logger.lines);
  for (const secret of [KEY, "SECRET", encrypted]) assert(!logs.includes(secret), `log: ${secret}`);
});
