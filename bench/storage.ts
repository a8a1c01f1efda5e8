/**
 * Storage throughput: put (from a stream) and get (reading the whole stream) of 1 MB and
 * 20 MB objects through the `ObjectStorage` drivers, built by `createStorage` from a
 * config as the server builds them — the fs driver in a temp dir, and the S3 driver on
 * s3rver. s3rver is a Node.js test double on the same machine, so its row says how the
 * S3 code path performs, not how a real S3 service would.
 */
import { say } from "../lib/app/cli.ts";
import { type Env, loadConfig } from "../lib/app/config.ts";
import { findS3rver, startS3rver } from "../lib/app/test_services.ts";
import { createStorage } from "../lib/storage/create_storage.ts";
import { importSigningKey } from "../lib/storage/signed_urls.ts";
import type { ObjectStorage } from "../lib/storage/storage_types.ts";
import { type BenchReport, createTempDir, median, registerCleanup } from "./_util.ts";

/** Decimal megabytes: object sizes and rates use the same unit. */
const MB = 1_000_000;
/** The chunk size a request body typically arrives in. */
const CHUNK = 64 * 1024;

export interface StorageBenchOptions {
  /** Object sizes in MB with how many measured put/get pairs each gets. */
  sizes: { mb: number; repeats: number }[];
}

interface DriverUnderTest {
  name: string;
  storage: ObjectStorage;
  [Symbol.asyncDispose](): Promise<void>;
}

/** A body as a request would bring it: fresh chunks, one at a time. */
function streamOf(data: Uint8Array<ArrayBuffer>): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= data.length) {
        controller.close();
        return;
      }
      // A copy, because a driver may transfer or keep the chunk it was given.
      controller.enqueue(data.slice(offset, offset + CHUNK));
      offset += CHUNK;
    },
  });
}

function randomBytes(size: number): Uint8Array<ArrayBuffer> {
  const data = new Uint8Array(size);
  // getRandomValues fills at most 64 KiB per call.
  for (let offset = 0; offset < size; offset += 65_536) {
    crypto.getRandomValues(data.subarray(offset, offset + 65_536));
  }
  return data;
}

async function sha256Hex(data: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", data));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

async function buildDriver(env: Env, dataDir: string) {
  const config = loadConfig({ DATA_DIR: dataDir, KV_PATH: ":memory:", ...env }, dataDir);
  return await createStorage({
    config: config.storage,
    publicUrl: config.publicUrl,
    signingKey: await importSigningKey("bench-storage-signing-key-0123456789abcdef"),
    clock: { now: () => new Date() },
  });
}

async function fsDriver(): Promise<DriverUnderTest> {
  const dir = await createTempDir("docuvault-bench-fs-");
  const storage = await buildDriver({}, dir.path);
  return {
    name: "fs",
    storage,
    async [Symbol.asyncDispose]() {
      storage.close();
      await dir[Symbol.asyncDispose]();
    },
  };
}

/** The S3 driver on a fresh s3rver and bucket (as createTestS3Bucket makes one). */
async function s3Driver(endpoint: string): Promise<DriverUnderTest> {
  const { S3Client, CreateBucketCommand } = await import("@aws-sdk/client-s3");
  const bucket = `dv-bench-${crypto.randomUUID().slice(0, 18)}`;
  const client = new S3Client({
    endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  } finally {
    client.destroy();
  }
  const dir = await createTempDir("docuvault-bench-s3-");
  const storage = await buildDriver({
    STORAGE_DRIVER: "s3",
    S3_ENDPOINT: endpoint,
    S3_REGION: "us-east-1",
    S3_BUCKET: bucket,
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
    S3_FORCE_PATH_STYLE: "true",
  }, dir.path);
  return {
    name: "s3 (s3rver)",
    storage,
    async [Symbol.asyncDispose]() {
      storage.close();
      await dir[Symbol.asyncDispose]();
    },
  };
}

/** One put and one get of `data`; returns MB/s of each. */
async function putAndGet(
  storage: ObjectStorage,
  data: Uint8Array<ArrayBuffer>,
  expectedSha256: string,
) {
  const key = `bench/${crypto.randomUUID()}.bin`;
  try {
    const putStarted = performance.now();
    const put = await storage.put(key, streamOf(data), {
      contentType: "application/octet-stream",
    });
    const putSeconds = (performance.now() - putStarted) / 1000;
    if (put.size !== data.length || put.sha256 !== expectedSha256) {
      throw new Error(`${storage.driver} put stored ${put.size} bytes with another hash`);
    }

    const getStarted = performance.now();
    const { body } = await storage.get(key);
    let received = 0;
    for await (const chunk of body) received += chunk.length;
    const getSeconds = (performance.now() - getStarted) / 1000;
    if (received !== data.length) {
      throw new Error(`${storage.driver} get returned ${received} of ${data.length} bytes`);
    }
    return { put: data.length / MB / putSeconds, get: data.length / MB / getSeconds };
  } finally {
    await storage.delete(key);
  }
}

async function measureDriver(
  driver: DriverUnderTest,
  options: StorageBenchOptions,
  source: Uint8Array<ArrayBuffer>,
): Promise<string[][]> {
  const rows: string[][] = [];
  for (const { mb, repeats } of options.sizes) {
    const data = source.subarray(0, mb * MB);
    const sha256 = await sha256Hex(data);
    // Unmeasured: loads the SDK / hash-wasm, opens connections, creates directories.
    await putAndGet(driver.storage, data, sha256);
    const puts: number[] = [];
    const gets: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const rates = await putAndGet(driver.storage, data, sha256);
      puts.push(rates.put);
      gets.push(rates.get);
    }
    const rate = (n: number) => n.toFixed(0);
    say(
      `  ${driver.name} ${mb} MB: put ${rate(median(puts))} MB/s, get ${rate(median(gets))} MB/s`,
    );
    rows.push([
      driver.name,
      `${mb} MB`,
      String(repeats),
      rate(median(puts)),
      `${rate(Math.min(...puts))}–${rate(Math.max(...puts))}`,
      rate(median(gets)),
      `${rate(Math.min(...gets))}–${rate(Math.max(...gets))}`,
    ]);
  }
  return rows;
}

/** Put/get throughput per driver and object size. */
export async function runStorageBench(options: StorageBenchOptions): Promise<BenchReport[]> {
  const source = randomBytes(Math.max(...options.sizes.map((s) => s.mb)) * MB);
  const rows: string[][] = [];
  const notes = [
    "MB = 10^6 bytes. Put streams the object in 64 KiB chunks and includes the driver's " +
    "SHA-256 and (fs) fsync; get reads the whole stream. One unmeasured put/get per size first.",
  ];

  {
    await using driver = await fsDriver();
    rows.push(...await measureDriver(driver, options, source));
  }

  const s3rver = await findS3rver();
  if (s3rver.ok) {
    const service = await startS3rver(s3rver.value);
    const stop = registerCleanup(() => service.stop());
    try {
      await using driver = await s3Driver(service.url);
      rows.push(...await measureDriver(driver, options, source));
      notes.push("s3rver is a Node.js process on the same machine, storing on local disk.");
    } finally {
      await stop();
    }
  } else {
    say(`  s3 (s3rver): skipped — ${s3rver.reason}`);
    rows.push(["s3 (s3rver)", "—", "0", "skipped", "", "skipped", ""]);
    notes.push(`s3rver unavailable: ${s3rver.reason}`);
  }

  return [{
    title: "Storage throughput (MB/s, median)",
    columns: ["driver", "size", "runs", "put MB/s", "put range", "get MB/s", "get range"],
    rows,
    notes,
  }];
}
