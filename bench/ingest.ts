/**
 * The whole ingest pipeline on the embedded default, against a real server process with
 * the default single worker and the built-in classifier: every text PDF of the shared
 * corpus (no edge cases) is uploaded through the two-step flow (upload-url, PUT), then
 * all are confirmed one after the other, and the time runs from the first confirm until
 * every document is `ready` (or `error`). In the same run, poppler's `pdftotext` reads the
 * same files one after the other; the target is a pipeline wall time within 3× of it.
 * Each round starts a fresh server on a fresh data dir; figures are medians of the rounds.
 */
import { say } from "../lib/app/cli.ts";
import { freePort } from "../lib/app/test_services.ts";
import {
  CORPUS_DIR,
  type CorpusEntry,
  readCorpus,
} from "../lib/documents/extraction/testing_corpus.ts";
import {
  type BenchReport,
  createTempDir,
  formatKiB,
  formatMs,
  median,
  readRssKiB,
  sleep,
  spawnServer,
  waitReady,
} from "./_util.ts";
import { passPdftotext, PDFTOTEXT_MISSING, pdftotextVersion } from "./extraction.ts";
import { createApi, describeAnswer } from "./_http.ts";
import { listAllDocuments, signUpWithToken } from "./upload.ts";

export interface IngestBenchOptions {
  /** Rounds, each on a fresh server and data dir. */
  rounds: number;
}

/** The pipeline may take at most this many times pdftotext's wall time (medians). */
const TARGET_RATIO = 3;
/** GET /api/documents?status=uploaded&status=processing this often until none is left. */
/** Observation only: each poll is a query the server answers between jobs. */
const POLL_MS = 250;
const ROUND_TIMEOUT_MS = 15 * 60_000;

interface ListedDocument {
  id: string;
  filename: string;
  status: string;
  error_message: string | null;
  page_count: number | null;
  document_type: string | null;
  processed_at: string | null;
}

interface Round {
  /** upload-url + PUT of every file, one after the other (not part of the pipeline time). */
  uploadMs: number;
  /** From the first confirm until the last confirm's answer. */
  confirmMs: number;
  /** From the first confirm until the last document was ready (its processed_at). */
  wallMs: number;
  /** From the first confirm until the poll saw no document uploaded or processing. */
  seenMs: number;
  /** From the first confirm until the first / last `processed_at` (server clock). */
  firstProcessedMs: number | null;
  lastProcessedMs: number | null;
  ready: number;
  errors: { file: string; message: string }[];
  pages: number;
  classified: number;
  rssHwmKiB: number | null;
}

/** One round: a fresh server, every file uploaded, confirmed, and waited for. */
async function runRound(
  files: { entry: CorpusEntry; bytes: Uint8Array<ArrayBuffer> }[],
): Promise<Round> {
  await using dataDir = await createTempDir("docuvault-bench-ingest-");
  const port = freePort();
  await using server = await spawnServer({
    dataDir: dataDir.path,
    port,
    env: { PUBLIC_URL: `http://127.0.0.1:${port}` },
  });
  await waitReady(server);
  const auth = await signUpWithToken(server, "ingest-bench@bench.example.com");
  using api = createApi(server, auth);

  // Step 1 and 2 for every file; the pipeline starts with the confirms.
  const uploadStarted = performance.now();
  const pending: { id: string; file: string }[] = [];
  for (const { entry, bytes } of files) {
    const step1 = await api.send("POST", "/api/documents/upload-url", {
      json: { filename: entry.file, size: bytes.length, content_type: "application/pdf" },
    });
    if (step1.status !== 201) {
      throw new Error(describeAnswer(`POST /api/documents/upload-url (${entry.file})`, step1));
    }
    const target = JSON.parse(step1.body);
    const put = await api.fetchUrl(target.upload_url, {
      method: target.upload_method,
      headers: target.upload_headers,
      body: bytes,
    });
    if (put.status < 200 || put.status > 299) {
      throw new Error(describeAnswer(`PUT upload_url (${entry.file})`, put));
    }
    pending.push({ id: target.document_id, file: entry.file });
  }
  const uploadMs = performance.now() - uploadStarted;

  const firstConfirmAt = performance.now();
  const firstConfirmWall = Date.now();
  for (const { id, file } of pending) {
    const confirm = await api.send("POST", `/api/documents/${id}/confirm`);
    if (confirm.status !== 202) {
      throw new Error(describeAnswer(`POST /api/documents/{id}/confirm (${file})`, confirm));
    }
  }
  const confirmMs = performance.now() - firstConfirmAt;

  let seenMs: number;
  while (true) {
    const sent = performance.now();
    const answer = await api.send(
      "GET",
      "/api/documents?status=uploaded&status=processing&limit=1",
    );
    if (answer.status !== 200) {
      throw new Error(describeAnswer("GET /api/documents?status=…", answer));
    }
    if ((JSON.parse(answer.body).documents as unknown[]).length === 0) {
      seenMs = performance.now() - firstConfirmAt;
      break;
    }
    if (server.exited()) {
      throw new Error(`the server exited during the round:\n${server.outputTail()}`);
    }
    if (performance.now() - firstConfirmAt > ROUND_TIMEOUT_MS) {
      throw new Error(
        `documents still uploaded or processing after ${ROUND_TIMEOUT_MS / 1000} s:\n` +
          server.outputTail(),
      );
    }
    await sleep(Math.max(0, POLL_MS - (performance.now() - sent)));
  }
  const rssHwmKiB = await readRssKiB(server.pid, "VmHWM");

  const documents = await listAllDocuments<ListedDocument>(api);
  const fileOf = new Map(pending.map(({ id, file }) => [id, file]));
  const ours = documents.filter((doc) => fileOf.has(doc.id));
  if (ours.length !== pending.length) {
    throw new Error(`GET /api/documents lists ${ours.length} of the ${pending.length} documents`);
  }
  const processed = ours.filter((doc) => doc.processed_at)
    .map((doc) => Date.parse(doc.processed_at!) - firstConfirmWall);
  const ready = ours.filter((doc) => doc.status === "ready");
  return {
    uploadMs,
    confirmMs,
    // Every document has processed_at once it is ready or failed after extraction.
    wallMs: processed.length === ours.length ? Math.max(...processed) : seenMs,
    seenMs,
    firstProcessedMs: processed.length ? Math.min(...processed) : null,
    lastProcessedMs: processed.length ? Math.max(...processed) : null,
    ready: ready.length,
    errors: ours.filter((doc) => doc.status !== "ready").map((doc) => ({
      file: fileOf.get(doc.id)!,
      message: `${doc.status}: ${doc.error_message ?? "no message"}`,
    })),
    pages: ready.reduce((sum, doc) => sum + (doc.page_count ?? 0), 0),
    classified: ready.filter((doc) => doc.document_type !== null).length,
    rssHwmKiB,
  };
}

function range(ms: number[]): string {
  return ms.length ? `${formatMs(Math.min(...ms))}–${formatMs(Math.max(...ms))}` : "—";
}

function rates(ms: number, documents: number, pages: number): string[] {
  const seconds = ms / 1000;
  return [(documents / seconds).toFixed(1), (pages / seconds).toFixed(0)];
}

export async function runIngestBench(options: IngestBenchOptions): Promise<BenchReport[]> {
  const title = "Ingest pipeline: corpus text PDFs, first confirm → all ready (1 worker, " +
    "built-in classifier)";
  const columns = [
    "",
    "docs",
    "pages",
    "median wall",
    "range",
    "docs/s",
    "pages/s",
    "vs pdftotext",
  ];
  const corpus = readCorpus();
  const entries = (corpus ?? []).filter((e) => e.hasTextLayer && e.type !== "edge");
  if (entries.length === 0) {
    const note = corpus === null
      ? `skipped: no corpus at ${CORPUS_DIR}`
      : `skipped: the corpus at ${CORPUS_DIR} has no text PDF`;
    say(`  ${note}`);
    return [{ title, columns, rows: [], notes: [note] }];
  }
  const files = await Promise.all(
    entries.map(async (entry) => ({ entry, bytes: await Deno.readFile(entry.path) })),
  );
  const totalBytes = files.reduce((sum, f) => sum + f.bytes.length, 0);
  const version = await pdftotextVersion();
  if (version) {
    // Unmeasured: warms the page cache and pdftotext's binary.
    await passPdftotext(entries);
  } else {
    say(`  ${PDFTOTEXT_MISSING}`);
  }

  const failures: string[] = [];
  const rounds: Round[] = [];
  const poppler: number[] = [];
  for (let i = 1; i <= options.rounds; i++) {
    const round = await runRound(files);
    rounds.push(round);
    // With the server stopped, so the two do not compete for the cores.
    if (version) poppler.push(await passPdftotext(entries));
    say(
      `  round ${i}/${options.rounds}: ${round.ready}/${files.length} ready, ` +
        `${round.errors.length} error, ${round.pages} pages in ${formatMs(round.wallMs)}` +
        (version
          ? `; pdftotext ${formatMs(poppler.at(-1)!)} (${
            (round.wallMs / poppler.at(-1)!).toFixed(1)
          }×)`
          : ""),
    );
    for (const { file, message } of round.errors) {
      failures.push(`round ${i}: ${file} ended ${message.slice(0, 200)}`);
    }
  }

  const wall = rounds.map((r) => r.wallMs);
  const pages = median(rounds.map((r) => r.pages));
  const ratio = version ? median(wall) / median(poppler) : null;
  if (ratio !== null && ratio > TARGET_RATIO) {
    failures.push(
      `the pipeline took ${ratio.toFixed(2)}× pdftotext's wall time (target ≤ ${TARGET_RATIO}×)`,
    );
  }
  const summary: BenchReport = {
    title,
    columns,
    rows: [
      [
        "DocuVault: confirm → ready (extract, classify, index)",
        String(files.length),
        String(pages),
        formatMs(median(wall)),
        range(wall),
        ...rates(median(wall), files.length, pages),
        ratio === null
          ? "n/a"
          : `${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×: ${
            ratio <= TARGET_RATIO ? "met" : "MISSED"
          })`,
      ],
      version
        ? [
          "pdftotext (one process per file, sequential)",
          String(files.length),
          String(pages),
          formatMs(median(poppler)),
          range(poppler),
          ...rates(median(poppler), files.length, pages),
          "1×",
        ]
        : ["pdftotext", "—", "—", PDFTOTEXT_MISSING, "", "", "", ""],
    ],
    notes: [
      `${files.length} corpus PDFs with a text layer, no edge cases (` +
      `${(totalBytes / 1e6).toFixed(1)} MB); ${options.rounds} rounds, each on a fresh ` +
      "server and data dir (embedded default, WORKERS=1, no AI endpoint), so each round " +
      "includes starting the extraction child; cells are the medians of the rounds.",
      "Wall time: from sending the first confirm (all files already PUT) until the last " +
      "document's processed_at (the server's clock; the same machine). The confirms are " +
      "sent one after the other and the worker starts on the first at once. " +
      `GET /api/documents?status=uploaded&status=processing, polled every ${POLL_MS} ms, ` +
      "confirms that none is left. Pages are the documents' page_count.",
      version
        ? `pdftotext: ${version}, \`pdftotext -q -enc UTF-8 <file> -\` per file with the ` +
          "output read, after the server of the round has stopped; one unmeasured warm-up " +
          "pass first."
        : PDFTOTEXT_MISSING,
      `The server and the bench share ${navigator.hardwareConcurrency} cores.`,
    ],
    failures,
  };
  const perRound: BenchReport = {
    title: "Ingest pipeline, per round",
    columns: [
      "round",
      "upload-url + PUT (all)",
      "confirms (all)",
      "first processed",
      "last processed",
      "seen by the poll",
      "ready / error",
      "classified",
      "pdftotext",
      "ratio",
      "server VmHWM",
    ],
    rows: rounds.map((r, i) => [
      String(i + 1),
      formatMs(r.uploadMs),
      formatMs(r.confirmMs),
      r.firstProcessedMs === null ? "—" : formatMs(r.firstProcessedMs),
      r.lastProcessedMs === null ? "—" : formatMs(r.lastProcessedMs),
      formatMs(r.seenMs),
      `${r.ready} / ${r.errors.length}`,
      `${r.classified}/${r.ready}`,
      version ? formatMs(poppler[i]) : "n/a",
      version ? `${(r.wallMs / poppler[i]).toFixed(2)}×` : "n/a",
      formatKiB(r.rssHwmKiB),
    ]),
    notes: [
      "first/last processed: the documents' processed_at (server clock, ms resolution) " +
      "after the first confirm was sent (last processed is the wall time); seen by the " +
      `poll: up to ${POLL_MS} ms later. classified: ready documents given a document type.`,
      "Server VmHWM is the server process's peak RSS; the extraction runs in a child " +
      "process whose memory is not in it.",
    ],
    failures: [],
  };
  return [summary, perRound];
}
