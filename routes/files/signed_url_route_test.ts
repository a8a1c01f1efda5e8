import { join } from "node:path";
import {
  call,
  createTestApp,
  createTestDeps,
  type TestDeps,
  testEnv,
} from "../../lib/app/testing.ts";
import { assert, assertEquals, assertStringIncludes } from "../../lib/shared/assert.ts";
import { createManualClock } from "../../lib/shared/clock.ts";
import { signGrant } from "../../lib/storage/signed_urls.ts";
import {
  chunkedStream,
  dispositionFilename,
  randomBytes,
  readAll,
  sha256Hex,
} from "../../lib/storage/storage_contract.ts";

const PDF = "application/pdf";

/** Everything the fs driver keeps in its temp dir (in-flight writes). */
async function tempFiles(deps: TestDeps): Promise<string[]> {
  assert(deps.config.storage.driver === "fs");
  try {
    return (await Array.fromAsync(Deno.readDir(join(deps.config.storage.root, ".tmp"))))
      .map((entry) => entry.name);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return [];
    throw error;
  }
}

async function assertNothingStored(deps: TestDeps, ...keys: string[]): Promise<void> {
  for (const key of keys) assertEquals(await deps.storage.head(key), null, `nothing at ${key}`);
  assertEquals(await tempFiles(deps), [], "no temp file left behind");
}

/** An error answer in the SPEC §5 shape: `{"error":{"code":…,"message":…}}`. */
async function assertError(res: Response, status: number, code: string, what = code) {
  assertEquals(res.status, status, what);
  assertEquals(res.headers.get("content-type"), "application/json", what);
  const body = await res.json();
  assertEquals(body.error.code, code, what);
  assertEquals(typeof body.error.message, "string", what);
}

/** How many files this process has open (Linux), or null where that cannot be seen. */
function openFileCount(): number | null {
  try {
    return Array.from(Deno.readDirSync("/proc/self/fd")).length;
  } catch {
    return null;
  }
}

async function* walkNames(dir: string): AsyncGenerator<string> {
  for await (const entry of Deno.readDir(dir)) {
    yield entry.name;
    if (entry.isDirectory) yield* walkNames(join(dir, entry.name));
  }
}

/** `url` with one query parameter set to `value`. */
function withParam(url: string, name: string, value: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set(name, value);
  return parsed.toString();
}

Deno.test("files route - signed uploads", async (t) => {
  const clock = createManualClock(new Date());
  await using deps = await createTestDeps({ storage: "fs", clock });
  const app = await createTestApp(deps);
  const sign = (key: string, size: number, expiresInSeconds = 600) =>
    deps.storage.signUpload(key, { size, contentType: PDF, expiresInSeconds });
  const put = (url: string, body: BodyInit, headers: Record<string, string> = {}) =>
    call(app, url, { method: "PUT", headers: { "content-type": PDF, ...headers }, body });

  await t.step("an upload to its signed URL is stored and answered with its SHA-256", async () => {
    const bytes = randomBytes(10_000);
    const { url, headers } = await sign("u1/ok/a.pdf", bytes.length);
    const res = await put(url, bytes, { ...headers, "content-length": String(bytes.length) });
    assertEquals(res.status, 200);
    assertEquals(res.headers.get("etag"), `"${await sha256Hex(bytes)}"`);
    assertEquals(await readAll((await deps.storage.get("u1/ok/a.pdf")).body), bytes);
    assertEquals(await tempFiles(deps), []);
  });

  await t.step("a tampered URL is refused with 403 bad_signature; nothing stored", async () => {
    const { url } = await sign("u1/tamper/a.pdf", 100);
    const query = new URL(url).searchParams;
    const sig = query.get("sig")!;
    const later = String(Number(query.get("exp")) + 3600);
    const tampered: [string, string, number][] = [
      ["sig", withParam(url, "sig", (sig[0] === "A" ? "B" : "A") + sig.slice(1)), 100],
      ["size", withParam(url, "size", "101"), 101],
      ["exp", withParam(url, "exp", later), 100],
      ["ct", withParam(url, "ct", "text/html"), 100],
      ["key", url.replace("/u1/tamper/a.pdf?", "/u1/tamper/b.pdf?"), 100],
      ["key owner", url.replace("/u1/tamper/a.pdf?", "/u2/tamper/a.pdf?"), 100],
    ];
    for (const [what, tamperedUrl, size] of tampered) {
      const contentType = what === "ct" ? "text/html" : PDF;
      const res = await put(tamperedUrl, randomBytes(size), { "content-type": contentType });
      await assertError(res, 403, "storage.bad_signature", `tampered ${what}`);
    }
    await assertNothingStored(deps, "u1/tamper/a.pdf", "u1/tamper/b.pdf", "u2/tamper/a.pdf");
  });

  await t.step("an expired URL is refused with 403; nothing stored", async () => {
    const fresh = await sign("u1/exp/fresh.pdf", 10, 60);
    const stale = await sign("u1/exp/stale.pdf", 10, 60);
    clock.advance(59_000);
    assertEquals((await put(fresh.url, randomBytes(10))).status, 200, "valid until it expires");
    clock.advance(2_000);
    await assertError(await put(stale.url, randomBytes(10)), 403, "storage.bad_signature");
    await assertNothingStored(deps, "u1/exp/stale.pdf");
  });

  await t.step("a body larger than signed is refused with 413; nothing stored", async () => {
    const declared = await sign("u1/big/declared.pdf", 1000);
    const res = await put(declared.url, randomBytes(1001), { "content-length": "1001" });
    await assertError(res, 413, "storage.too_large");

    const streamed = await sign("u1/big/streamed.pdf", 1000);
    const res2 = await put(streamed.url, chunkedStream(randomBytes(200_000), 4096));
    await assertError(res2, 413, "storage.too_large");

    const lying = await sign("u1/big/lying.pdf", 1000);
    const res3 = await put(lying.url, chunkedStream(randomBytes(5000), 100), {
      "content-length": "1000",
    });
    await assertError(res3, 413, "storage.too_large");
    await assertNothingStored(deps, "u1/big/declared.pdf", "u1/big/streamed.pdf");
    await assertNothingStored(deps, "u1/big/lying.pdf");
  });

  await t.step("a body shorter than signed is refused with 400; nothing stored", async () => {
    const { url } = await sign("u1/short/a.pdf", 1000);
    await assertError(await put(url, randomBytes(999)), 400, "storage.incomplete_upload");
    await assertError(await put(url, new Uint8Array()), 400, "storage.incomplete_upload");
    await assertNothingStored(deps, "u1/short/a.pdf");
  });

  await t.step("a Content-Type other than the signed one is refused with 403", async () => {
    const { url } = await sign("u1/ct/a.pdf", 10);
    for (const contentType of ["text/html", "application/octet-stream", ""]) {
      const res = await put(url, randomBytes(10), { "content-type": contentType });
      await assertError(res, 403, "storage.bad_signature");
    }
    await assertNothingStored(deps, "u1/ct/a.pdf");
  });

  await t.step("a used upload URL cannot be used again (409); the first bytes stay", async () => {
    const first = randomBytes(50);
    const { url } = await sign("u1/once/a.pdf", 50);
    assertEquals((await put(url, first)).status, 200);
    await assertError(await put(url, randomBytes(50)), 409, "storage.object_exists");
    assertEquals(await readAll((await deps.storage.get("u1/once/a.pdf")).body), first);
    assertEquals(await tempFiles(deps), []);
  });

  await t.step("a traversal in the URL path is refused and writes nothing", async () => {
    const { url } = await sign("u1/trav/a.pdf", 4);
    const attempts: [string, number][] = [
      ["u1/trav/..%2F..%2F..%2Fevil.pdf", 403],
      ["..%2Fevil.pdf", 403],
      ["u1/trav/.%2Fa.pdf", 403],
      ["%2E%2E/evil.pdf", 404], // the URL parser resolves it to /evil.pdf, outside /files/
    ];
    for (const [path, status] of attempts) {
      const res = await put(url.replace("u1/trav/a.pdf", path), new Uint8Array(4));
      assertEquals(res.status, status, path);
      await res.body?.cancel();
    }
    assertEquals(await tempFiles(deps), []);
    const written = await Array.fromAsync(walkNames(deps.tempDir));
    assert(!written.some((name) => name.startsWith("evil")), written.join(", "));
    assertEquals(await deps.storage.head("u1/trav/a.pdf"), null);
  });
});

Deno.test("files route - signed downloads", async (t) => {
  await using deps = await createTestDeps({ storage: "fs" });
  const app = await createTestApp(deps);
  const bytes = randomBytes(100);
  await deps.storage.put("u1/doc/file.pdf", bytes);
  const { url } = await deps.storage.signDownload("u1/doc/file.pdf", {
    expiresInSeconds: 600,
    filename: "Rechnung März.pdf",
    disposition: "attachment",
    contentType: PDF,
  });
  const get = (headers: Record<string, string> = {}) => call(app, url, { headers });

  await t.step("serves the bytes with type, file name and safe caching headers", async () => {
    const res = await get();
    assertEquals(res.status, 200);
    assertEquals(await res.bytes(), bytes);
    assertEquals(res.headers.get("content-type"), PDF);
    const disposition = res.headers.get("content-disposition") ?? "";
    assert(disposition.startsWith("attachment;"), disposition);
    assertEquals(dispositionFilename(disposition), "Rechnung März.pdf");
    assertEquals(res.headers.get("content-length"), "100");
    assertEquals(res.headers.get("accept-ranges"), "bytes");
    assertStringIncludes(res.headers.get("cache-control") ?? "", "private");
    assertEquals(res.headers.get("x-content-type-options"), "nosniff");
  });

  await t.step("Range: bytes=0-9 answers 206 with Content-Range", async () => {
    const res = await get({ range: "bytes=0-9" });
    assertEquals(res.status, 206);
    assertEquals(await res.bytes(), bytes.slice(0, 10));
    assertEquals(res.headers.get("content-range"), "bytes 0-9/100");
    assertEquals(res.headers.get("content-length"), "10");
  });

  await t.step("Range: bytes=-5 answers the last 5 bytes", async () => {
    const res = await get({ range: "bytes=-5" });
    assertEquals(res.status, 206);
    assertEquals(await res.bytes(), bytes.slice(95));
    assertEquals(res.headers.get("content-range"), "bytes 95-99/100");
  });

  await t.step("Range: bytes=90- answers from byte 90 to the end", async () => {
    const res = await get({ range: "bytes=90-" });
    assertEquals(res.status, 206);
    assertEquals(await res.bytes(), bytes.slice(90));
    assertEquals(res.headers.get("content-range"), "bytes 90-99/100");
  });

  await t.step("a range beyond the end is a 416 JSON error", async () => {
    for (const range of ["bytes=100-", "bytes=500-600"]) {
      await assertError(await get({ range }), 416, "storage.range_not_satisfiable");
    }
  });

  await t.step("HEAD answers the headers without a body and leaves no file open", async () => {
    const before = openFileCount();
    for (let i = 0; i < 10; i++) {
      const res = await call(app, url, { method: "HEAD" });
      assertEquals(res.status, 200);
      assertEquals(res.headers.get("content-length"), "100");
      assertEquals(res.headers.get("content-type"), PDF);
      assertEquals(await res.text(), "");
    }
    const after = openFileCount();
    assert(after === null || after - before! < 5, `open files: ${before} → ${after}`);
  });

  await t.step(
    "an inline PDF may be framed by this origin only; an attachment by none",
    async () => {
      const inline = await deps.storage.signDownload("u1/doc/file.pdf", {
        expiresInSeconds: 600,
        filename: "file.pdf",
        disposition: "inline",
        contentType: PDF,
      });
      const shown = await call(app, inline.url);
      await shown.body?.cancel();
      assertEquals(shown.status, 200);
      assertStringIncludes(
        shown.headers.get("content-security-policy") ?? "",
        "frame-ancestors 'self'",
      );
      assertEquals(shown.headers.get("x-frame-options"), "SAMEORIGIN");

      for (const res of [await get(), await call(app, withParam(inline.url, "sig", "x"))]) {
        await res.body?.cancel();
        const csp = res.headers.get("content-security-policy") ?? "";
        assertStringIncludes(csp, "frame-ancestors 'none'", `status ${res.status}`);
        assert(!csp.includes("frame-ancestors 'self'"), `status ${res.status}`);
        assertEquals(res.headers.get("x-frame-options"), "DENY", `status ${res.status}`);
      }
    },
  );

  await t.step("a signed download of a missing object is 404", async () => {
    const missing = await deps.storage.signDownload("u1/doc/gone.pdf", {
      expiresInSeconds: 600,
      filename: "gone.pdf",
      disposition: "inline",
      contentType: PDF,
    });
    await assertError(await call(app, missing.url), 404, "storage.not_found");
  });

  await t.step("a download URL cannot upload, an upload URL cannot download (403)", async () => {
    const res = await call(app, url, {
      method: "PUT",
      headers: { "content-type": PDF },
      body: randomBytes(100),
    });
    await assertError(res, 403, "storage.bad_signature");
    assertEquals(await readAll((await deps.storage.get("u1/doc/file.pdf")).body), bytes);

    const upload = await deps.storage.signUpload("u1/doc/file.pdf", {
      size: 100,
      contentType: PDF,
      expiresInSeconds: 600,
    });
    await assertError(await call(app, upload.url), 403, "storage.bad_signature");
    const other = await deps.storage.signUpload("u1/doc/new.pdf", {
      size: 100,
      contentType: PDF,
      expiresInSeconds: 600,
    });
    await assertError(await call(app, other.url), 403, "storage.bad_signature");
  });
});

const s3Skipped = testEnv.s3Endpoint
  ? ""
  : " (skipped: TEST_S3_ENDPOINT not set — run `deno task test`)";

Deno.test({
  name: `files route - does not exist with the S3 driver (404)${s3Skipped}`,
  ignore: !testEnv.s3Endpoint,
  async fn() {
    await using deps = await createTestDeps({ storage: "s3" });
    const app = await createTestApp(deps);
    await deps.storage.put("u1/doc/file.pdf", randomBytes(10));
    // A URL the fs driver would have signed, with a signature made by the app's own key.
    const path = await signGrant(deps.secrets.storageSigningKey, {
      method: "GET",
      key: "u1/doc/file.pdf",
      expiresAt: Math.floor(Date.now() / 1000) + 600,
      contentType: PDF,
      disposition: "inline",
    });
    await assertError(await call(app, path), 404, "not_found");
    const res = await call(app, path, {
      method: "PUT",
      headers: { "content-type": PDF },
      body: randomBytes(10),
    });
    await assertError(res, 404, "not_found");
  },
});
