import OpenAI from "openai";
import { assert, assertEquals, assertInstanceOf, assertRejects } from "../../../shared/assert.ts";
import { startOpenAiTestServer } from "./openai_test_server.ts";

function clientFor(url: string) {
  return new OpenAI({
    baseURL: url,
    apiKey: "sk-test",
    organization: null,
    project: null,
    webhookSecret: null,
    maxRetries: 0,
    logLevel: "off",
  });
}

Deno.test("openai test server - the real client reads its completions and model list", async () => {
  await using server = await startOpenAiTestServer({ modes: { content: '{"a":1}' } });
  const client = clientFor(server.url);
  const completion = await client.chat.completions.create({
    model: "m",
    messages: [{ role: "user", content: "hi" }],
  });
  assertEquals(completion.object, "chat.completion");
  assertEquals(completion.model, "m");
  assertEquals(completion.choices[0].message, {
    role: "assistant",
    content: '{"a":1}',
    refusal: null,
  });
  assertEquals(completion.choices[0].finish_reason, "stop");
  assert(completion.usage!.total_tokens > 0);
  const models = await client.models.list();
  assertEquals(models.data.map((m) => m.id), ["docuvault-test-model"]);
});

Deno.test("openai test server - errors have the API's shape and 429 carries Retry-After", async () => {
  await using server = await startOpenAiTestServer({ modes: "429", retryAfterSeconds: 7 });
  const error = await assertRejects(() =>
    clientFor(server.url).chat.completions.create({ model: "m", messages: [] })
  );
  assertInstanceOf(error, OpenAI.RateLimitError);
  assertEquals(error.code, "rate_limit_exceeded");
  assertEquals(error.headers?.get("retry-after"), "7");
});

Deno.test("openai test server - modes are a queue whose last entry sticks", async () => {
  await using server = await startOpenAiTestServer({ modes: ["500", { content: "{}" }] });
  const post = () =>
    fetch(`${server.url}/chat/completions`, {
      method: "POST",
      headers: { authorization: "Bearer sk-secret" },
      body: JSON.stringify({ model: "m", messages: [] }),
    }).then((r) => r.body?.cancel().then(() => r.status));
  assertEquals([await post(), await post(), await post()], [500, 200, 200]);
  server.setMode("401");
  assertEquals(await post(), 401);
  assertEquals(server.requests.map((r) => r.mode), ["500", "content", "content", "401"]);
  assertEquals(server.requests[0].headers.authorization, "[masked]");
  assertEquals(server.requests[0].bearerMatches, null);
});
