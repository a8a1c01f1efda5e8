/**
 * main.ts as a real process: start-up errors, the data dir it creates, the single-process
 * guard of the embedded database, and graceful shutdown with a request in flight.
 */
import { importSigningKey, signGrant } from "./lib/storage/signed_urls.ts";
import { createProcessEnv, spawnDeno, type Spawned } from "./lib/app/testing_process.ts";
import { assert, assertEquals, assertStringIncludes } from "./lib/shared/assert.ts";

async function listening(app: Spawned): Promise<string> {
  const line = await app.waitForLog(
    (l) => l.msg === "DocuVault is ready",
    "the server to start",
    60_000,
  );
  const port = String(line.listening).split(":").pop();
  return `http://127.0.0.1:${port}`;
}

async function exists(path: string) {
  return await Deno.stat(path).then(() => true, () => false);
}

Deno.test("main - a malformed environment stops start-up, naming each bad variable", async () => {
  await using app = spawnDeno("main.ts", {
    env: { PORT: "eighty", STORAGE_DRIVER: "ftp", DATA_DIR: "/nonexistent-never-created" },
  });
  const status = await app.status;
  assertEquals(status.code, 1);
  const stderr = app.stderr();
  assertStringIncludes(stderr, "invalid configuration");
  assertStringIncludes(stderr, 'PORT: expected a whole number from 0 to 65535; got "eighty"');
  assertStringIncludes(stderr, 'STORAGE_DRIVER: expected one of fs, s3; got "ftp"');
  assert(!(await exists("/nonexistent-never-created")), "nothing is created on bad config");
});

Deno.test("main - first start creates the data dir; a second process on it is refused", async () => {
  const proc = await createProcessEnv();
  try {
    await using first = spawnDeno("main.ts", { env: proc.env });
    const url = await listening(first);
    assertEquals((await fetch(`${url}/ready`).then((r) => r.json())).status, "ready");
    if (!proc.databaseUrl) assert(await exists(`${proc.dataDir}/db/PG_VERSION`), "PGlite database");
    assert(await exists(`${proc.dataDir}/kv.sqlite3`), "KV file");
    assert(await exists(`${proc.dataDir}/files`), "files directory");
    const mode = (await Deno.stat(`${proc.dataDir}/secrets/storage-signing.key`)).mode! & 0o777;
    assertEquals(mode, 0o600, "generated secrets are private");

    await using second = spawnDeno("main.ts", { env: proc.env });
    assertEquals((await second.status).code, 1);
    assertStringIncludes(second.stderr(), "DocuVault is already running on this data dir");

    const health = await fetch(`${url}/health`);
    assertEquals(health.status, 200, "the first instance keeps serving");
    await health.body?.cancel();
    first.kill("SIGTERM");
    assertEquals((await first.status).code, 0);
  } finally {
    await proc.cleanup();
  }
});

Deno.test("main - SIGTERM finishes the request in flight, then exits 0 within 10 s", async () => {
  const proc = await createProcessEnv();
  try {
    await using app = spawnDeno("main.ts", { env: proc.env });
    const url = await listening(app);
    // An upload through a signed URL, streamed slowly: a request that is in flight when
    // the signal arrives.
    const secret = (await Deno.readTextFile(`${proc.dataDir}/secrets/storage-signing.key`)).trim();
    const key = "shutdown-test/doc/file.pdf";
    const size = 200_000;
    const path = await signGrant(await importSigningKey(secret), {
      method: "PUT",
      key,
      expiresAt: Math.floor(Date.now() / 1000) + 60,
      size,
      contentType: "application/pdf",
    });
    let sentHalf!: () => void;
    const halfSent = new Promise<void>((resolve) => (sentHalf = resolve));
    let resume!: () => void;
    const resumed = new Promise<void>((resolve) => (resume = resolve));
    const half = new Uint8Array(size / 2).fill(65);
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(half);
        sentHalf();
        await resumed;
        controller.enqueue(half);
        controller.close();
      },
    });
    const upload = fetch(`${url}${path}`, {
      method: "PUT",
      headers: { "content-type": "application/pdf", "content-length": String(size) },
      body,
    });
    await halfSent;
    await new Promise((r) => setTimeout(r, 200));
    const signalled = Date.now();
    app.kill("SIGTERM");
    await app.waitForLog((l) => l.msg === "shutting down", "shutdown to begin");
    const late = await fetch(`${url}/health`);
    assertEquals(late.status, 503, "no new requests are taken while draining");
    assertEquals((await late.json()).error.code, "shutting_down");
    await new Promise((r) => setTimeout(r, 300));
    resume();
    const response = await upload;
    assertEquals(response.status, 200, "the in-flight upload completed");
    await response.body?.cancel();
    const status = await app.status;
    assertEquals(status.code, 0);
    assert(Date.now() - signalled < 10_000, "exited within 10 s");
    const stored = await Deno.stat(`${proc.dataDir}/files/${key}`);
    assertEquals(stored.size, size, "the file is stored whole");
  } finally {
    await proc.cleanup();
  }
});
