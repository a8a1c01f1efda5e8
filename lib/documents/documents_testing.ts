/**
 * Helpers for the document tests: a signed-in user on the real app, the two-step upload
 * as a browser does it (PUT to the signed URL, whichever driver), and waiting for the
 * pipeline. Test-only: nothing outside `*_test.ts` files and bench/ imports this.
 */
import type { Kysely } from "kysely";
import { registerAccount } from "../auth/auth_testing.ts";
import { jsonb } from "../app/db.ts";
import type { Database } from "../app/db_schema.ts";
import {
  call,
  createTestApp,
  createTestClient,
  createTestDeps,
  TEST_PUBLIC_URL,
  type TestApp,
  type TestClient,
  type TestDeps,
  type TestDepsOptions,
} from "../app/testing.ts";
import { assertEquals } from "../shared/assert.ts";
import { makePdf } from "./testing/make_pdf.ts";

export interface UserSession {
  client: TestClient;
  userId: string;
  email: string;
}

export interface DocumentsFixture extends AsyncDisposable {
  deps: TestDeps;
  app: TestApp;
  /** The first user, signed in. */
  alice: UserSession;
  /** Register and sign in another user. */
  signUp(email: string): Promise<UserSession>;
}

export async function createDocumentsFixture(
  options: TestDepsOptions = {},
): Promise<DocumentsFixture> {
  const deps = await createTestDeps(options);
  try {
    const app = await createTestApp(deps);
    const signUp = async (email: string): Promise<UserSession> => {
      const client = createTestClient(app);
      const account = await registerAccount(client, email);
      return { client, userId: account.id, email };
    };
    return {
      deps,
      app,
      alice: await signUp("alice@example.com"),
      signUp,
      [Symbol.asyncDispose]: () => deps.close(),
    };
  } catch (error) {
    await deps.close();
    throw error;
  }
}

export interface UploadGrant {
  document_id: string;
  upload_url: string;
  upload_method: string;
  upload_headers: Record<string, string>;
  duplicate_of: string | null;
}

/** PUT bytes to a signed upload URL: through the app (fs driver) or to S3 directly. */
export async function putToSignedUrl(
  app: TestApp,
  grant: UploadGrant,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<Response> {
  const init = { method: grant.upload_method, headers: grant.upload_headers, body: bytes };
  if (grant.upload_url.startsWith(TEST_PUBLIC_URL)) {
    return await call(app, grant.upload_url.slice(TEST_PUBLIC_URL.length), init);
  }
  return await fetch(grant.upload_url, init);
}

export async function requestUpload(
  client: TestClient,
  input: { filename?: string; size: number; content_type?: string; sha256?: string },
): Promise<Response> {
  return await client.call("/api/documents/upload-url", {
    method: "POST",
    json: { filename: "document.pdf", ...input },
  });
}

/** The whole two-step upload; returns the confirm answer (202 with the document, or an error). */
export async function uploadPdf(
  app: TestApp,
  client: TestClient,
  bytes: Uint8Array<ArrayBuffer> = samplePdf(),
  filename = "document.pdf",
): Promise<Response> {
  const response = await requestUpload(client, { filename, size: bytes.length });
  assertEquals(response.status, 201, await response.clone().text());
  const grant: UploadGrant = await response.json();
  const put = await putToSignedUrl(app, grant, bytes);
  if (!put.ok) throw new Error(`PUT answered ${put.status}: ${await put.text()}`);
  await put.body?.cancel();
  return await client.call(`/api/documents/${grant.document_id}/confirm`, { method: "POST" });
}

/** Upload and confirm; asserts 202 and returns the document's id. */
export async function uploadOk(
  app: TestApp,
  client: TestClient,
  bytes?: Uint8Array<ArrayBuffer>,
  filename?: string,
): Promise<string> {
  const response = await uploadPdf(app, client, bytes, filename);
  assertEquals(response.status, 202, await response.clone().text());
  return (await response.json()).id;
}

let counter = 0;

/** A distinct little PDF (its text differs each call, so no two are duplicates). */
export function samplePdf(text = "Invoice"): Uint8Array<ArrayBuffer> {
  counter += 1;
  return makePdf({ pages: [`${text}\nSample number ${counter} ${crypto.randomUUID()}`] });
}

/** Poll the API until the document leaves the queue (ready or error). */
export async function waitForProcessed(
  client: TestClient,
  id: string,
  timeoutMs = 60_000,
): Promise<Record<string, unknown> & { status: string }> {
  const deadline = Date.now() + timeoutMs;
  while (true) {
    const response = await client.call(`/api/documents/${id}`);
    assertEquals(response.status, 200, await response.clone().text());
    const doc = await response.json();
    if (doc.status === "ready" || doc.status === "error") return doc;
    if (Date.now() > deadline) {
      throw new Error(`document ${id} still "${doc.status}" after ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface SeedDocument {
  userId: string;
  id?: string;
  filename?: string;
  title?: string | null;
  text?: string;
  language?: string | null;
  documentType?: string | null;
  documentDate?: string | null;
  issuer?: string | null;
  sizeBytes?: number;
  status?: "uploaded" | "processing" | "ready" | "error";
  createdAt?: Date;
  aiSuggestion?: Record<string, unknown> | null;
  folderId?: string | null;
  categoryIds?: string[];
  tagIds?: string[];
}

/**
 * Insert processed documents straight into the database (no file in storage): for tests
 * of lists and search, and the search benchmark. The search vectors come from the same
 * trigger as real documents'. Batched; returns the ids in order.
 */
export async function seedDocuments(
  db: Kysely<Database>,
  docs: SeedDocument[],
  batchSize = 500,
): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < docs.length; start += batchSize) {
    const batch = docs.slice(start, start + batchSize).map((doc) => {
      const id = doc.id ?? crypto.randomUUID();
      ids.push(id);
      return { doc, id };
    });
    await db.insertInto("documents").values(batch.map(({ doc, id }) => ({
      id,
      user_id: doc.userId,
      folder_id: doc.folderId ?? null,
      filename: doc.filename ?? `${id.slice(0, 8)}.pdf`,
      size_bytes: doc.sizeBytes ?? 1000,
      object_key: `${doc.userId}/${id}/${crypto.randomUUID()}.pdf`,
      storage_backend: "fs",
      status: doc.status ?? "ready",
      title: doc.title ?? null,
      document_type: doc.documentType ?? null,
      document_date: doc.documentDate ?? null,
      issuer: doc.issuer ?? null,
      extracted_text: doc.text ?? "",
      language: doc.language ?? "en",
      page_count: 1,
      has_text_layer: true,
      ai_suggestion: doc.aiSuggestion ? jsonb(doc.aiSuggestion) as never : null,
      classified_by: doc.documentType ? "builtin" : null,
      created_at: doc.createdAt ?? new Date(),
      confirmed_at: doc.createdAt ?? new Date(),
      processed_at: doc.createdAt ?? new Date(),
    }))).execute();
    const categories = batch.flatMap(({ doc, id }) =>
      (doc.categoryIds ?? []).map((category_id) => ({ document_id: id, category_id }))
    );
    if (categories.length) await db.insertInto("document_categories").values(categories).execute();
    const tags = batch.flatMap(({ doc, id }) =>
      (doc.tagIds ?? []).map((tag_id) => ({ document_id: id, tag_id }))
    );
    if (tags.length) await db.insertInto("document_tags").values(tags).execute();
  }
  return ids;
}
