/**
 * The documents workspace page (issue #5): server time to first byte of GET /documents
 * with 50 rows for a user with 100,000 documents on PostgreSQL, through the real server
 * (main.ts, a spawned process) with a signed-in session; and what the page ships to the
 * browser before any interaction — JavaScript (islands, shared chunks, the reviver) and
 * CSS, gzipped. Each figure also as a ratio to GET /health measured in the same run.
 */
import { gzipSync } from "node:zlib";
import { say } from "../lib/app/cli.ts";
import { openDatabase } from "../lib/app/db.ts";
import { silentLogger } from "../lib/app/logger.ts";
import { migrateToLatest } from "../lib/app/migrator.ts";
import { findPostgres, freePort, startPostgres } from "../lib/app/test_services.ts";
import { createApi, describeAnswer, sessionCookie } from "./_http.ts";
import {
  type BenchReport,
  createTempDir,
  formatMs,
  median,
  percentile,
  registerCleanup,
  spawnServer,
  waitReady,
} from "./_util.ts";
import { seedSearchDocuments } from "./search.ts";

export interface DocumentsPageBenchOptions {
  documents: number;
  /** Timed requests per URL (after warm-up). */
  requests: number;
}

const TTFB_TARGET_MS = 40;
const JS_TARGET_BYTES = 60 * 1024;
const PASSWORD = "Bench-Marking-Page-2026";

/** Milliseconds from sending the request until the response headers arrived. */
async function ttfb(url: string, headers: Record<string, string>): Promise<[number, Response]> {
  const started = performance.now();
  const response = await fetch(url, { headers });
  return [performance.now() - started, response];
}

async function timeUrl(url: string, headers: Record<string, string>, count: number) {
  const samples: number[] = [];
  for (let i = 0; i < count + 10; i++) {
    const [ms, response] = await ttfb(url, headers);
    if (response.status !== 200) {
      throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
    }
    await response.body?.cancel();
    if (i >= 10) samples.push(ms);
  }
  return samples;
}

/** Every script the page loads before interaction: its module scripts and their imports. */
async function shippedBytes(origin: string, html: string) {
  const scripts = new Set<string>();
  const queue = [
    ...html.matchAll(
      /<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g,
    ),
  ]
    .map((m) => new URL(m[1], origin).href);
  let js = 0;
  let jsGzip = 0;
  while (queue.length) {
    const url = queue.pop()!;
    if (scripts.has(url)) continue;
    scripts.add(url);
    const source = new Uint8Array(await (await fetch(url)).arrayBuffer());
    js += source.length;
    jsGzip += gzipSync(source, { level: 9 }).length;
    const text = new TextDecoder().decode(source);
    for (const m of text.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
      queue.push(new URL(m[1], url).href);
    }
  }
  const cssUrl = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
  const css = cssUrl
    ? new Uint8Array(await (await fetch(new URL(cssUrl, origin))).arrayBuffer())
    : null;
  return {
    files: scripts.size,
    js,
    jsGzip,
    css: css?.length ?? 0,
    cssGzip: css ? gzipSync(css, { level: 9 }).length : 0,
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export async function runDocumentsPageBench(
  options: DocumentsPageBenchOptions,
): Promise<BenchReport[]> {
  const postgres = await findPostgres();
  if (!postgres.ok) {
    return [{
      title: "documents page",
      columns: ["what", "figure"],
      rows: [],
      notes: [`skipped: PostgreSQL is needed (${postgres.reason})`],
      failures: [],
    }];
  }
  const pg = await startPostgres(postgres.value.bin);
  const unregister = registerCleanup(() => pg.stop());
  try {
    const handle = await openDatabase({ databaseUrl: pg.url, logger: silentLogger });
    try {
      await migrateToLatest(handle.db as never, silentLogger);
      await using dataDir = await createTempDir("docuvault-bench-page-");
      const port = freePort();
      await using server = await spawnServer({
        dataDir: dataDir.path,
        port,
        env: { PUBLIC_URL: `http://127.0.0.1:${port}`, WORKERS: "0", DATABASE_URL: pg.url },
      });
      await waitReady(server);
      using browser = createApi(server, { origin: server.url });
      const registered = await browser.send("POST", "/api/auth/register", {
        json: {
          email: "page-bench@bench.example.com",
          password: PASSWORD,
          full_name: "Page Bench",
        },
      });
      if (registered.status !== 201) {
        throw new Error(describeAnswer("POST /api/auth/register", registered));
      }
      const userId = (JSON.parse(registered.body) as { user: { id: string } }).user.id;
      say(`  seeding ${options.documents.toLocaleString("en")} documents on PostgreSQL…`);
      await seedSearchDocuments({ db: handle.db }, options.documents, userId);
      // The access token lives 15 minutes; sign in again after the long seeding.
      const signedIn = await browser.send("POST", "/api/auth/login", {
        json: { email: "page-bench@bench.example.com", password: PASSWORD },
      });
      if (signedIn.status !== 200) {
        throw new Error(describeAnswer("POST /api/auth/login", signedIn));
      }
      const headers = { cookie: sessionCookie(signedIn) };

      const health = await timeUrl(`${server.url}/health`, {}, options.requests);
      const urls = [
        ["/documents (first page, 50 rows)", "/documents"],
        ["/documents?q=invoice (search)", "/documents?q=invoice"],
      ] as const;
      const rows: string[][] = [];
      const failures: string[] = [];
      const notes: string[] = [];
      for (const [name, path] of urls) {
        const samples = await timeUrl(server.url + path, headers, options.requests);
        rows.push([
          name,
          formatMs(median(samples)),
          formatMs(percentile(samples, 95)),
          `${(median(samples) / median(health)).toFixed(1)}×`,
        ]);
        if (path === "/documents") {
          notes.push(
            `GET /documents at ${options.documents.toLocaleString("en")} documents: TTFB p95 ${
              formatMs(percentile(samples, 95))
            } (target < ${TTFB_TARGET_MS} ms)`,
          );
          if (percentile(samples, 95) >= TTFB_TARGET_MS) {
            failures.push(
              `/documents TTFB p95 ${formatMs(percentile(samples, 95))} ≥ ${TTFB_TARGET_MS} ms`,
            );
          }
        }
      }
      rows.push([
        "/health (baseline)",
        formatMs(median(health)),
        formatMs(percentile(health, 95)),
        "1.0×",
      ]);

      const page = await fetch(`${server.url}/documents`, { headers });
      const html = await page.text();
      const rowsOnPage = html.match(/class="doc-row[ "]/g)?.length ?? 0;
      if (rowsOnPage !== 50) failures.push(`the page showed ${rowsOnPage} rows, not 50`);
      const shipped = await shippedBytes(server.url, html);
      notes.push(
        `Shipped before interaction: JavaScript ${
          kb(shipped.jsGzip)
        } gzipped in ${shipped.files} ` +
          `files (${kb(shipped.js)} minified; target < 60 KiB gzipped); CSS ${
            kb(shipped.cssGzip)
          } ` +
          `gzipped (${kb(shipped.css)}); HTML ${
            kb(gzipSync(new TextEncoder().encode(html)).length)
          } ` +
          `gzipped (${kb(html.length)}), of which the islands' props are part.`,
      );
      if (shipped.jsGzip >= JS_TARGET_BYTES) {
        failures.push(`JavaScript ${kb(shipped.jsGzip)} gzipped ≥ 60 KiB`);
      }
      notes.push(
        "TTFB is measured from sending the request to the response headers, sequentially, " +
          "keep-alive, on the same machine; the page is rendered whole before its first byte.",
      );
      return [{
        title: "documents page",
        columns: ["request", "p50", "p95", "vs /health"],
        rows,
        notes,
        failures,
      }];
    } finally {
      await handle.close();
    }
  } finally {
    await pg.stop();
    await unregister();
  }
}
