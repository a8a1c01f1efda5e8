/**
 * The processing pipeline end to end: uploads through the API, the real job worker, the
 * real extractor children and the real classifiers (the built-in one, and the LLM one
 * against our OpenAI-compatible test server), observed through the API as a user would.
 */
import { runWorker } from "../../workers/run.ts";
import { jobRegistry } from "../../workers/registry.ts";
import { startOpenAiTestServer } from "../classify/llm/testing/openai_test_server.ts";
import { setSetting } from "../settings/settings_service.ts";
import { assert, assertEquals, assertMatch, assertStringIncludes } from "../shared/assert.ts";
import {
  createDocumentsFixture,
  type DocumentsFixture,
  uploadOk,
  waitForProcessed,
} from "./documents_testing.ts";
import { EDGE_OUTCOMES, readCorpus } from "./extraction/testing_corpus.ts";
import { processDocumentJob } from "./jobs/process_document_job.ts";
import { makePdf } from "./testing/make_pdf.ts";

const INVOICE_TEXT = [
  "ACME Office Supplies Ltd",
  "12 Harbour Road, Bristol BS1 4XY",
  "INVOICE",
  "Invoice number: INV-2024-0042",
  "Invoice date: 12 March 2024",
  "Bill to: Jane Doe, 3 Mill Lane, Leeds",
  "Description Quantity Unit price Amount",
  "Printer paper A4, 500 sheets 10 4.50 45.00",
  "Toner cartridge black 2 60.00 120.00",
  "Subtotal 165.00",
  "VAT 20% 33.00",
  "Total due 198.00 GBP",
  "Payment terms: 30 days. Please pay by bank transfer to the account below.",
  "Thank you for your business.",
].join("\n");

/** The job kinds of the app, with short retry delays so that retries fit in a test. */
const FAST_RETRY_REGISTRY = jobRegistry.map((job) =>
  job.kind === processDocumentJob.kind ? { ...job, backoffMs: 20, maxBackoffMs: 50 } : job
);

async function withWorker(fx: DocumentsFixture) {
  return await runWorker(fx.deps, { registry: FAST_RETRY_REGISTRY, concurrency: 2 });
}

async function getJson(fx: DocumentsFixture, path: string) {
  const response = await fx.alice.client.call(path);
  assertEquals(response.status, 200, await response.clone().text());
  return await response.json();
}

Deno.test("pipeline - an uploaded invoice is read, classified and searchable", async (t) => {
  await using fx = await createDocumentsFixture();
  await using _worker = await withWorker(fx);
  const { app, alice } = fx;
  const pdf = makePdf({ pages: [INVOICE_TEXT, "Page two: bank details IBAN GB29 NWBK 6016"] });
  const id = await uploadOk(app, alice.client, pdf, "scan_0042.pdf");

  await t.step("it ends ready, with its pages, text layer and language", async () => {
    const doc = await waitForProcessed(alice.client, id);
    assertEquals(doc.status, "ready", String(doc.error_message));
    assertEquals(doc.error_message, null);
    assertEquals(doc.page_count, 2);
    assertEquals(doc.has_text_layer, true);
    assertEquals(doc.language, "en");
    assert(doc.processed_at, "processed_at is set");
  });

  await t.step("the built-in classifier's confident answer is applied", async () => {
    const doc = await getJson(fx, `/api/documents/${id}`);
    assertEquals(doc.document_type, "invoice");
    assertEquals(doc.classified_by, "builtin");
    assertEquals(doc.document_date, "2024-03-12");
    assertStringIncludes(String(doc.issuer), "ACME");
    assertEquals(doc.amount, { value: 198, currency: "GBP" });
    assert(doc.title && doc.title !== "scan_0042", `a real title, not the file name: ${doc.title}`);
    assertEquals(doc.ai_suggestion, null, "nothing left to review");
  });

  await t.step("its text is served and searchable", async () => {
    const text = await getJson(fx, `/api/documents/${id}/text`);
    assertStringIncludes(text.text, "Toner cartridge black");
    const found = await getJson(fx, "/api/documents?q=toner");
    assertEquals(found.documents.map((d: { id: string }) => d.id), [id]);
  });

  await t.step("the same file again is accepted and flagged as a duplicate", async () => {
    const again = await uploadOk(app, alice.client, pdf, "copy.pdf");
    const doc = await waitForProcessed(alice.client, again);
    assertEquals(doc.status, "ready");
    assertEquals(doc.duplicate_of, id);
    const first = await getJson(fx, `/api/documents/${id}`);
    assertEquals(first.duplicate_of, null, "the first stays the original");
  });

  await t.step("re-analysis keeps the user's own labels and suggests instead", async () => {
    const patched = await alice.client.call(`/api/documents/${id}`, {
      method: "PATCH",
      json: { document_type: "receipt", title: "My toner" },
    });
    assertEquals(patched.status, 200, await patched.text());
    const queued = await alice.client.call(`/api/documents/${id}/reanalyse`, { method: "POST" });
    assertEquals(queued.status, 202, await queued.text());
    const doc = await waitForProcessed(alice.client, id);
    assertEquals(doc.status, "ready");
    assertEquals([doc.document_type, doc.title], ["receipt", "My toner"]);
    // The correction taught the built-in classifier: it now agrees with the user.
    assertEquals((doc.ai_suggestion as { document_type: string }).document_type, "receipt");
  });
});

Deno.test("pipeline - in review mode every answer waits as a suggestion", async () => {
  await using fx = await createDocumentsFixture();
  await setSetting(fx.deps, "suggestions_mode", "review", null);
  await using _worker = await withWorker(fx);
  const id = await uploadOk(fx.app, fx.alice.client, makePdf({ pages: [INVOICE_TEXT] }));
  const doc = await waitForProcessed(fx.alice.client, id);
  assertEquals(doc.status, "ready");
  assertEquals(doc.document_type, null, "nothing applied");
  const suggestion = doc.ai_suggestion as { document_type: string; classifier: string };
  assertEquals([suggestion.document_type, suggestion.classifier], ["invoice", "builtin"]);
  const accepted = await fx.alice.client.call(`/api/documents/${id}/suggestion/accept`, {
    method: "POST",
  });
  assertEquals(accepted.status, 200, await accepted.clone().text());
  const after = await accepted.json();
  assertEquals([after.document_type, after.classified_by, after.ai_suggestion], [
    "invoice",
    "user",
    null,
  ]);
});

Deno.test("pipeline - unreadable files end as error with a reason, and the worker goes on", async () => {
  await using fx = await createDocumentsFixture();
  await using _worker = await withWorker(fx);
  const { app, alice } = fx;
  const damaged = new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >>\n garbage");
  const id = await uploadOk(app, alice.client, damaged, "damaged.pdf");
  const doc = await waitForProcessed(alice.client, id);
  assertEquals(doc.status, "error");
  assertMatch(String(doc.error_message), /damaged|could not be read|not a valid PDF/i);
  assert(!/at |Error:|\.ts:/.test(String(doc.error_message)), "no stack trace for users");

  const next = await uploadOk(app, alice.client, makePdf({ pages: [INVOICE_TEXT] }));
  assertEquals((await waitForProcessed(alice.client, next)).status, "ready");
});

Deno.test("pipeline - the LLM classifier through an OpenAI-compatible endpoint", async (t) => {
  await using server = await startOpenAiTestServer({ modes: ["valid"], apiKey: "sk-test-key" });
  await using fx = await createDocumentsFixture({
    env: { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: "sk-test-key", OPENAI_MODEL: "test-model" },
  });
  await using _worker = await withWorker(fx);
  const { app, alice } = fx;
  const created = await alice.client.call("/api/categories", {
    method: "POST",
    json: { name: "Office" },
  });
  assertEquals(created.status, 201);
  await created.body?.cancel();

  await t.step("a valid answer is applied, with the user's categories offered", async () => {
    const id = await uploadOk(app, alice.client, makePdf({ pages: [INVOICE_TEXT] }), "a.pdf");
    const doc = await waitForProcessed(alice.client, id);
    assertEquals(doc.status, "ready", String(doc.error_message));
    assertEquals(doc.classified_by, "llm");
    const request = server.requests.at(-1)!;
    assertEquals(request.bearerMatches, true);
    const sent = JSON.stringify(request.body);
    assertStringIncludes(sent, "Toner cartridge black", "the text is sent");
    assertStringIncludes(sent, "Office", "the user's categories are sent");
    assertStringIncludes(sent, "test-model");
  });

  await t.step("an endpoint failing with 500 on every try: error after the retries", async () => {
    server.setMode("always_500");
    const before = server.requests.length;
    const id = await uploadOk(app, alice.client, makePdf({ pages: [INVOICE_TEXT] }), "b.pdf");
    const doc = await waitForProcessed(alice.client, id);
    assertEquals(doc.status, "error");
    assertStringIncludes(String(doc.error_message), "could not be classified");
    assert(!String(doc.error_message).includes("sk-test-key"), "never the key");
    // Each of the job's 4 attempts made the client's request and its 2 retries.
    assertEquals(server.requests.length - before, 4 * 3);
    const text = await getJson(fx, `/api/documents/${id}/text`);
    assertStringIncludes(text.text, "Toner cartridge", "the text is kept, searchable");
  });

  await t.step("a wrong key is an error at once, without retries", async () => {
    server.setMode("401");
    const before = server.requests.length;
    const id = await uploadOk(app, alice.client, makePdf({ pages: [INVOICE_TEXT] }), "c.pdf");
    const doc = await waitForProcessed(alice.client, id);
    assertEquals(doc.status, "error");
    assertMatch(String(doc.error_message), /API key/i);
    assertEquals(server.requests.length - before, 1);
  });

  await t.step("re-analysis after the problem is solved succeeds", async () => {
    server.setMode("valid");
    const { documents } = await getJson(fx, "/api/documents?view=failed");
    assert(documents.length >= 2);
    for (const { id } of documents) {
      const queued = await alice.client.call(`/api/documents/${id}/reanalyse`, { method: "POST" });
      assertEquals(queued.status, 202);
      await queued.body?.cancel();
    }
    for (const { id } of documents) {
      assertEquals((await waitForProcessed(alice.client, id)).status, "ready");
    }
  });
});

const corpus = readCorpus();
Deno.test({
  name: "pipeline - every corpus file goes through: ready with text, or error with a reason" +
    (corpus ? "" : " (ignored: ../shared/corpus is absent)"),
  ignore: !corpus,
  async fn(t) {
    await using fx = await createDocumentsFixture({
      env: { EXTRACTION_TIMEOUT_SECONDS: "30" },
    });
    await using _worker = await withWorker(fx);
    const { alice } = fx;
    const ids = new Map<string, string>();
    for (const entry of corpus!) {
      const bytes = await Deno.readFile(entry.path);
      const form = new FormData();
      form.append("file", new File([bytes], entry.file, { type: "application/pdf" }));
      const response = await alice.client.call("/api/documents", { method: "POST", body: form });
      const body = await response.json();
      if (bytes.length === 0) {
        // The zero-byte file is refused at the door with a clear error.
        assertEquals([response.status, body.error.code], [415, "documents.not_pdf"]);
        continue;
      }
      assertEquals(response.status, 202, `${entry.file}: ${JSON.stringify(body)}`);
      ids.set(entry.file, body.id);
    }

    for (const entry of corpus!) {
      const id = ids.get(entry.file);
      if (!id) continue;
      await t.step(entry.file, async () => {
        const doc = await waitForProcessed(alice.client, id, 120_000);
        const edge = EDGE_OUTCOMES[entry.file];
        if (edge && "error" in edge) {
          assertEquals(doc.status, "error");
          assert(String(doc.error_message).length > 20, "a reason a user can read");
          return;
        }
        assertEquals(doc.status, "ready", String(doc.error_message));
        const expected = edge
          ? { pages: edge.pages, text: edge.hasTextLayer }
          : { pages: entry.pages, text: entry.hasTextLayer };
        if (expected.pages !== null) assertEquals(doc.page_count, expected.pages);
        if (!expected.text) {
          // A scan may still carry a few letters; what matters is that it says so.
          if (!entry.file.startsWith("edge__")) assertEquals(doc.has_text_layer, false);
          return;
        }
        assertEquals(doc.has_text_layer, true);
        const { text } = await getJson(fx, `/api/documents/${id}/text`);
        assert(text.trim().length > 0, "a text layer means text");
        assert(doc.document_type || doc.ai_suggestion, "classified or waiting for review");
      });
    }

    await t.step("afterwards the worker still serves", async () => {
      const id = await uploadOk(fx.app, alice.client, makePdf({ pages: [INVOICE_TEXT] }));
      assertEquals((await waitForProcessed(alice.client, id)).status, "ready");
    });
  },
});
