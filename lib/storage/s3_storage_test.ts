/**
 * The S3 driver on s3rver. s3rver checks expiry but neither request signatures nor the
 * signed Content-Length, so what S3 itself would refuse (a tampered URL, another size) is
 * checked here on the URL we sign, not by asking s3rver.
 */
import { createTestDeps, testEnv } from "../app/testing.ts";
import { assert, assertEquals } from "../shared/assert.ts";
import { sleep } from "../shared/clock.ts";
import { storageContract } from "./storage_contract.ts";

const skipped = testEnv.s3Endpoint
  ? ""
  : " (skipped: TEST_S3_ENDPOINT not set — run `deno task test`)";

Deno.test({
  name: `s3 storage - meets the storage contract${skipped}`,
  ignore: !testEnv.s3Endpoint,
  async fn(t) {
    await using deps = await createTestDeps({ storage: "s3" });
    assertEquals(deps.storage.driver, "s3");
    await storageContract(t, deps.storage, {
      // Presigned URLs carry a whole-second X-Amz-Date: wait a little longer than asked.
      waitPastExpiry: (seconds) => sleep(seconds * 1000 + 1200),
    });
  },
});

Deno.test({
  name: `s3 storage - a presigned upload signs its size and type and carries no checksum${skipped}`,
  ignore: !testEnv.s3Endpoint,
  async fn() {
    await using deps = await createTestDeps({ storage: "s3" });
    const signed = await deps.storage.signUpload("u1/doc/file.pdf", {
      size: 12345,
      contentType: "application/pdf",
      expiresInSeconds: 300,
    });
    const url = new URL(signed.url);
    const signedHeaders = (url.searchParams.get("X-Amz-SignedHeaders") ?? "").split(";");
    assert(signedHeaders.includes("content-length"), `signed: ${signedHeaders.join(";")}`);
    assert(signedHeaders.includes("content-type"), `signed: ${signedHeaders.join(";")}`);
    assertEquals(url.searchParams.get("X-Amz-Expires"), "300");
    // An SDK default checksum would be the checksum of an empty body: S3 would refuse
    // every real upload.
    const checksums = [...url.searchParams.keys()].filter((name) =>
      /^x-amz-(sdk-)?checksum/i.test(name)
    );
    assertEquals(checksums, []);
    assertEquals(signed.method, "PUT");
    assertEquals(signed.headers, { "content-type": "application/pdf" });
    assert(url.pathname.endsWith("/u1/doc/file.pdf"), url.pathname);
  },
});

Deno.test({
  name: `s3 storage - browsers are allowed to reach the S3 endpoint${skipped}`,
  ignore: !testEnv.s3Endpoint,
  async fn() {
    await using deps = await createTestDeps({ storage: "s3" });
    assertEquals(deps.storage.browserOrigins, [new URL(testEnv.s3Endpoint!).origin]);
  },
});
