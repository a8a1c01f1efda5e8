/**
 * The extractor end to end, with real child processes, on PDFs built by the tests (and
 * three encrypted fixtures). Limits, kills and isolation: extractor_limits_test.ts; the
 * shared corpus: corpus_test.ts.
 */
import { createMemoryLogger, silentLogger } from "../../app/logger.ts";
import {
  assert,
  assertEquals,
  assertInstanceOf,
  assertRejects,
  assertStringIncludes,
} from "../../shared/assert.ts";
import { ServiceUnavailableError } from "../../shared/errors.ts";
import { createExtractor } from "./extractor.ts";
import { ExtractionError } from "./extraction_types.ts";
import { buildLongPdf, buildPdf } from "./testing_pdf.ts";

const ENGLISH = [
  "Thank you for your order. The invoice is due within thirty days of the date",
  "shown above; please quote the invoice number with your payment.",
];

function readFixture(name: string): Promise<Uint8Array> {
  return Deno.readFile(new URL(`./testdata/${name}`, import.meta.url));
}

async function extractionError(promise: Promise<unknown>): Promise<ExtractionError> {
  const error = await assertRejects(() => promise);
  assertInstanceOf(error, ExtractionError);
  return error;
}

Deno.test("extractor - returns the text of each page, the page count, metadata and language", async () => {
  await using extractor = createExtractor({ logger: silentLogger });
  const pdf = buildPdf({
    pages: [ENGLISH, [], ["Second (page) \\ in Zürich:", "  spaced    out  "]],
    info: {
      Title: "Quarterly\treport",
      Author: "Ada Lovelace",
      Subject: "Invoices",
      Keywords: "invoice, 2024",
      Creator: "Writer",
      Producer: "DocuVault tests",
      CreationDate: "D:20240131120000+01'00'",
      ModDate: "D:20240201083000Z",
    },
  });
  const result = await extractor.extract(pdf);
  assertEquals(result.pageCount, 3);
  assertEquals(result.text.split("\f"), [
    ENGLISH.join("\n"),
    "",
    "Second (page) \\ in Zürich:\nspaced out",
  ]);
  assertEquals(result.hasTextLayer, true);
  assertEquals(result.language, "en");
  assertEquals(result.metadata, {
    title: "Quarterly report",
    author: "Ada Lovelace",
    subject: "Invoices",
    keywords: "invoice, 2024",
    creator: "Writer",
    producer: "DocuVault tests",
    creationDate: "2024-01-31T11:00:00.000Z",
    modificationDate: "2024-02-01T08:30:00.000Z",
  });
});

Deno.test("extractor - a PDF with next to no text has no text layer", async () => {
  await using extractor = createExtractor({ logger: silentLogger });
  // Page numbers and a stamp, as on scanned pages: 3 + 19 letters over three pages.
  const pdf = buildPdf({ pages: [["1"], ["2"], ["3", "Scanned by ScanApp"]] });
  const result = await extractor.extract(pdf);
  assertEquals(result.pageCount, 3);
  assertEquals(result.hasTextLayer, false);
  assertEquals(result.language, null);
  assertEquals(result.text, "1\f2\f3\nScanned by ScanApp");
});

Deno.test("extractor - reads at most maxPages pages and maxTextChars characters", async () => {
  await using fewPages = createExtractor({ logger: silentLogger, maxPages: 2 });
  const twoPages = await fewPages.extract(buildLongPdf(5));
  assertEquals(twoPages.pageCount, 5, "the page count still counts every page");
  assertEquals(twoPages.text.split("\f").length, 2);

  await using lessText = createExtractor({ logger: silentLogger, maxTextChars: 3_000 });
  // pdf.js leaves out glyphs beyond the page's edges, hence short lines, and few.
  const pages = ["é", "x"].map((char) => Array<string>(40).fill(char.repeat(50)));
  const cut = await lessText.extract(buildPdf({ pages }));
  assertEquals(cut.pageCount, 2);
  const full = pages.map((lines) => lines.join("\n")).join("\f");
  assertEquals(cut.text, full.slice(0, 3_000));
});

Deno.test("extractor - opens encrypted PDFs whose user password is empty", async () => {
  await using extractor = createExtractor({ logger: silentLogger });
  // Made with qpdf from a buildPdf() page: `qpdf --encrypt "" docuvault-owner 256` (AES-256)
  // and `--encrypt "" docuvault-owner 128 --use-aes=n --allow-weak-crypto` (RC4).
  for (const name of ["empty_user_password_aes256.pdf", "empty_user_password_rc4.pdf"]) {
    const result = await extractor.extract(await readFixture(name));
    assertStringIncludes(result.text, "DocuVault opens PDFs whose user password is empty.");
    assertEquals(result.metadata.title, "Empty user password", "metadata is decrypted too");
  }
});

Deno.test("extractor - a PDF that needs a password fails as encrypted, in words for users", async () => {
  await using extractor = createExtractor({ logger: silentLogger });
  // The same page, `qpdf --encrypt secret docuvault-owner 256`.
  const error = await extractionError(
    extractor.extract(await readFixture("user_password_aes256.pdf")),
  );
  assertEquals(error.reason, "encrypted");
  assertEquals(error.code, "extraction.encrypted");
  assertEquals(error.status, 422);
  assertEquals(error.expose, true);
  assertEquals(
    error.message,
    "This PDF is protected with a password; DocuVault cannot read its text.",
  );
});

Deno.test("extractor - bytes that are not a PDF fail as damaged, no bytes as empty", async () => {
  await using extractor = createExtractor({ logger: silentLogger });
  const notPdfs = [
    new TextEncoder().encode("Dear customer, this is a plain text file."),
    crypto.getRandomValues(new Uint8Array(4096)),
    buildPdf({ pages: [ENGLISH] }).slice(0, 60),
  ];
  for (const bytes of notPdfs) {
    const error = await extractionError(extractor.extract(bytes));
    assertEquals(error.reason, "damaged");
    assertEquals(
      error.message,
      "This file is damaged or is not a PDF, so DocuVault cannot read its text.",
    );
  }
  const empty = await extractionError(extractor.extract(new Uint8Array(0)));
  assertEquals(empty.reason, "empty");
  // Failures cost no child: the pool still works.
  assertEquals((await extractor.extract(buildPdf({ pages: [ENGLISH] }))).pageCount, 1);
});

Deno.test("extractor - runs several jobs at once on a pool of two children", async () => {
  const logger = createMemoryLogger("debug");
  await using extractor = createExtractor({ logger, poolSize: 2 });
  const pdfs = Array.from(
    { length: 6 },
    (_, i) => buildPdf({ pages: Array(i + 1).fill([`Document ${i}`]) }),
  );
  const results = await Promise.all(pdfs.map((pdf) => extractor.extract(pdf)));
  for (const [i, result] of results.entries()) {
    assertEquals(result.pageCount, i + 1);
    assertEquals(result.text, Array(i + 1).fill(`Document ${i}`).join("\f"));
  }
  const children = new Set(
    logger.lines.filter((line) => line.msg === "extracted pdf").map((line) =>
      line.extraction_child
    ),
  );
  assertEquals(children.size, 2, "both children took jobs");
});

Deno.test("extractor - an aborted signal cancels the job, queued or running", async (t) => {
  await using extractor = createExtractor({ logger: silentLogger, poolSize: 1 });
  const small = buildPdf({ pages: [ENGLISH] });

  await t.step("already aborted: rejects at once", async () => {
    const reason = new Error("the user went away");
    const error = await assertRejects(() =>
      extractor.extract(small, { signal: AbortSignal.abort(reason) })
    );
    assertEquals(error, reason);
  });

  await t.step("while running: the child is killed and the next job gets a new one", async () => {
    const controller = new AbortController();
    const running = extractor.extract(buildLongPdf(500), { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const aborted = performance.now();
    controller.abort();
    const error = await assertRejects(() => running);
    assertInstanceOf(error, DOMException);
    assertEquals(error.name, "AbortError");
    assert(performance.now() - aborted < 1_000, "the job stops at once");
    assertEquals((await extractor.extract(small)).pageCount, 1);
  });

  await t.step("while queued: only that job is dropped", async () => {
    const first = extractor.extract(buildLongPdf(20));
    const controller = new AbortController();
    const queued = extractor.extract(small, { signal: controller.signal });
    controller.abort();
    const error = await assertRejects(() => queued);
    assertEquals((error as DOMException).name, "AbortError");
    assertEquals((await first).pageCount, 20);
  });
});

Deno.test("extractor - close() kills the children and rejects running and waiting jobs", async () => {
  const extractor = createExtractor({ logger: silentLogger, poolSize: 1 });
  const jobs = [extractor.extract(buildLongPdf(500)), extractor.extract(buildLongPdf(1))];
  const errors = jobs.map((job) => job.then(() => null, (error) => error));
  await new Promise((resolve) => setTimeout(resolve, 300));
  await extractor.close();
  for (const error of await Promise.all(errors)) {
    assertInstanceOf(error, ServiceUnavailableError);
    assertEquals(error.code, "extraction.closed");
  }
  const later = await assertRejects(() => extractor.extract(buildLongPdf(1)));
  assertInstanceOf(later, ServiceUnavailableError);
  await extractor.close(); // a second close is harmless
});

Deno.test("createExtractor - refuses limits that are not positive integers", () => {
  for (
    const bad of [{ poolSize: 0 }, { timeoutMs: -1 }, { memoryLimitMb: 1.5 }, { maxPages: NaN }]
  ) {
    let error: unknown;
    try {
      createExtractor({ logger: silentLogger, ...bad });
    } catch (caught) {
      error = caught;
    }
    assertInstanceOf(error, RangeError);
  }
});

Deno.test("extractor - a child reports its memory with each answer, for its retirement", async () => {
  const logger = createMemoryLogger();
  await using extractor = createExtractor({ logger });
  for (let i = 0; i < 2; i++) {
    assertEquals((await extractor.extract(buildPdf({ pages: [ENGLISH] }))).pageCount, 1);
  }
  const jobs = logger.lines.filter((line) => line.msg === "extracted pdf");
  assertEquals(jobs.length, 2);
  for (const job of jobs) {
    // A child with pdf.js loaded holds some tens of MB; far below the default bound.
    const mb = Number(job.rss_mb_after);
    assert(mb >= 20 && mb < 768 * 0.75, `rss_mb_after ${job.rss_mb_after}`);
  }
  assertEquals(jobs[0].extraction_child, jobs[1].extraction_child, "no retirement below the bound");
});
