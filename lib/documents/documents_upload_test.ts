/**
 * Uploads (SPEC §4.3) through the real app, on whichever database and storage driver the
 * test run uses (PGlite + fs by default; PostgreSQL and S3 in the clustered pass).
 */
import { sql } from "kysely";
import { errorOf, invalidFields } from "../auth/auth_testing.ts";
import { call, TEST_PUBLIC_URL, type TestApp } from "../app/testing.ts";
import { createQuotasRepo } from "../quotas/quotas_repo.ts";
import { setSetting } from "../settings/settings_service.ts";
import { assert, assertEquals, assertMatch } from "../shared/assert.ts";
import { createManualClock } from "../shared/clock.ts";
import {
  createDocumentsFixture,
  putToSignedUrl,
  requestUpload,
  samplePdf,
  type UploadGrant,
  uploadOk,
} from "./documents_testing.ts";
import { cleanupPendingJob } from "./jobs/cleanup_pending_job.ts";
import { makePdf, NOT_A_PDF } from "./testing/make_pdf.ts";
import type { Deps } from "../app/deps.ts";

async function objectKeyOf(deps: Deps, id: string): Promise<string | undefined> {
  const row = await deps.db.selectFrom("documents").select("object_key").where("id", "=", id)
    .executeTakeFirst();
  return row?.object_key;
}

async function quotaOf(deps: Deps, userId: string) {
  return await createQuotasRepo(deps.db).ensure(userId, 0);
}

/** Follow a download redirect to wherever the file is served (our /files route, or S3). */
async function followDownload(app: TestApp, location: string): Promise<Response> {
  return location.startsWith(TEST_PUBLIC_URL)
    ? await call(app, location.slice(TEST_PUBLIC_URL.length))
    : await fetch(location);
}

async function grantFor(response: Response): Promise<UploadGrant> {
  assertEquals(response.status, 201, await response.clone().text());
  return await response.json();
}

Deno.test("uploads - the two-step flow stores the file safely and charges the quota", async (t) => {
  await using fx = await createDocumentsFixture();
  const { deps, app, alice } = fx;
  const pdf = samplePdf("Rechnung März");
  let id = "";

  await t.step("upload-url, PUT, confirm: 202 with the document, queued", async () => {
    const grant = await grantFor(
      await requestUpload(alice.client, {
        filename: "../../etc/Rechnung März\u0000 2024.pdf",
        size: pdf.length,
        content_type: "application/pdf",
      }),
    );
    assertMatch(grant.document_id, /^[0-9a-f-]{36}$/);
    const put = await putToSignedUrl(app, grant, pdf);
    assertEquals(put.ok, true);
    await put.body?.cancel();
    const confirm = await alice.client.call(`/api/documents/${grant.document_id}/confirm`, {
      method: "POST",
    });
    assertEquals(confirm.status, 202, await confirm.clone().text());
    const doc = await confirm.json();
    id = doc.id;
    assertEquals(doc.status, "uploaded");
    assertEquals(doc.filename, "Rechnung März 2024.pdf", "path and control characters removed");
    assertEquals(doc.display_title, "Rechnung März 2024");
    assertEquals(doc.size_bytes, pdf.length);
  });

  await t.step("the object key is the user's, the document's and a random name", async () => {
    const key = await objectKeyOf(deps, id);
    assertMatch(key!, new RegExp(`^${alice.userId}/${id}/[0-9a-f-]{36}\\.pdf$`));
    assert(!key!.includes("Rechnung"), "never from the file name");
    assertEquals((await deps.storage.head(key!))?.size, pdf.length);
  });

  await t.step("the quota holds exactly the stored bytes", async () => {
    const quota = await (await alice.client.call("/api/users/me/quota")).json();
    assertEquals(quota.used_bytes, pdf.length);
    assertEquals(quota.limit_bytes, 100 * 1024 * 1024, "the default quota is 100 MiB");
  });

  await t.step("confirming twice is a conflict and charges nothing more", async () => {
    const again = await alice.client.call(`/api/documents/${id}/confirm`, { method: "POST" });
    assertEquals((await errorOf(again)).status, 409);
    assertEquals((await quotaOf(deps, alice.userId)).used_bytes, pdf.length);
  });

  await t.step("download: a redirect to a short-lived URL with the original name", async () => {
    const response = await alice.client.call(`/api/documents/${id}/download`);
    assertEquals(response.status, 302);
    const file = await followDownload(app, response.headers.get("location")!);
    assertEquals(file.status, 200);
    assertEquals(file.headers.get("content-type"), "application/pdf");
    const disposition = file.headers.get("content-disposition") ?? "";
    assertMatch(disposition, /^attachment;/);
    assertMatch(disposition, /filename\*=UTF-8''Rechnung%20M%C3%A4rz%202024\.pdf/);
    assertEquals(new Uint8Array(await file.arrayBuffer()), pdf);
  });

  await t.step("?inline=1 shows the PDF in the browser", async () => {
    const response = await alice.client.call(`/api/documents/${id}/download?inline=1`);
    const file = await followDownload(app, response.headers.get("location")!);
    assertMatch(file.headers.get("content-disposition") ?? "", /^inline;/);
    assertEquals(file.headers.get("content-type"), "application/pdf");
    await file.body?.cancel();
  });

  await t.step("delete gives the bytes back and removes the file", async () => {
    const key = (await objectKeyOf(deps, id))!;
    const response = await alice.client.call(`/api/documents/${id}`, { method: "DELETE" });
    assertEquals(response.status, 204);
    assertEquals((await quotaOf(deps, alice.userId)).used_bytes, 0);
    assertEquals(await deps.storage.head(key), null);
    assertEquals((await alice.client.call(`/api/documents/${id}`)).status, 404);
  });

  await t.step("a refund never takes used_bytes below zero", async () => {
    const other = await uploadOk(app, alice.client);
    await sql`update quotas set used_bytes = 10 where user_id = ${alice.userId}`.execute(deps.db);
    await alice.client.call(`/api/documents/${other}`, { method: "DELETE" });
    assertEquals((await quotaOf(deps, alice.userId)).used_bytes, 0);
  });
});

Deno.test("uploads - wrong files are refused with a clear error and leave nothing behind", async (t) => {
  await using fx = await createDocumentsFixture();
  const { deps, app, alice } = fx;

  await t.step("a declared type other than PDF: 415 before anything is stored", async () => {
    const response = await requestUpload(alice.client, { size: 100, content_type: "image/png" });
    const error = await errorOf(response);
    assertEquals([error.status, error.code], [415, "documents.not_pdf"]);
    assertEquals((await deps.db.selectFrom("documents").select("id").execute()).length, 0);
  });

  await t.step("bytes that are not a PDF: 415 at confirm, object and row deleted", async () => {
    const grant = await grantFor(await requestUpload(alice.client, { size: NOT_A_PDF.length }));
    const key = (await objectKeyOf(deps, grant.document_id))!;
    await (await putToSignedUrl(app, grant, NOT_A_PDF.slice())).body?.cancel();
    const confirm = await alice.client.call(`/api/documents/${grant.document_id}/confirm`, {
      method: "POST",
    });
    const error = await errorOf(confirm);
    assertEquals([error.status, error.code], [415, "documents.not_pdf"]);
    assertEquals(await deps.storage.head(key), null);
    assertEquals(await objectKeyOf(deps, grant.document_id), undefined);
    assertEquals((await quotaOf(deps, alice.userId)).used_bytes, 0);
  });

  await t.step("confirm before the bytes arrived: 409, the upload stays open", async () => {
    const grant = await grantFor(await requestUpload(alice.client, { size: 2000 }));
    const confirm = await alice.client.call(`/api/documents/${grant.document_id}/confirm`, {
      method: "POST",
    });
    const error = await errorOf(confirm);
    assertEquals([error.status, error.code], [409, "documents.not_uploaded"]);
    assert(await objectKeyOf(deps, grant.document_id), "still pending");
  });

  await t.step("larger than the admin's limit: 413 at upload-url with the figures", async () => {
    await setSetting(deps, "max_upload_bytes", 4096, null);
    const response = await requestUpload(alice.client, { size: 5000 });
    assertEquals(response.status, 413);
    const body = await response.json();
    assertEquals(body.error.code, "documents.too_large");
    assertEquals(body.error.details, { max_bytes: 4096, size_bytes: 5000 });
    assertMatch(body.error.message, /4\.9 KiB.*4 KiB/);
  });

  await t.step("a limit lowered after upload-url still holds at confirm", async () => {
    await setSetting(deps, "max_upload_bytes", 50 * 1024 * 1024, null);
    const pdf = makePdf({ pages: ["big"], sizeBytes: 3000 });
    const grant = await grantFor(await requestUpload(alice.client, { size: pdf.length }));
    await (await putToSignedUrl(app, grant, pdf)).body?.cancel();
    await setSetting(deps, "max_upload_bytes", 2048, null);
    const key = (await objectKeyOf(deps, grant.document_id))!;
    const confirm = await alice.client.call(`/api/documents/${grant.document_id}/confirm`, {
      method: "POST",
    });
    assertEquals((await errorOf(confirm)).status, 413);
    assertEquals(await deps.storage.head(key), null);
    await setSetting(deps, "max_upload_bytes", 50 * 1024 * 1024, null);
  });

  await t.step("bad input is a 422 naming the fields", async () => {
    const response = await alice.client.call("/api/documents/upload-url", {
      method: "POST",
      json: { filename: "", size: -1 },
    });
    assertEquals((await invalidFields(response)).sort(), ["filename", "size"]);
  });
});

Deno.test("uploads - the quota is checked up front and charged atomically at confirm", async (t) => {
  await using fx = await createDocumentsFixture();
  const { deps, app, alice } = fx;
  await quotaOf(deps, alice.userId);
  await createQuotasRepo(deps.db).setLimit(alice.userId, 5000);

  await t.step("upload-url refuses what cannot fit: 413 with used/limit/rejected", async () => {
    await uploadOk(app, alice.client, makePdf({ pages: ["a"], sizeBytes: 3000 }));
    const response = await requestUpload(alice.client, { size: 2500 });
    assertEquals(response.status, 413);
    const body = await response.json();
    assertEquals(body.error.code, "quota.exceeded");
    assertEquals(body.error.details, { used_bytes: 3000, limit_bytes: 5000, rejected_bytes: 2500 });
  });

  await t.step(
    "two uploads that each fit but not together: the second confirm is 413",
    async () => {
      const a = makePdf({ pages: ["a"], sizeBytes: 1500 });
      const b = makePdf({ pages: ["b"], sizeBytes: 1500 });
      const grantA = await grantFor(await requestUpload(alice.client, { size: a.length }));
      const grantB = await grantFor(await requestUpload(alice.client, { size: b.length }));
      await (await putToSignedUrl(app, grantA, a)).body?.cancel();
      await (await putToSignedUrl(app, grantB, b)).body?.cancel();
      const keyB = (await objectKeyOf(deps, grantB.document_id))!;
      const okA = await alice.client.call(`/api/documents/${grantA.document_id}/confirm`, {
        method: "POST",
      });
      assertEquals(okA.status, 202);
      const refused = await alice.client.call(`/api/documents/${grantB.document_id}/confirm`, {
        method: "POST",
      });
      assertEquals(refused.status, 413);
      const body = await refused.json();
      assertEquals(body.error.details, {
        used_bytes: 4500,
        limit_bytes: 5000,
        rejected_bytes: 1500,
      });
      assertEquals(await deps.storage.head(keyB), null, "the refused object is deleted");
      assertEquals(await objectKeyOf(deps, grantB.document_id), undefined);
    },
  );
});

Deno.test("uploads - 20 concurrent confirms never exceed the quota", async () => {
  await using fx = await createDocumentsFixture();
  const { deps, app, alice } = fx;
  await quotaOf(deps, alice.userId);
  const limit = 40_000;
  await createQuotasRepo(deps.db).setLimit(alice.userId, limit);
  // 20 files of 3,000–6,800 bytes (about 98 KB in all) against a 40 KB quota.
  const files = Array.from(
    { length: 20 },
    (_, i) => makePdf({ pages: [`f${i}`], sizeBytes: 3000 + i * 200 }),
  );
  const grants: UploadGrant[] = [];
  for (const file of files) {
    const grant = await grantFor(await requestUpload(alice.client, { size: file.length }));
    await (await putToSignedUrl(app, grant, file)).body?.cancel();
    grants.push(grant);
  }
  const responses = await Promise.all(
    grants.map((grant) =>
      alice.client.call(`/api/documents/${grant.document_id}/confirm`, { method: "POST" })
    ),
  );
  const statuses = responses.map((r) => r.status);
  await Promise.all(responses.map((r) => r.body?.cancel()));
  assert(statuses.every((s) => s === 202 || s === 413), `statuses: ${statuses}`);
  const accepted = grants.filter((_, i) => statuses[i] === 202);
  assert(accepted.length >= 5 && accepted.length < 20, `${accepted.length} accepted`);
  const acceptedBytes = accepted.reduce((sum, g) => sum + files[grants.indexOf(g)].length, 0);
  const quota = await quotaOf(deps, alice.userId);
  assert(quota.used_bytes <= limit, `used ${quota.used_bytes} > limit ${limit}`);
  assertEquals(quota.used_bytes, acceptedBytes, "used_bytes is the sum of accepted documents");
  const stored = await sql<{ n: number; bytes: number }>`
    select count(*)::int as n, coalesce(sum(size_bytes), 0)::int as bytes
    from documents where user_id = ${alice.userId} and status <> 'pending'`.execute(deps.db);
  assertEquals(stored.rows[0], { n: accepted.length, bytes: acceptedBytes });
  for (const [i, grant] of grants.entries()) {
    if (statuses[i] === 202) continue;
    assertEquals(await objectKeyOf(deps, grant.document_id), undefined, "refused rows are gone");
  }
});

Deno.test("uploads - POST /api/documents takes a multipart file in one call", async (t) => {
  await using fx = await createDocumentsFixture();
  const { deps, alice } = fx;
  const post = (form: FormData | string, headers: Record<string, string> = {}) =>
    alice.client.call("/api/documents", { method: "POST", body: form, headers });

  await t.step("a PDF: 202 with the document, quota charged", async () => {
    const pdf = samplePdf("Script upload");
    const form = new FormData();
    form.set("file", new File([pdf], "scan 0001.pdf", { type: "application/pdf" }));
    const response = await post(form);
    assertEquals(response.status, 202, await response.clone().text());
    const doc = await response.json();
    assertEquals(doc.filename, "scan 0001.pdf");
    assertEquals(doc.status, "uploaded");
    assertEquals((await quotaOf(deps, alice.userId)).used_bytes, pdf.length);
  });

  await t.step("a filename field overrides the file's name", async () => {
    const form = new FormData();
    form.set("file", new File([samplePdf()], "blob"));
    form.set("filename", "Vertrag.pdf");
    const doc = await (await post(form)).json();
    assertEquals(doc.filename, "Vertrag.pdf");
  });

  await t.step("not a PDF: 415; no file: 422; JSON: 415", async () => {
    const zip = new FormData();
    zip.set("file", new File([NOT_A_PDF.slice()], "a.pdf"));
    assertEquals((await errorOf(await post(zip))).status, 415);
    const empty = new FormData();
    empty.set("note", "nothing");
    assertEquals(await invalidFields(await post(empty)), ["file"]);
    assertEquals(
      (await errorOf(await post("{}", { "content-type": "application/json" }))).status,
      415,
    );
  });

  await t.step("larger than the limit: 413, nothing stored", async () => {
    await setSetting(deps, "max_upload_bytes", 2048, null);
    const before = (await quotaOf(deps, alice.userId)).used_bytes;
    const form = new FormData();
    form.set("file", new File([makePdf({ pages: ["x"], sizeBytes: 100_000 })], "big.pdf"));
    const error = await errorOf(await post(form));
    assertEquals([error.status, error.code], [413, "documents.too_large"]);
    assertEquals((await quotaOf(deps, alice.userId)).used_bytes, before);
  });
});

Deno.test("uploads - uploads never confirmed are removed after an hour", async () => {
  const clock = createManualClock(new Date());
  await using fx = await createDocumentsFixture({ clock });
  const { deps, app, alice } = fx;
  const pdf = samplePdf();
  const grant = await grantFor(await requestUpload(alice.client, { size: pdf.length }));
  await (await putToSignedUrl(app, grant, pdf)).body?.cancel();
  const key = (await objectKeyOf(deps, grant.document_id))!;
  const kept = samplePdf();
  const confirmed = await uploadOk(app, alice.client, kept);
  const run = () =>
    cleanupPendingJob.handle({}, {
      jobId: "test",
      attempt: 1,
      maxAttempts: 1,
      signal: new AbortController().signal,
      logger: deps.logger,
      deps,
      reportProgress: () => Promise.resolve(),
    });

  clock.advance(59 * 60_000);
  await run();
  assert(await objectKeyOf(deps, grant.document_id), "kept within the hour");

  clock.advance(2 * 60_000);
  await run();
  assertEquals(await objectKeyOf(deps, grant.document_id), undefined, "row removed");
  assertEquals(await deps.storage.head(key), null, "object removed");
  assert(await objectKeyOf(deps, confirmed), "confirmed documents are never touched");
  assertEquals((await quotaOf(deps, alice.userId)).used_bytes, kept.length);
});
