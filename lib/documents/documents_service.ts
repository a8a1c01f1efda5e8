/**
 * Documents: upload (SPEC §4.3), edits, re-analysis, suggestions, download, delete.
 *
 * An upload is a `pending` row and a signed URL; the client PUTs the bytes straight to
 * storage; `confirm` then reads the real size and the first bytes from storage (never
 * trusting the client), charges the quota atomically and queues processing — in one
 * transaction, so a crash leaves either nothing charged or a queued job. A refused upload
 * leaves nothing behind: its object and row are deleted.
 */
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { Database } from "../app/db_schema.ts";
import type { Deps } from "../app/deps.ts";
import { audit, type ClientInfo } from "../audit/audit_service.ts";
import { createCategoriesRepo } from "../categories/categories_repo.ts";
import { createFoldersRepo } from "../folders/folders_repo.ts";
import { chargeQuota, getQuota, QuotaExceededError } from "../quotas/quotas_service.ts";
import { formatBytes } from "../shared/format.ts";
import { createQuotasRepo } from "../quotas/quotas_repo.ts";
import { getSetting } from "../settings/settings_service.ts";
import {
  BadRequestError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from "../shared/errors.ts";
import { documentObjectKey } from "../storage/object_keys.ts";
import { createSharingRepo, type Permission } from "../sharing/sharing_repo.ts";
import { createTagsRepo } from "../tags/tags_repo.ts";
import type { UserRow } from "../users/users_repo.ts";
import { createDocumentsRepo, type DocumentRow } from "./documents_repo.ts";
import {
  PDF_CONTENT_TYPE,
  sanitizeFilename,
  type updateDocumentSchema,
  type uploadUrlSchema,
} from "./documents_schemas.ts";
import { applyClassification, type StoredSuggestion } from "./suggestions.ts";
import { documentsView, type PublicDocument } from "./documents_view.ts";
import { deleteObjectJob } from "./jobs/delete_object_job.ts";
import { processDocumentJob } from "./jobs/process_document_job.ts";

/** How long a signed upload URL works. */
export const UPLOAD_URL_TTL_SECONDS = 15 * 60;
/** A pending upload not confirmed within this is removed (row and object). */
export const PENDING_TTL_MS = 60 * 60_000;
/** A signed download URL works this long. */
export const DOWNLOAD_URL_TTL_SECONDS = 5 * 60;

class NotAPdfError extends UnsupportedMediaTypeError {
  constructor() {
    super("documents.not_pdf", "This file is not a PDF. DocuVault stores PDF documents only.");
  }
}

export function fileTooLarge(maxBytes: number, size: number) {
  return new PayloadTooLargeError(
    "documents.too_large",
    `This file is ${formatBytes(size)}; the largest file allowed is ${formatBytes(maxBytes)}.`,
    { details: { max_bytes: maxBytes, size_bytes: size } },
  );
}

async function owned(deps: Deps, userId: string, id: string): Promise<DocumentRow> {
  const doc = await createDocumentsRepo(deps.db).findOwned(userId, id);
  if (!doc) throw new NotFoundError("documents.not_found", "No such document.");
  return doc;
}

/**
 * A document the user owns or that is shared with them, and what they may do with it.
 * Anyone else is told it does not exist.
 */
async function reachable(
  deps: Deps,
  userId: string,
  id: string,
): Promise<{ doc: DocumentRow; access: "owner" | Permission }> {
  const doc = await createDocumentsRepo(deps.db).findById(id);
  if (doc && doc.status !== "pending") {
    if (doc.user_id === userId) return { doc, access: "owner" };
    const permission = await createSharingRepo(deps.db).permissionOf(userId, id);
    if (permission) return { doc, access: permission };
  }
  throw new NotFoundError("documents.not_found", "No such document.");
}

export async function getDocument(deps: Deps, userId: string, id: string): Promise<PublicDocument> {
  const { doc } = await reachable(deps, userId, id);
  return (await documentsView(deps, userId, [doc], { withSummary: true }))[0];
}

/** The PDF's first KiB holds "%PDF-" (the header may follow a little junk; PDF allows it). */
function looksLikePdf(head: Uint8Array): boolean {
  return new TextDecoder("latin1").decode(head).includes("%PDF-");
}

async function readHead(deps: Deps, key: string): Promise<Uint8Array> {
  const { body } = await deps.storage.get(key, { range: { start: 0, end: 1023 } });
  return new Uint8Array(await new Response(body).arrayBuffer());
}

/** Step 1: a pending document and a signed URL to PUT its bytes to. */
export async function createUpload(
  { deps, user, input }: { deps: Deps; user: UserRow; input: z.output<typeof uploadUrlSchema> },
) {
  if (input.content_type.split(";")[0].trim().toLowerCase() !== PDF_CONTENT_TYPE) {
    throw new NotAPdfError();
  }
  const maxBytes = await getSetting(deps, "max_upload_bytes");
  if (input.size > maxBytes) throw fileTooLarge(maxBytes, input.size);
  const quota = await getQuota(deps, user.id);
  if (quota.used_bytes + input.size > quota.limit_bytes) {
    throw new QuotaExceededError(quota, input.size);
  }

  const id = crypto.randomUUID();
  const objectKey = documentObjectKey(user.id, id, ".pdf");
  const now = deps.clock.now().getTime();
  await createDocumentsRepo(deps.db).insert({
    id,
    userId: user.id,
    filename: sanitizeFilename(input.filename),
    sizeBytes: input.size,
    objectKey,
    storageBackend: deps.storage.driver,
    status: "pending",
    clientSha256: input.sha256 ?? null,
    uploadExpiresAt: new Date(now + PENDING_TTL_MS),
  });
  const signed = await deps.storage.signUpload(objectKey, {
    size: input.size,
    contentType: PDF_CONTENT_TYPE,
    expiresInSeconds: UPLOAD_URL_TTL_SECONDS,
  });
  const duplicateOf = input.sha256
    ? await createDocumentsRepo(deps.db).findDuplicate(user.id, input.sha256, id)
    : null;
  return {
    document_id: id,
    upload_url: signed.url,
    upload_method: signed.method,
    upload_headers: signed.headers,
    expires_at: signed.expiresAt.toISOString(),
    duplicate_of: duplicateOf,
  };
}

/** Remove a refused upload completely. */
async function discard(deps: Deps, doc: DocumentRow) {
  await deps.storage.delete(doc.object_key).catch((error) =>
    deps.logger.warn("could not delete a refused upload", {
      document_id: doc.id,
      error: String(error),
    })
  );
  await deps.db.deleteFrom("documents").where("id", "=", doc.id).where("status", "=", "pending")
    .execute();
}

/**
 * Step 3: the bytes are in storage. Check what is really there, charge the quota
 * atomically, and queue the processing. 202 with the document.
 */
export async function confirmUpload(
  { deps, user, documentId, client }: {
    deps: Deps;
    user: UserRow;
    documentId: string;
    client: ClientInfo;
  },
): Promise<PublicDocument> {
  const doc = await owned(deps, user.id, documentId);
  if (doc.status !== "pending") {
    throw new ConflictError("documents.already_confirmed", "This upload was already confirmed.");
  }
  const stored = await deps.storage.head(doc.object_key);
  if (!stored) {
    throw new ConflictError(
      "documents.not_uploaded",
      "The file has not arrived yet. Upload it to the upload URL, then confirm.",
    );
  }
  const maxBytes = await getSetting(deps, "max_upload_bytes");
  if (stored.size > maxBytes) {
    await discard(deps, doc);
    throw fileTooLarge(maxBytes, stored.size);
  }
  if (stored.size === 0 || !looksLikePdf(await readHead(deps, doc.object_key))) {
    await discard(deps, doc);
    throw new NotAPdfError();
  }

  let jobId: string;
  try {
    jobId = await deps.db.transaction().execute(async (trx) => {
      await chargeQuota(deps, { userId: user.id, bytes: stored.size, db: trx });
      if (!(await createDocumentsRepo(trx).markUploaded(user.id, doc.id, stored.size))) {
        throw new ConflictError(
          "documents.already_confirmed",
          "This upload was already confirmed.",
        );
      }
      const job = await deps.queue.enqueue(processDocumentJob, { document_id: doc.id }, {
        trx,
        dedupeKey: `process:${doc.id}`,
      });
      return job.id;
    });
  } catch (error) {
    if (error instanceof QuotaExceededError) await discard(deps, doc);
    throw error;
  }
  await deps.queue.dispatch(jobId);
  await audit(deps, {
    event: "upload",
    userId: user.id,
    resourceId: doc.id,
    client,
    metadata: { size_bytes: stored.size },
  });
  return await getDocument(deps, user.id, doc.id);
}

/** The one-call upload for scripts: the same checks, the bytes through this process. */
export async function uploadDirect(
  { deps, user, filename, bytes, client }: {
    deps: Deps;
    user: UserRow;
    filename: string;
    bytes: Uint8Array;
    client: ClientInfo;
  },
): Promise<PublicDocument & { duplicate_of: string | null }> {
  if (bytes.length === 0 || !looksLikePdf(bytes.subarray(0, 1024))) throw new NotAPdfError();
  const { document_id } = await createUpload({
    deps,
    user,
    input: { filename, size: bytes.length, content_type: PDF_CONTENT_TYPE },
  });
  const doc = (await createDocumentsRepo(deps.db).findOwned(user.id, document_id))!;
  try {
    await deps.storage.put(doc.object_key, bytes, {
      contentType: PDF_CONTENT_TYPE,
      maxBytes: bytes.length,
    });
  } catch (error) {
    await discard(deps, doc);
    throw error;
  }
  const confirmed = await confirmUpload({ deps, user, documentId: document_id, client });
  return confirmed;
}

export interface DeletedRow {
  id: string;
  /** The object to remove once the transaction commits; null when nothing was deleted. */
  key: string | null;
}

/**
 * Delete the user's documents' rows inside `trx` and give their bytes back to the quota.
 * Call `removeDeletedObjects` after the commit.
 */
export async function deleteDocumentRows(
  trx: Kysely<Database>,
  userId: string,
  ids: string[],
): Promise<DeletedRow[]> {
  const repo = createDocumentsRepo(trx);
  const results: DeletedRow[] = [];
  let refund = 0;
  for (const id of ids) {
    const row = await repo.deleteOwned(userId, id);
    results.push({ id, key: row?.object_key ?? null });
    if (row && row.status !== "pending") refund += row.size_bytes;
  }
  if (refund > 0) await createQuotasRepo(trx).refund(userId, refund);
  return results;
}

/** Delete a document: the bytes go back to the quota, the file is removed from storage. */
export async function deleteDocuments(
  { deps, user, ids, client }: { deps: Deps; user: UserRow; ids: string[]; client: ClientInfo },
): Promise<{ id: string; deleted: boolean }[]> {
  const deleted = await deps.db.transaction().execute((trx) =>
    deleteDocumentRows(trx, user.id, ids)
  );
  await removeDeletedObjects({ deps, user, deleted, client });
  return deleted.map(({ id, key }) => ({ id, deleted: key !== null }));
}

/** After deleting rows: remove their objects (or queue that) and record the deletions. */
export async function removeDeletedObjects(
  { deps, user, deleted, client }: {
    deps: Deps;
    user: UserRow;
    deleted: DeletedRow[];
    client: ClientInfo;
  },
): Promise<void> {
  for (const { id, key } of deleted) {
    if (!key) continue;
    try {
      await deps.storage.delete(key);
    } catch (error) {
      // The row is gone; the object is removed later (the job retries with back-off).
      deps.logger.warn("object delete failed; queued for retry", {
        document_id: id,
        error: String(error),
      });
      await deps.queue.enqueue(deleteObjectJob, { object_key: key });
    }
    await audit(deps, { event: "delete", userId: user.id, resourceId: id, client });
  }
  deps.classifiers.forget(user.id);
}

export async function deleteDocument(
  { deps, user, id, client }: { deps: Deps; user: UserRow; id: string; client: ClientInfo },
): Promise<void> {
  const [result] = await deleteDocuments({ deps, user, ids: [id], client });
  if (!result.deleted) throw new NotFoundError("documents.not_found", "No such document.");
}

/** Record what the user confirmed about documents, for the built-in classifier. */
export async function rememberLabels(
  deps: Deps,
  userId: string,
  documentIds: string[],
): Promise<void> {
  const repo = createDocumentsRepo(deps.db);
  const docs = await repo.findOwnedMany(userId, documentIds);
  if (docs.length === 0) return;
  for (const view of await documentsView(deps, userId, docs)) {
    await repo.saveExample({
      documentId: view.id,
      userId,
      documentType: view.document_type,
      categories: view.categories.map((c) => c.path),
      tags: view.tags.map((t) => t.name),
    });
  }
  deps.classifiers.forget(userId);
}

async function assertDocumentType(deps: Deps, slug: string) {
  const found = await deps.db.selectFrom("document_types").select("slug").where("slug", "=", slug)
    .executeTakeFirst();
  if (!found) {
    throw new BadRequestError("documents.unknown_type", `There is no document type “${slug}”.`);
  }
}

/** Edit a document's facts and organisation (the user's word beats the classifier's). */
export async function updateDocument(
  { deps, user, id, input }: {
    deps: Deps;
    user: UserRow;
    id: string;
    input: z.output<typeof updateDocumentSchema>;
  },
): Promise<PublicDocument> {
  const { doc, access } = await reachable(deps, user.id, id);
  if (access === "view") {
    throw new ForbiddenError(
      "documents.view_only",
      "This document is shared with you to view only.",
    );
  }
  if (
    access === "edit" &&
    (input.folder_id !== undefined || input.category_ids !== undefined || input.tags !== undefined)
  ) {
    throw new ForbiddenError(
      "documents.owner_only",
      "Only the owner files this document in folders, categories and tags.",
    );
  }
  if (input.document_type) await assertDocumentType(deps, input.document_type);
  if (input.folder_id && !(await createFoldersRepo(deps.db).findOwned(user.id, input.folder_id))) {
    throw new NotFoundError("folders.not_found", "No such folder.");
  }
  if (input.category_ids) {
    const visible = await createCategoriesRepo(deps.db).findVisibleMany(
      user.id,
      input.category_ids,
    );
    if (visible.length !== new Set(input.category_ids).size) {
      throw new NotFoundError("categories.not_found", "One of the categories does not exist.");
    }
  }
  await deps.db.transaction().execute(async (trx) => {
    const repo = createDocumentsRepo(trx);
    await repo.update(doc.id, {
      title: input.title,
      document_type: input.document_type,
      document_date: input.document_date,
      issuer: input.issuer,
      summary: input.summary,
      amount: input.amount === undefined ? undefined : input.amount?.value ?? null,
      currency: input.amount === undefined ? undefined : input.amount?.currency ?? null,
      folder_id: input.folder_id,
      classified_by: input.document_type !== undefined ? "user" : undefined,
    });
    if (input.category_ids) await repo.setCategories(doc.id, input.category_ids);
    if (input.tags) {
      const tags = createTagsRepo(trx);
      const ids = [];
      for (const name of input.tags) ids.push((await tags.findOrCreate(user.id, name)).id);
      await repo.setTags(doc.id, ids);
    }
  });
  if (input.document_type !== undefined || input.category_ids || input.tags) {
    // The owner's classifier learns from the corrected labels, whoever corrected them.
    await rememberLabels(deps, doc.user_id, [doc.id]);
  }
  return await getDocument(deps, user.id, doc.id);
}

/**
 * Queue documents (already checked to be the caller's) for processing again, inside
 * `trx`. Returns the jobs to dispatch after the commit; one already queued is left alone.
 */
export async function queueReanalysis(
  deps: Deps,
  trx: Kysely<Database>,
  ids: string[],
): Promise<string[]> {
  const jobIds: string[] = [];
  for (const id of ids) {
    const job = await deps.queue.enqueue(processDocumentJob, { document_id: id }, {
      trx,
      dedupeKey: `process:${id}`,
    });
    if (job.deduplicated) continue;
    jobIds.push(job.id);
    await createDocumentsRepo(trx).setStatus(id, "uploaded");
  }
  return jobIds;
}

/** Run extraction and classification again (e.g. after changing the AI endpoint). */
export async function reanalyseDocument(
  { deps, user, id }: { deps: Deps; user: UserRow; id: string },
): Promise<PublicDocument> {
  const doc = await owned(deps, user.id, id);
  if (doc.status === "pending") throw new NotFoundError("documents.not_found", "No such document.");
  const jobIds = await deps.db.transaction().execute((trx) => queueReanalysis(deps, trx, [id]));
  for (const jobId of jobIds) await deps.queue.dispatch(jobId);
  return await getDocument(deps, user.id, id);
}

/** Apply what the classifier suggested (creating new categories and tags in the user's namespace). */
export async function acceptSuggestion(
  { deps, user, id }: { deps: Deps; user: UserRow; id: string },
) {
  const doc = await owned(deps, user.id, id);
  if (!doc.ai_suggestion) {
    throw new ConflictError("documents.no_suggestion", "There is no suggestion to accept.");
  }
  await applyClassification(deps, doc, doc.ai_suggestion as unknown as StoredSuggestion, "user");
  await rememberLabels(deps, user.id, [doc.id]);
  return await getDocument(deps, user.id, doc.id);
}

export async function rejectSuggestion(
  { deps, user, id }: { deps: Deps; user: UserRow; id: string },
) {
  const doc = await owned(deps, user.id, id);
  if (!doc.ai_suggestion) {
    throw new ConflictError("documents.no_suggestion", "There is no suggestion to reject.");
  }
  await createDocumentsRepo(deps.db).setSuggestion(doc.id, null);
  // What the document holds now is what the user wants: learn from that.
  if (doc.document_type) await rememberLabels(deps, user.id, [doc.id]);
  return await getDocument(deps, user.id, doc.id);
}

/** A short-lived signed URL for the file (SPEC §4.3, §6): attachment, or inline for PDFs. */
export async function downloadUrl(
  { deps, user, id, inline }: { deps: Deps; user: UserRow; id: string; inline: boolean },
): Promise<string> {
  const { doc } = await reachable(deps, user.id, id);
  const signed = await deps.storage.signDownload(doc.object_key, {
    expiresInSeconds: DOWNLOAD_URL_TTL_SECONDS,
    filename: doc.filename,
    // Every stored file passed the PDF check at confirm; only then may it be shown inline.
    disposition: inline && doc.content_type === PDF_CONTENT_TYPE ? "inline" : "attachment",
    contentType: doc.content_type,
  });
  return signed.url;
}

export async function documentText(deps: Deps, userId: string, id: string) {
  const { doc } = await reachable(deps, userId, id);
  const text = await createDocumentsRepo(deps.db).textOf(doc.user_id, id);
  return {
    id,
    status: doc.status,
    language: doc.language,
    page_count: doc.page_count,
    has_text_layer: doc.has_text_layer,
    text: text ?? "",
  };
}
