/**
 * Administrator settings, the AI part (issue #6, SPEC §4.4/§4.7), on PGlite and PostgreSQL:
 * the provider's key kept, replaced and cleared; "test connection" against the OpenAI test
 * server (success, refused key, slow, unreachable, nothing to test); the system prompt and
 * the classifier using it; audit entries without the key. The scan of every answer for the
 * key is in admin_settings_secrets_test.ts.
 */
import { invalidFields } from "../auth/auth_testing.ts";
import { sampleClassificationInput } from "../classify/classifier_contract.ts";
import { DEFAULT_SYSTEM_PROMPT } from "../classify/llm/default_prompt.ts";
import { startOpenAiTestServer } from "../classify/llm/testing/openai_test_server.ts";
import { assert, assertEquals, assertStringIncludes } from "../shared/assert.ts";
import { getSetting } from "./settings_service.ts";
import {
  callJson,
  createSettingsFixture,
  KEY,
  MASKED,
  settingsChanges,
} from "./settings_testing.ts";

const OK = { content: "OK" } as const;

Deno.test("admin settings - the AI key is kept, replaced and cleared, never shown", async (t) => {
  await using fx = await createSettingsFixture();
  const { root, deps } = fx;
  const put = (body: unknown) => callJson(root, "/api/admin/settings/ai", "PUT", body);
  const storedKey = async () => {
    const stored = await getSetting(deps, "ai_provider");
    return stored?.api_key_encrypted
      ? await deps.secrets.encryptor.decrypt(stored.api_key_encrypted)
      : null;
  };
  const base_url = "http://127.0.0.1:11434/v1";

  await t.step("PUT with a key stores it encrypted and answers it masked", async () => {
    const saved = await put({ base_url, model: "llama3.1:8b", api_key: KEY });
    assertEquals(saved.status, 200);
    assertEquals(saved.body, {
      base_url,
      model: "llama3.1:8b",
      api_key: { set: true, masked: MASKED },
      source: "settings",
    });
    const stored = await getSetting(deps, "ai_provider");
    assert(stored?.api_key_encrypted && !stored.api_key_encrypted.includes("SECRET"));
    assertEquals(await storedKey(), KEY);
    assertEquals((await callJson(root, "/api/admin/settings")).body.ai, saved.body);
  });

  await t.step("PUT without api_key keeps the stored key", async () => {
    const saved = await put({ base_url, model: "qwen2.5:7b" });
    assertEquals([saved.body.model, saved.body.api_key.masked], ["qwen2.5:7b", MASKED]);
    assertEquals(await storedKey(), KEY);
  });

  await t.step("another server needs its key typed again: the stored one stays home", async () => {
    const response = await root.call("/api/admin/settings/ai", {
      method: "PUT",
      json: { base_url: "https://evil.example/v1", model: "m" },
    });
    assertEquals(await invalidFields(response), ["api_key"]);
    assertStringIncludes(JSON.stringify(await callJson(root, "/api/admin/settings/ai")), base_url);
    const page = await root.call("/admin/settings/ai", {
      method: "POST",
      form: { base_url: "https://evil.example/v1", model: "m", api_key: "", intent: "save" },
    });
    assertEquals(page.status, 422);
    assertStringIncludes(await page.text(), "The stored key is only sent to 127.0.0.1:11434.");
    assertEquals(await storedKey(), KEY);
    const sameServer = await put({ base_url: "http://127.0.0.1:11434/api/v1", model: "m2" });
    assertEquals([sameServer.status, sameServer.body.api_key.masked], [200, MASKED]);
    await put({ base_url, model: "qwen2.5:7b" });
  });

  await t.step("a short key is masked completely", async () => {
    assertEquals((await put({ base_url, model: "m", api_key: "sk-short" })).body.api_key, {
      set: true,
      masked: "••••••••",
    });
  });

  await t.step("api_key null clears it", async () => {
    const saved = await put({ base_url, model: "m", api_key: null });
    assertEquals(saved.body.api_key, { set: false, masked: null });
    assertEquals(await storedKey(), null);
  });

  await t.step("bad values are 422 and change nothing", async () => {
    const before = await getSetting(deps, "ai_provider");
    const cases: [unknown, string[]][] = [
      [{ base_url: "ftp://example.com/v1", model: "m" }, ["base_url"]],
      [{ base_url: "javascript:alert(1)", model: "m" }, ["base_url"]],
      [{ base_url, model: null }, ["model"]],
      [{ base_url, model: "m", api_key: "has space" }, ["api_key"]],
      [{ base_url, model: "m", extra: 1 }, [""]],
      [{ model: "m" }, ["base_url"]],
    ];
    for (const [body, fields] of cases) {
      const response = await root.call("/api/admin/settings/ai", { method: "PUT", json: body });
      assertEquals((await invalidFields(response)).sort(), fields, JSON.stringify(body));
    }
    assertEquals(await getSetting(deps, "ai_provider"), before);
  });

  await t.step("base URL and model null: the AI is off, even with OPENAI_* set", async () => {
    const off = await put({ base_url: null, model: null });
    assertEquals([off.body.base_url, off.body.model, off.body.source], [null, null, "settings"]);
    assertEquals(await deps.classifiers.systemDefault(), null);
  });

  await t.step("DELETE goes back to the default (here: none)", async () => {
    const reset = await callJson(root, "/api/admin/settings/ai", "DELETE");
    assertEquals(reset.status, 200);
    assertEquals(reset.body.source, "none");
    assertEquals(await getSetting(deps, "ai_provider"), null);
  });

  await t.step("audited with the admin, and the key only as changed/cleared", async () => {
    const changes = await settingsChanges(deps);
    assert(changes.every((c) => c.actor_id === fx.rootId));
    const metadata = changes.map((c) => c.metadata as Record<string, unknown>);
    assertEquals(metadata[0], {
      keys: ["ai.base_url", "ai.model", "ai.api_key"],
      old: { base_url: null, model: null },
      new: { base_url, model: "llama3.1:8b" },
      api_key: "changed",
    });
    assertEquals(metadata[1].keys, ["ai.model"]);
    assertEquals(metadata[1].api_key, undefined, "a kept key is no change");
    assertEquals(metadata.map((m) => m.api_key ?? "-"), [
      "changed", // the first key
      "-", // a kept key is no change
      "-", // another path on the same server
      "-",
      "changed", // the short key
      "cleared",
      "-", // the AI turned off
      "-", // DELETE, with no key left to clear
    ]);
    assertEquals(metadata.at(-1)?.reset, true);
    const text = JSON.stringify(changes);
    for (const secret of [KEY, "SECRET", "sk-short"]) assert(!text.includes(secret), secret);
  });

  await t.step("the page's form: a new key, then “Remove the stored key”", async () => {
    const form = { base_url, model: "m", intent: "save" };
    const saved = await root.call("/admin/settings/ai", {
      method: "POST",
      form: { ...form, api_key: "sk-page-0123456789abcd" },
    });
    assertEquals(saved.headers.get("location"), "/admin/settings?notice=ai_saved");
    assertEquals(await storedKey(), "sk-page-0123456789abcd");
    const html = await (await root.call("/admin/settings?notice=ai_saved")).text();
    assertStringIncludes(html, "The AI provider is saved.");
    assertStringIncludes(html, "A key is stored: ••••••••abcd.");
    assertStringIncludes(html, 'name="remove_key"');
    await root.call("/admin/settings/ai", {
      method: "POST",
      form: { ...form, api_key: "", remove_key: "yes" },
    });
    assertEquals(await storedKey(), null);
    const reset = await root.call("/admin/settings/ai", {
      method: "POST",
      form: { intent: "reset" },
    });
    assertEquals(reset.headers.get("location"), "/admin/settings?notice=ai_reset");
    assertEquals(await getSetting(deps, "ai_provider"), null);
  });
});

Deno.test("admin settings - without saved settings, OPENAI_* is shown and used", async () => {
  await using fx = await createSettingsFixture({
    env: { OPENAI_BASE_URL: "http://ollama:11434/v1", OPENAI_API_KEY: KEY, OPENAI_MODEL: "m1" },
  });
  const ai = (await callJson(fx.root, "/api/admin/settings")).body.ai;
  assertEquals(ai, {
    base_url: "http://ollama:11434/v1",
    model: "m1",
    api_key: { set: true, masked: MASKED },
    source: "environment",
  });
  const html = await (await fx.root.call("/admin/settings")).text();
  assertStringIncludes(html, "from the OPENAI_* environment variables");
  assertStringIncludes(html, `The environment's key (${MASKED}) is used until you save here.`);
  assert(!html.includes("SECRET"));
});

Deno.test("admin settings - test connection asks the endpoint for real", async (t) => {
  await using server = await startOpenAiTestServer({ modes: [OK], apiKey: KEY });
  await using fx = await createSettingsFixture();
  const { root } = fx;
  const test = (body: unknown) => callJson(root, "/api/admin/settings/ai/test", "POST", body);

  await t.step("nothing configured and nothing given: 422", async () => {
    const response = await root.call("/api/admin/settings/ai/test", { method: "POST", json: {} });
    assertEquals(await invalidFields(response), ["model"]);
    assertEquals(server.requests.length, 0);
  });

  await t.step("the values given, before saving: 200 with latency, model and reply", async () => {
    const answer = await test({ base_url: server.url, model: "test-model", api_key: KEY });
    assertEquals(answer.status, 200);
    assertEquals(answer.body.ok, true);
    assertEquals([answer.body.model, answer.body.reply], ["test-model", "OK"]);
    assert(typeof answer.body.latency_ms === "number" && answer.body.latency_ms >= 0);
    const request = server.requests.at(-1)!;
    assertEquals([request.path, request.bearerMatches], ["/v1/chat/completions", true]);
    assertEquals((request.body as { model: string }).model, "test-model");
  });

  await t.step("what is left out comes from the saved settings", async () => {
    await callJson(root, "/api/admin/settings/ai", "PUT", {
      base_url: server.url,
      model: "saved-model",
      api_key: KEY,
    });
    assertEquals((await test({})).status, 200);
    assertEquals(server.requests.at(-1)!.bearerMatches, true, "the stored key was sent");
    const other = await test({ model: "other-model" });
    assertEquals(other.body.model, "other-model");
    assertEquals(server.requests.at(-1)!.bearerMatches, true);
    await test({ api_key: null });
    assertEquals(server.requests.at(-1)!.authorization, "bearer"); // a placeholder, not the key
    assertEquals(server.requests.at(-1)!.bearerMatches, false);
  });

  await t.step("the stored key is not sent to another server", async () => {
    const before = server.requests.length;
    const response = await root.call("/api/admin/settings/ai/test", {
      method: "POST",
      json: { base_url: "http://127.0.0.2:9/v1" },
    });
    assertEquals(await invalidFields(response), ["api_key"]);
    assertEquals(server.requests.length, before);
  });

  await t.step("a refused key: 502 saying so, without the key", async () => {
    server.setMode("401");
    const answer = await test({ api_key: "sk-wrong-0123456789abcdef" });
    assertEquals([answer.status, answer.body.error.code], [502, "classify.auth_failed"]);
    assertStringIncludes(answer.body.error.message, "The endpoint refused the API key.");
    assert(!answer.text.includes("sk-wrong") && !answer.text.includes("sk-te***"), answer.text);
    assertEquals(server.requests.at(-1)!.bearerMatches, false);
  });

  await t.step("the page's button: the result under the form, typed values kept", async () => {
    server.setMode(OK);
    const form = { base_url: server.url, model: "typed-model", api_key: "", intent: "test" };
    const ok = await root.call("/admin/settings/ai", { method: "POST", form });
    assertEquals(ok.status, 200);
    const html = await ok.text();
    assertStringIncludes(html, "✓ Answered in ");
    assertStringIncludes(html, "ms (model typed-model)");
    assertStringIncludes(html, 'value="typed-model"');
    assertEquals((await getSetting(fx.deps, "ai_provider"))?.model, "saved-model", "not saved");
    server.setMode("401");
    const refused = await (await root.call("/admin/settings/ai", { method: "POST", form })).text();
    assertStringIncludes(refused, "✗ The endpoint refused the API key.");
  });
});

Deno.test("admin settings - test connection: slow and unreachable endpoints", async (t) => {
  await using server = await startOpenAiTestServer({ modes: ["slow"], slowMs: 5_000 });
  await using fx = await createSettingsFixture(); // AI_TEST_TIMEOUT_SECONDS=1
  const test = (body: unknown) => callJson(fx.root, "/api/admin/settings/ai/test", "POST", body);

  await t.step("no answer in time: 504", async () => {
    const started = performance.now();
    const answer = await test({ base_url: server.url, model: "m", api_key: null });
    assertEquals([answer.status, answer.body.error.code], [504, "classify.timeout"]);
    assertStringIncludes(answer.body.error.message, "did not answer within 1 s");
    assert(performance.now() - started < 4_000, "one attempt, no retries");
    assertEquals(server.requests.length, 1);
  });

  await t.step("nobody listening: 502", async () => {
    const closed = Deno.serve(
      { hostname: "127.0.0.1", port: 0, onListen: () => {} },
      () => new Response(),
    );
    const { port } = closed.addr;
    await closed.shutdown();
    const answer = await test({ base_url: `http://127.0.0.1:${port}/v1`, model: "m" });
    assertEquals([answer.status, answer.body.error.code], [502, "classify.unreachable"]);
    assertStringIncludes(answer.body.error.message, "cannot be reached");
  });

  await t.step("not an http(s) URL: 422", async () => {
    const response = await fx.root.call("/api/admin/settings/ai/test", {
      method: "POST",
      json: { base_url: "file:///etc/passwd", model: "m" },
    });
    assertEquals(await invalidFields(response), ["base_url"]);
  });
});

Deno.test("admin settings - the system prompt, and the classifier using it", async (t) => {
  await using server = await startOpenAiTestServer({ modes: ["valid"] });
  await using fx = await createSettingsFixture();
  const { root, deps } = fx;
  const promptUrl = "/api/admin/settings/system-prompt";
  await callJson(root, "/api/admin/settings/ai", "PUT", { base_url: server.url, model: "m" });
  const systemMessage = async () => {
    const user = { ai_provider: null, ai_model: null };
    await (await deps.classifiers.forUser(user)).classify(sampleClassificationInput());
    const body = server.requests.at(-1)!.body as { messages: { role: string; content: string }[] };
    return body.messages.find((m) => m.role === "system")?.content;
  };

  await t.step("the default at first", async () => {
    const { body } = await callJson(root, promptUrl);
    assertEquals(body, {
      value: DEFAULT_SYSTEM_PROMPT,
      is_default: true,
      default: DEFAULT_SYSTEM_PROMPT,
    });
    assertEquals(await systemMessage(), DEFAULT_SYSTEM_PROMPT);
  });

  await t.step("PUT sets it (line breaks normalised); the next document uses it", async () => {
    const saved = await callJson(root, promptUrl, "PUT", { value: "  Be brief.\r\nBe exact.  " });
    assertEquals(saved.body.value, "Be brief.\nBe exact.");
    assertEquals(saved.body.is_default, false);
    assertEquals(await systemMessage(), "Be brief.\nBe exact.");
  });

  await t.step("blank or too long: 422, the prompt unchanged", async () => {
    for (const value of ["   \n ", "x".repeat(20_001)]) {
      const response = await root.call(promptUrl, { method: "PUT", json: { value } });
      assertEquals(await invalidFields(response), ["value"]);
    }
    assertEquals((await callJson(root, promptUrl)).body.value, "Be brief.\nBe exact.");
  });

  await t.step("DELETE resets it; saving the default text is the default too", async () => {
    const reset = await callJson(root, promptUrl, "DELETE");
    assertEquals([reset.body.value, reset.body.is_default], [DEFAULT_SYSTEM_PROMPT, true]);
    assertEquals(await systemMessage(), DEFAULT_SYSTEM_PROMPT);
    const same = await callJson(root, promptUrl, "PUT", { value: DEFAULT_SYSTEM_PROMPT });
    assertEquals(same.body.is_default, true);
  });

  await t.step("the page: a textarea with the prompt, Save and Reset to default", async () => {
    const saved = await root.call("/admin/settings/system-prompt", {
      method: "POST",
      form: { value: "Think <twice>.", intent: "save" },
    });
    assertEquals(saved.headers.get("location"), "/admin/settings?notice=prompt_saved");
    const html = await (await root.call("/admin/settings")).text();
    assertStringIncludes(html, "Think &lt;twice>.</textarea>");
    assertStringIncludes(html, "Customised");
    const empty = await root.call("/admin/settings/system-prompt", {
      method: "POST",
      form: { value: " ", intent: "save" },
    });
    assertEquals(empty.status, 422);
    assertStringIncludes(await empty.text(), "The prompt cannot be empty.");
    const reset = await root.call("/admin/settings/system-prompt", {
      method: "POST",
      form: { value: "", intent: "reset" },
    });
    assertEquals(reset.headers.get("location"), "/admin/settings?notice=prompt_reset");
    assertEquals(await getSetting(deps, "llm_system_prompt"), null);
  });

  await t.step("audited with the old and new text", async () => {
    const changes = await settingsChanges(deps);
    const prompts = changes.filter((c) =>
      (c.metadata as { keys: string[] }).keys.includes("system_prompt")
    );
    assertEquals(prompts[0].metadata, {
      keys: ["system_prompt"],
      old: { system_prompt: null },
      new: { system_prompt: "Be brief.\nBe exact." },
    });
    assertEquals(prompts.length, 4); // set, reset, page save, page reset
  });
});
