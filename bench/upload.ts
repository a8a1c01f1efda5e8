/**
 * Uploads through the two-step flow on the embedded default (PGlite + local files),
 * against a real server process with WORKERS=0, so no processing competes with them:
 * `POST /api/documents/upload-url` → `PUT` the bytes to the signed URL → `POST
 * /api/documents/{id}/confirm`. A number of clients upload distinct PDFs of one size,
 * each one after the other, until all are done. Reported: throughput, p50/p95 of each
 * step, errors (there must be none), the server's peak RSS, and the quota check: the
 * account's `used_bytes` must equal the sum of its confirmed documents' sizes exactly.
 *
 * The cost of confirm is set against an authenticated GET measured in the same run:
 * GET /api/users/me and GET /health are sampled on their own connection during the
 * load, and a second account then uploads a few files one at a time, each followed by
 * the two GETs (unloaded).
 *
 * Every request authenticates with a personal API token (`Authorization: Bearer dv_…`),
 * as a script would; only the registration and the token's creation use the browser
 * session (with Origin = PUBLIC_URL for the CSRF check).
 */
import { say } from "../lib/app/cli.ts";
import { loadConfig } from "../lib/app/config.ts";
import { buildDeps } from "../lib/app/deps.ts";
import { silentLogger } from "../lib/app/logger.ts";
import { freePort } from "../lib/app/test_services.ts";
import { makePdf } from "../lib/documents/testing/make_pdf.ts";
import { getSetting, setSetting } from "../lib/settings/settings_service.ts";
import {
  type BenchReport,
  createTempDir,
  formatKiB,
  formatMs,
  median,
  percentile,
  readRssKiB,
  sampleRssPeak,
  type ServerProcess,
  sleep,
  spawnServer,
  waitReady,
} from "./_util.ts";
import { type Answer, type BenchApi, createApi, describeAnswer, sessionCookie } from "./_http.ts";

export interface UploadBenchOptions {
  /** Uploads in all, shared out among the clients. */
  uploads: number;
  /** Clients uploading at the same time, each one upload after the other. */
  concurrency: number;
  /** Size of every PDF, exactly. */
  sizeBytes: number;
}

/** Meets the password policy (upper, lower, digit, special, no common word). */
export const BENCH_PASSWORD = "Bench-Vault-7391!";
/** Uploads of the second account, one at a time, for the unloaded comparison. */
const UNLOADED_UPLOADS = 30;
/** The sampler sends a GET this often during the load (alternating the two endpoints). */
const SAMPLE_INTERVAL_MS = 50;
const MiB = 1024 * 1024;

/**
 * Register an account through the API (browser session, Origin = the server's origin)
 * and create a personal API token with it; returns the token's headers for scripts.
 */
export async function signUpWithToken(
  server: ServerProcess,
  email: string,
): Promise<Record<string, string>> {
  using browser = createApi(server, { origin: server.url });
  const registered = await browser.send("POST", "/api/auth/register", {
    json: { email, password: BENCH_PASSWORD, full_name: email },
  });
  if (registered.status !== 201) {
    throw new Error(describeAnswer("POST /api/auth/register", registered));
  }
  const created = await browser.send("POST", "/api/users/me/tokens", {
    json: { name: "bench" },
    headers: { cookie: sessionCookie(registered) },
  });
  if (created.status !== 201) {
    throw new Error(describeAnswer("POST /api/users/me/tokens", created));
  }
  const { token } = JSON.parse(created.body) as { token: string };
  return { authorization: `Bearer ${token}` };
}

// ── the two-step upload ─────────────────────────────────────────────────────────────

export interface UploadResult {
  /** ms of each step that was sent (in order: upload-url, PUT, confirm). */
  uploadUrlMs?: number;
  putMs?: number;
  confirmMs?: number;
  /** The document JSON confirm answered with (202), or null when a step failed. */
  document: { id: string; size_bytes: number; status: string } | null;
  /** What went wrong, or null. */
  error: string | null;
}

/** One upload: upload-url, PUT to the signed URL, confirm. Never throws. */
export async function uploadOnce(
  api: BenchApi,
  filename: string,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<UploadResult> {
  const step1 = await api.send("POST", "/api/documents/upload-url", {
    json: { filename, size: bytes.length, content_type: "application/pdf" },
  });
  if (step1.status !== 201) {
    return { document: null, error: describeAnswer("POST /api/documents/upload-url", step1) };
  }
  const target = JSON.parse(step1.body) as {
    document_id: string;
    upload_url: string;
    upload_method: string;
    upload_headers: Record<string, string>;
  };
  const put = await api.fetchUrl(target.upload_url, {
    method: target.upload_method,
    headers: target.upload_headers,
    body: bytes,
  });
  if (put.status < 200 || put.status > 299) {
    return {
      uploadUrlMs: step1.ms,
      document: null,
      error: describeAnswer(`${target.upload_method} upload_url`, put),
    };
  }
  const confirm = await api.send("POST", `/api/documents/${target.document_id}/confirm`);
  if (confirm.status !== 202) {
    return {
      uploadUrlMs: step1.ms,
      putMs: put.ms,
      document: null,
      error: describeAnswer("POST /api/documents/{id}/confirm", confirm),
    };
  }
  return {
    uploadUrlMs: step1.ms,
    putMs: put.ms,
    confirmMs: confirm.ms,
    document: JSON.parse(confirm.body),
    error: null,
  };
}

/** Every document of the account (GET /api/documents, page after page). */
export async function listAllDocuments<T = Record<string, unknown>>(
  api: BenchApi,
  query = "",
): Promise<T[]> {
  const documents: T[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams(query);
    params.set("limit", "100");
    if (cursor) params.set("cursor", cursor);
    const answer = await api.send("GET", `/api/documents?${params}`);
    if (answer.status !== 200) throw new Error(describeAnswer("GET /api/documents", answer));
    const page = JSON.parse(answer.body) as { documents: T[]; next_cursor: string | null };
    documents.push(...page.documents);
    cursor = page.next_cursor;
  } while (cursor);
  return documents;
}

/**
 * Distinct valid PDFs of exactly `sizeBytes`: makePdf's output for a text with a
 * fixed-width counter, made once; each PDF is a copy with the counter's digits replaced
 * (same length, so every offset stays right). makePdf itself takes ~0.3 s per MiB of
 * padding, which would otherwise be most of the client's time.
 */
export function pdfFactory(sizeBytes: number, label: string): (index: number) => Uint8Array<
  ArrayBuffer
> {
  const digits = 8;
  const text = (index: number) =>
    `DocuVault upload bench ${label}, file #${String(index).padStart(digits, "0")}`;
  const template = makePdf({ pages: [text(0)], title: "Upload bench", sizeBytes });
  if (template.length !== sizeBytes) {
    throw new Error(`makePdf made ${template.length} bytes, not ${sizeBytes}`);
  }
  const marker = new TextEncoder().encode(text(0));
  const found = indexOf(template, marker);
  if (found < 0) throw new Error("the counter was not found in the template PDF");
  const at = found + marker.length - digits;
  return (index) => {
    const copy = template.slice();
    copy.set(new TextEncoder().encode(String(index).padStart(digits, "0")), at);
    return copy;
  };
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

// ── the bench ───────────────────────────────────────────────────────────────────────

/**
 * Set the quota a new account gets, before the server starts: the app's own settings
 * service on the data dir's embedded database, opened (and closed again, releasing the
 * data-dir lock) the way admin tasks open it.
 */
async function setDefaultQuota(dataDir: string, bytes: number): Promise<number> {
  const deps = await buildDeps(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "warn" }, dataDir), {
    migrate: true,
    logger: silentLogger,
  });
  try {
    await setSetting(deps, "default_quota_bytes", bytes, null);
    return await getSetting(deps, "default_quota_bytes");
  } finally {
    await deps.close();
  }
}

interface Sampled {
  me: number[];
  health: number[];
  bad: Answer[];
}

/** GET /api/users/me and GET /health in turn, every SAMPLE_INTERVAL_MS, until `stop()`. */
function sampleGets(server: ServerProcess, auth: Record<string, string>) {
  const api = createApi(server, auth);
  const sampled: Sampled = { me: [], health: [], bad: [] };
  let running = true;
  const loop = (async () => {
    for (let i = 0; running; i++) {
      const me = i % 2 === 0;
      const answer = await api.send("GET", me ? "/api/users/me" : "/health");
      if (answer.status === 200) (me ? sampled.me : sampled.health).push(answer.ms);
      else sampled.bad.push(answer);
      await sleep(Math.max(0, SAMPLE_INTERVAL_MS - answer.ms));
    }
  })();
  return {
    async stop(): Promise<Sampled> {
      running = false;
      await loop;
      api[Symbol.dispose]();
      return sampled;
    },
  };
}

function latencyRow(what: string, load: string, values: number[]): string[] {
  if (values.length === 0) return [what, load, "0", "—", "—", "—"];
  return [
    what,
    load,
    String(values.length),
    formatMs(median(values)),
    formatMs(percentile(values, 95)),
    formatMs(Math.max(...values)),
  ];
}

function ratio(a: number[], b: number[]): string {
  return a.length && b.length ? `${(median(a) / median(b)).toFixed(1)}×` : "n/a";
}

function formatSize(bytes: number): string {
  return bytes % MiB === 0 ? `${bytes / MiB} MiB` : `${bytes} B`;
}

export async function runUploadBench(options: UploadBenchOptions): Promise<BenchReport[]> {
  const { uploads, concurrency, sizeBytes } = options;
  const failures: string[] = [];
  const notes: string[] = [];
  const label = crypto.randomUUID().slice(0, 8);
  const pdf = pdfFactory(sizeBytes, label);
  // The factory's copies must be what makePdf makes for that text (checked on one).
  const check = makePdf({
    pages: [`DocuVault upload bench ${label}, file #${String(uploads - 1).padStart(8, "0")}`],
    title: "Upload bench",
    sizeBytes,
  });
  if (!sameBytes(pdf(uploads - 1), check)) {
    throw new Error("the PDF factory's copies differ from makePdf's output");
  }

  await using dataDir = await createTempDir("docuvault-bench-upload-");
  // Room for both accounts' uploads and then some: the quota must never refuse one.
  const quotaBytes = (uploads + UNLOADED_UPLOADS) * sizeBytes + 64 * MiB;
  const setQuota = await setDefaultQuota(dataDir.path, quotaBytes);
  if (setQuota !== quotaBytes) {
    throw new Error(`default_quota_bytes reads ${setQuota} after setting ${quotaBytes}`);
  }

  const port = freePort();
  await using server = await spawnServer({
    dataDir: dataDir.path,
    port,
    env: { PUBLIC_URL: `http://127.0.0.1:${port}`, WORKERS: "0" },
  });
  await waitReady(server);
  say(`  server ready (pid ${server.pid}, ${server.url}, WORKERS=0)`);

  const auth = await signUpWithToken(server, "upload-bench@bench.example.com");
  const rssBeforeKiB = await readRssKiB(server.pid);

  // (a) `concurrency` clients, each uploading one file after the other.
  const results: UploadResult[] = [];
  let next = 0;
  const rss = sampleRssPeak(server.pid);
  const sampler = sampleGets(server, auth);
  const started = performance.now();
  const lanes = Array.from({ length: Math.min(concurrency, uploads) }, async () => {
    using api = createApi(server, auth);
    while (next < uploads) {
      const index = next++;
      results[index] = await uploadOnce(api, `bench-${label}-${index}.pdf`, pdf(index));
    }
  });
  await Promise.all(lanes);
  const wallMs = performance.now() - started;
  const duringLoad = await sampler.stop();
  const rssPeakKiB = await rss.stop();

  const ok = results.filter((r) => r.document !== null);
  const errors = results.filter((r) => r.error !== null);
  if (errors.length > 0) {
    failures.push(
      `${errors.length} of ${uploads} uploads failed; first: ${errors[0].error}`,
    );
  }
  if (duringLoad.bad.length > 0) {
    failures.push(
      `${duringLoad.bad.length} sampled GETs failed during the load; first: ${
        describeAnswer("GET", duringLoad.bad[0])
      }`,
    );
  }
  const wrongSize = ok.filter((r) => r.document!.size_bytes !== sizeBytes);
  if (wrongSize.length > 0) {
    failures.push(
      `${wrongSize.length} confirmed documents have size_bytes ≠ ${sizeBytes} (first: ` +
        `${wrongSize[0].document!.size_bytes})`,
    );
  }
  const seconds = wallMs / 1000;
  say(
    `  ${ok.length}/${uploads} uploads of ${formatSize(sizeBytes)} by ${concurrency} clients in ` +
      `${formatMs(wallMs)}: ${(ok.length / seconds).toFixed(1)} uploads/s, ` +
      `${(ok.length * sizeBytes / 1e6 / seconds).toFixed(1)} MB/s; server RSS peak ` +
      `${formatKiB(rssPeakKiB)}`,
  );

  // The quota check: exactly the bytes of the confirmed documents, as the server lists them.
  let quotaCell = "n/a";
  {
    using api = createApi(server, auth);
    const quotaAnswer = await api.send("GET", "/api/users/me/quota");
    if (quotaAnswer.status !== 200) {
      failures.push(describeAnswer("GET /api/users/me/quota", quotaAnswer));
    } else {
      const quota = JSON.parse(quotaAnswer.body) as { used_bytes: number; limit_bytes: number };
      const listed = await listAllDocuments<{ size_bytes: number; status: string }>(api);
      const listedBytes = listed.reduce((sum, doc) => sum + doc.size_bytes, 0);
      const expected = uploads * sizeBytes;
      const exact = quota.used_bytes === listedBytes && quota.used_bytes === expected &&
        listed.length === uploads;
      quotaCell = `${quota.used_bytes} B ${exact ? "= " : "≠ "}${listed.length} × ${sizeBytes} B` +
        (exact ? " ✓" : "");
      if (!exact) {
        failures.push(
          `quota used_bytes ${quota.used_bytes} B; the ${listed.length} listed documents hold ` +
            `${listedBytes} B; expected ${uploads} × ${sizeBytes} = ${expected} B`,
        );
      }
      if (quota.limit_bytes !== quotaBytes) {
        failures.push(
          `quota limit_bytes is ${quota.limit_bytes}, not the default_quota_bytes set ` +
            `(${quotaBytes}): the check above may not be exact`,
        );
      }
      const statuses = [...new Set(listed.map((doc) => doc.status))].join(", ");
      notes.push(
        `Quota: GET /api/users/me/quota says used_bytes ${quota.used_bytes} of limit ` +
          `${quota.limit_bytes} (default_quota_bytes set to ${quotaBytes} on the data dir before ` +
          `the server started; the default is 100 MiB); the ${listed.length} documents listed ` +
          `by GET /api/documents hold ${listedBytes} B (status: ${statuses || "none"}).`,
      );
    }
  }

  // (b) Unloaded: a second account, one upload at a time, each followed by the two GETs.
  const unloaded = { uploadUrl: [] as number[], put: [] as number[], confirm: [] as number[] };
  const unloadedGets: Sampled = { me: [], health: [], bad: [] };
  {
    const auth2 = await signUpWithToken(server, "upload-bench-2@bench.example.com");
    using api = createApi(server, auth2);
    for (let i = 0; i < UNLOADED_UPLOADS; i++) {
      const result = await uploadOnce(api, `bench-${label}-b${i}.pdf`, pdf(uploads + i));
      if (result.error) {
        failures.push(`unloaded upload ${i + 1}: ${result.error}`);
        break;
      }
      unloaded.uploadUrl.push(result.uploadUrlMs!);
      unloaded.put.push(result.putMs!);
      unloaded.confirm.push(result.confirmMs!);
      for (const path of ["/api/users/me", "/health"]) {
        const answer = await api.send("GET", path);
        if (answer.status !== 200) unloadedGets.bad.push(answer);
        else (path === "/health" ? unloadedGets.health : unloadedGets.me).push(answer.ms);
      }
    }
    if (unloadedGets.bad.length > 0) {
      failures.push(describeAnswer("an unloaded GET", unloadedGets.bad[0]));
    }
  }
  say(
    `  unloaded p50: confirm ${formatMs(median(unloaded.confirm))}, GET /api/users/me ` +
      `${formatMs(median(unloadedGets.me))} (${ratio(unloaded.confirm, unloadedGets.me)}); ` +
      `under load: confirm ${formatMs(median(ok.map((r) => r.confirmMs!)))}, GET /api/users/me ` +
      `${formatMs(median(duringLoad.me))} (${ratio(ok.map((r) => r.confirmMs!), duringLoad.me)})`,
  );
  const rssHwmKiB = await readRssKiB(server.pid, "VmHWM");
  if (server.exited()) {
    failures.push(`the server exited during the bench:\n${server.outputTail()}`);
  }

  const load = `${concurrency} clients`;
  const step = (pick: (r: UploadResult) => number | undefined) =>
    results.map(pick).filter((ms): ms is number => ms !== undefined);
  const whole = ok.map((r) => r.uploadUrlMs! + r.putMs! + r.confirmMs!);
  const confirmLoaded = step((r) => r.confirmMs);
  const throughput: BenchReport = {
    title: `Uploads: ${uploads} × ${formatSize(sizeBytes)} PDFs, ${concurrency} concurrent ` +
      "clients, two-step flow (WORKERS=0)",
    columns: [
      "uploads ok",
      "errors",
      "wall time",
      "uploads/s",
      "MB/s",
      "quota used_bytes = stored sizes",
      "server RSS peak",
    ],
    rows: [[
      `${ok.length}/${uploads}`,
      String(errors.length),
      formatMs(wallMs),
      (ok.length / seconds).toFixed(1),
      (ok.length * sizeBytes / 1e6 / seconds).toFixed(1),
      quotaCell,
      formatKiB(rssPeakKiB),
    ]],
    notes: [
      `Each client uploads one file after the other on its own connection pool until all ` +
      `${uploads} are done; wall time from the first request to the last answer. MB/s is ` +
      `10^6 bytes of PDF per second.`,
      `Every PDF is distinct and valid, exactly ${sizeBytes} bytes (makePdf with a counter in ` +
      "its text, padded); requests authenticate with an API token (Bearer).",
      ...notes,
      `Server VmRSS: ${formatKiB(rssBeforeKiB)} before the uploads, peak ` +
      `${formatKiB(rssPeakKiB)} during them (sampled every 100 ms), VmHWM ` +
      `${formatKiB(rssHwmKiB)} at the end.`,
      `The bench process and the server share ${navigator.hardwareConcurrency} cores.`,
    ],
    failures,
  };
  const latency: BenchReport = {
    title: "Upload steps: latency of each request, and confirm against an authenticated GET",
    columns: ["request", "load", "n", "p50", "p95", "max"],
    rows: [
      latencyRow("POST /api/documents/upload-url", load, step((r) => r.uploadUrlMs)),
      latencyRow(`PUT upload_url (${formatSize(sizeBytes)})`, load, step((r) => r.putMs)),
      latencyRow("POST /api/documents/{id}/confirm", load, confirmLoaded),
      latencyRow("whole upload (the three requests)", load, whole),
      latencyRow(`GET /api/users/me (sampled during the uploads)`, load, duringLoad.me),
      latencyRow(`GET /health (sampled during the uploads)`, load, duringLoad.health),
      [
        "ratio confirm / GET /api/users/me",
        load,
        "",
        ratio(confirmLoaded, duringLoad.me),
        "",
        "",
      ],
      latencyRow("POST /api/documents/upload-url", "unloaded", unloaded.uploadUrl),
      latencyRow(`PUT upload_url (${formatSize(sizeBytes)})`, "unloaded", unloaded.put),
      latencyRow("POST /api/documents/{id}/confirm", "unloaded", unloaded.confirm),
      latencyRow("GET /api/users/me", "unloaded", unloadedGets.me),
      latencyRow("GET /health", "unloaded", unloadedGets.health),
      [
        "ratio confirm / GET /api/users/me",
        "unloaded",
        "",
        ratio(unloaded.confirm, unloadedGets.me),
        "",
        "",
      ],
      ["ratio confirm / GET /health", "unloaded", "", ratio(unloaded.confirm, unloadedGets.health)]
        .concat(["", ""]),
    ],
    notes: [
      "Each request timed from sending it until its body was read, on kept-alive connections.",
      `Under load: GET /api/users/me (Bearer) and GET /health, alternately every ` +
      `${SAMPLE_INTERVAL_MS} ms on a connection of their own, while the ${concurrency} ` +
      "clients upload.",
      `Unloaded: a second account uploads ${UNLOADED_UPLOADS} files one at a time after the ` +
      "load, each followed by GET /api/users/me and GET /health (its quota is its own, so " +
      "the check above is untouched).",
      "confirm reads the object's size and first KiB from storage, charges the quota and " +
      "queues the processing job in one transaction, writes the audit entry and answers " +
      "with the document; GET /api/users/me checks the token and serialises the user.",
    ],
    failures: [],
  };
  return [throughput, latency];
}
