import { join } from "node:path";
import { createTestApp, createTestDeps } from "../app/testing.ts";
import { assert, assertEquals, assertInstanceOf, assertRejects } from "../shared/assert.ts";
import { createManualClock, systemClock } from "../shared/clock.ts";
import { createFsStorage, IncompleteUploadError, ObjectExistsError } from "./fs_storage.ts";
import { InvalidObjectKeyError } from "./object_keys.ts";
import { importSigningKey } from "./signed_urls.ts";
import { chunkedStream, randomBytes, readAll, storageContract } from "./storage_contract.ts";
import { ObjectTooLargeError } from "./storage_types.ts";

const encode = (text: string) => new TextEncoder().encode(text);

/** An fs storage whose root lies three levels inside a temp dir we can inspect whole. */
async function createSandbox() {
  const dir = await Deno.makeTempDir({ prefix: "docuvault-fs-storage-" });
  const root = join(dir, "l1", "l2", "root");
  const storage = createFsStorage({
    root,
    publicUrl: "http://localhost:8000",
    signingKey: await importSigningKey("fs-storage-test-signing-key-0123456789"),
    clock: systemClock,
  });
  return {
    dir,
    root,
    tempDir: join(root, ".tmp"),
    storage,
    [Symbol.asyncDispose]: () => Deno.remove(dir, { recursive: true }),
  };
}

/** Every file and directory under `dir`, as sorted "/"-separated relative paths. */
async function tree(dir: string, prefix = ""): Promise<string[]> {
  const paths: string[] = [];
  for await (const entry of Deno.readDir(dir)) {
    const path = prefix + entry.name;
    paths.push(entry.isDirectory ? `${path}/` : path);
    if (entry.isDirectory) paths.push(...await tree(join(dir, entry.name), `${path}/`));
  }
  return paths.sort();
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.lstat(path);
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}

/** How many files this process has open (Linux), or null where that cannot be seen. */
/**
 * Open files of this process under `dir` (null where /proc is not readable). Only those:
 * test modules running in parallel in the same process open files of their own.
 */
function openFileCount(dir: string): number | null {
  try {
    let count = 0;
    for (const entry of Deno.readDirSync("/proc/self/fd")) {
      try {
        if (Deno.readLinkSync(`/proc/self/fd/${entry.name}`).startsWith(dir)) count++;
      } catch {
        // Closed between listing and reading: not open any more.
      }
    }
    return count;
  } catch {
    return null;
  }
}

async function tempFiles(tempDir: string): Promise<string[]> {
  return (await exists(tempDir)) ? await tree(tempDir) : [];
}

Deno.test("fs storage - meets the storage contract (signed URLs served by the app)", async (t) => {
  // The signed URLs are app routes: serve the app on a real port so that fetch reaches it.
  let handle: (request: Request) => Response | Promise<Response> = () =>
    new Response("not ready", { status: 503 });
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen: () => {} },
    (request) => handle(request),
  );
  try {
    const clock = createManualClock(new Date());
    await using deps = await createTestDeps({
      env: { PUBLIC_URL: `http://127.0.0.1:${server.addr.port}` },
      storage: "fs",
      clock,
    });
    const app = await createTestApp(deps);
    handle = (request) => app.fetch(request);
    assertEquals(deps.storage.driver, "fs");
    await storageContract(t, deps.storage, {
      waitPastExpiry: (seconds) => Promise.resolve(clock.advance(seconds * 1000 + 1200)),
    });
  } finally {
    await server.shutdown();
  }
});

Deno.test("fs storage - writes are atomic: a failed put leaves nothing behind", async (t) => {
  await using box = await createSandbox();
  const { storage, root, tempDir } = box;

  await t.step("the object appears under its key only when the write completes", async () => {
    const seen: { target: boolean; temps: number }[] = [];
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (pulls++ > 0) {
          seen.push({ target: await exists(join(root, "atomic/a.bin")), temps: 0 });
          seen[seen.length - 1].temps = (await tempFiles(tempDir)).length;
        }
        if (pulls > 3) return controller.close();
        controller.enqueue(randomBytes(1024));
      },
    });
    await storage.put("atomic/a.bin", body);
    assertEquals(seen, [
      { target: false, temps: 1 },
      { target: false, temps: 1 },
      { target: false, temps: 1 },
    ]);
    assertEquals((await Deno.stat(join(root, "atomic/a.bin"))).size, 3 * 1024);
    assertEquals(await tempFiles(tempDir), [], "the temp file was renamed away");
  });

  await t.step("a too-large put leaves no file under the key and no temp file", async () => {
    for (const body of [randomBytes(5000), chunkedStream(randomBytes(300_000), 1000)]) {
      const error = await assertRejects(() =>
        storage.put("atomic/big.bin", body, { maxBytes: 4096 })
      );
      assertInstanceOf(error, ObjectTooLargeError);
      assertEquals(await exists(join(root, "atomic/big.bin")), false);
      assertEquals(await tempFiles(tempDir), []);
    }
  });

  await t.step("a body stream that fails midway leaves nothing", async () => {
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulls++ === 2) return controller.error(new Error("client went away"));
        controller.enqueue(randomBytes(1000));
      },
    });
    const error = await assertRejects(() => storage.put("atomic/broken.bin", body));
    assertEquals((error as Error).message, "client went away");
    assertEquals(await exists(join(root, "atomic/broken.bin")), false);
    assertEquals(await tempFiles(tempDir), []);
  });

  await t.step("a failed replacement keeps the old bytes", async () => {
    await storage.put("atomic/keep.txt", encode("original"));
    await assertRejects(() => storage.put("atomic/keep.txt", randomBytes(100), { maxBytes: 50 }));
    assertEquals(await Deno.readTextFile(join(root, "atomic/keep.txt")), "original");
    assertEquals(await tempFiles(tempDir), []);
  });
});

Deno.test("fs storage - createOnly refuses an existing object (409) and keeps it", async () => {
  await using box = await createSandbox();
  const first = await box.storage.put("once/a.pdf", encode("first"), { createOnly: true });
  assertEquals(first.size, 5);
  const error = await assertRejects(() =>
    box.storage.put("once/a.pdf", encode("second!"), { createOnly: true })
  );
  assertInstanceOf(error, ObjectExistsError);
  assertEquals(error.status, 409);
  assertEquals(error.code, "storage.object_exists");
  assertEquals(await Deno.readTextFile(join(box.root, "once/a.pdf")), "first");
  assertEquals(await tempFiles(box.tempDir), []);
});

Deno.test("fs storage - exactSize refuses a short or long body and stores nothing", async () => {
  await using box = await createSandbox();
  const short = await assertRejects(() =>
    box.storage.put("exact/a.pdf", chunkedStream(randomBytes(99), 10), { exactSize: 100 })
  );
  assertInstanceOf(short, IncompleteUploadError);
  assertEquals(short.status, 400);
  assertEquals(short.details, { expected_bytes: 100, received_bytes: 99 });
  assertEquals(await box.storage.head("exact/a.pdf"), null);

  const long = await assertRejects(() =>
    box.storage.put("exact/a.pdf", randomBytes(101), { exactSize: 100 })
  );
  assertInstanceOf(long, ObjectTooLargeError);
  assertEquals(await box.storage.head("exact/a.pdf"), null);
  assertEquals(await tempFiles(box.tempDir), []);

  const ok = await box.storage.put("exact/a.pdf", randomBytes(100), { exactSize: 100 });
  assertEquals(ok.size, 100);
});

const TRAVERSALS = [
  "..",
  ".",
  "../x",
  "../../x",
  "../../../x",
  "../../../../etc/passwd",
  "a/..",
  "a/../../x",
  "a/b/../../../x",
  "a/./b",
  "./a",
  "/etc/passwd",
  "//x",
  "a/",
  "a\\..\\..\\x",
  "..\\x",
  "%2e%2e/x",
  "..%2fx",
  "a/..%2f..%2fx",
  ".tmp",
  ".tmp/x",
  "a/.tmp/../../x",
  "~/x",
  "a\0b",
  "a/b\n",
  "C:\\x",
  "\uff0e\uff0e/x",
  "a/\u2025/b",
  "x".repeat(600),
];

Deno.test("fs storage - keys can never reach outside the root", async () => {
  await using box = await createSandbox();
  const { storage } = box;
  await storage.put("ok/a.bin", encode("ok"));
  const before = await tree(box.dir);
  const opts = { expiresInSeconds: 60, contentType: "application/pdf" };
  for (const key of TRAVERSALS) {
    const calls: [string, () => unknown][] = [
      ["put", () => storage.put(key, encode("evil"))],
      ["put createOnly", () => storage.put(key, encode("evil"), { createOnly: true })],
      ["get", () => storage.get(key)],
      ["head", () => storage.head(key)],
      ["delete", () => storage.delete(key)],
      ["signUpload", () => storage.signUpload(key, { ...opts, size: 4 })],
      [
        "signDownload",
        () => storage.signDownload(key, { ...opts, filename: "x", disposition: "inline" }),
      ],
    ];
    // "a/" is a fine prefix (everything under a/), just not a key.
    if (key !== "a/") calls.push(["list", () => Array.fromAsync(storage.list(key))]);
    for (const [method, call] of calls) {
      const error = await assertRejects(call, `${method}(${JSON.stringify(key)}) must throw`);
      assertInstanceOf(error, InvalidObjectKeyError, `${method}(${JSON.stringify(key)})`);
    }
  }
  assertEquals(await tree(box.dir), before, "nothing was created, moved or removed");
  assertEquals(before, [
    "l1/",
    "l1/l2/",
    "l1/l2/root/",
    "l1/l2/root/.tmp/",
    "l1/l2/root/ok/",
    "l1/l2/root/ok/a.bin",
  ]);
});

Deno.test("fs storage - list never shows temp files", async () => {
  await using box = await createSandbox();
  await box.storage.put("u1/a.pdf", encode("a"));
  await Deno.writeFile(join(box.tempDir, "in-flight"), encode("partial"));
  assertEquals(await Array.fromAsync(box.storage.list("")), [{ key: "u1/a.pdf", size: 1 }]);
});

Deno.test("fs storage - cleanupIncomplete removes temp files older than the cutoff only", async () => {
  await using box = await createSandbox();
  assertEquals(await box.storage.cleanupIncomplete(new Date()), 0, "no temp dir yet");
  await box.storage.put("u1/old-but-committed.pdf", encode("committed"));
  const now = Date.now();
  const hoursAgo = (hours: number) => new Date(now - hours * 3600_000);
  await Deno.utime(join(box.root, "u1/old-but-committed.pdf"), hoursAgo(5), hoursAgo(5));
  for (const [name, age] of [["stale-1", 3], ["stale-2", 2], ["fresh", 0]] as const) {
    const path = join(box.tempDir, name);
    await Deno.writeFile(path, encode("partial"));
    await Deno.utime(path, hoursAgo(age), hoursAgo(age));
  }
  assertEquals(await box.storage.cleanupIncomplete(hoursAgo(1)), 2);
  assertEquals(await tempFiles(box.tempDir), ["fresh"]);
  assertEquals(await box.storage.cleanupIncomplete(hoursAgo(1)), 0, "nothing left to remove");
  assertEquals((await box.storage.head("u1/old-but-committed.pdf"))?.size, 9);
});

Deno.test("fs storage - delete removes emptied parent directories but never the root", async () => {
  await using box = await createSandbox();
  const { storage, root } = box;
  await storage.put("u1/d1/deep/a.pdf", encode("a"));
  await storage.put("u1/b.pdf", encode("b"));
  await storage.put("top.pdf", encode("t"));
  await Deno.remove(box.tempDir); // so that the root can become empty

  await storage.delete("u1/d1/deep/a.pdf");
  assertEquals(await tree(root), ["top.pdf", "u1/", "u1/b.pdf"]);
  await storage.delete("u1/b.pdf");
  assertEquals(await tree(root), ["top.pdf"]);
  await storage.delete("top.pdf");
  assert(await exists(root), "the root stays");
  assertEquals(await tree(root), []);
  assertEquals(await tree(box.dir), ["l1/", "l1/l2/", "l1/l2/root/"], "nothing above it goes");
  await storage.put("again.pdf", encode("x"));
  assertEquals((await storage.head("again.pdf"))?.size, 1, "and it still works");
});

Deno.test("fs storage - a download read to the end or cancelled closes its file", async () => {
  await using box = await createSandbox();
  await box.storage.put("u1/big.bin", randomBytes(1024 * 1024));
  const dir = Deno.realPathSync(box.dir);
  const before = openFileCount(dir);
  for (let i = 0; i < 10; i++) {
    const result = await box.storage.get("u1/big.bin");
    const reader = result.body.getReader();
    assert(!(await reader.read()).done);
    if (i === 0 && before !== null) assert(openFileCount(dir)! > before, "an open download counts");
    await reader.cancel();
    const tail = await box.storage.get("u1/big.bin", { range: { start: 1024 * 1024 - 3 } });
    assertEquals((await readAll(tail.body)).length, 3);
  }
  const after = openFileCount(dir);
  assert(after === null || after === before, `open files: ${before} → ${after}`);
});
