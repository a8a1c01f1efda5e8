/**
 * All SQL on documents and their category/tag assignments (search and lists live in
 * documents_search.ts). Every query a user's request runs takes the user and scopes by
 * it in SQL; the worker's queries go by document id (the job was created for its owner).
 */
import { type Kysely, type Selectable, sql } from "kysely";
import { jsonb } from "../app/db.ts";
import type { Database, DocumentsTable, DocumentStatus } from "../app/db_schema.ts";

export type DocumentRow = Omit<Selectable<DocumentsTable>, "extracted_text">;

/** Every column but the (possibly huge) extracted text. */
export const DOCUMENT_COLUMNS = [
  "id",
  "user_id",
  "folder_id",
  "filename",
  "content_type",
  "size_bytes",
  "sha256",
  "client_sha256",
  "object_key",
  "storage_backend",
  "status",
  "error_message",
  "title",
  "document_type",
  "document_date",
  "issuer",
  "summary",
  "amount",
  "currency",
  "language",
  "page_count",
  "has_text_layer",
  "pdf_metadata",
  "ai_suggestion",
  "classified_by",
  "duplicate_of",
  "created_at",
  "updated_at",
  "confirmed_at",
  "processed_at",
  "upload_expires_at",
] as const;

export interface NewDocument {
  id: string;
  userId: string;
  filename: string;
  sizeBytes: number;
  objectKey: string;
  storageBackend: string;
  status: "pending" | "uploaded";
  sha256?: string | null;
  clientSha256?: string | null;
  uploadExpiresAt?: Date | null;
}

export interface ExtractionFields {
  extractedText: string;
  pageCount: number;
  hasTextLayer: boolean;
  language: string | null;
  pdfMetadata: Record<string, unknown>;
  sha256: string;
  duplicateOf: string | null;
}

export interface DocumentFields {
  title?: string | null;
  document_type?: string | null;
  document_date?: string | null;
  issuer?: string | null;
  summary?: string | null;
  amount?: number | null;
  currency?: string | null;
  folder_id?: string | null;
  classified_by?: "llm" | "builtin" | "user" | null;
}

export function createDocumentsRepo(db: Kysely<Database>) {
  return {
    async insert(doc: NewDocument): Promise<DocumentRow> {
      return await db.insertInto("documents").values({
        id: doc.id,
        user_id: doc.userId,
        filename: doc.filename,
        size_bytes: doc.sizeBytes,
        object_key: doc.objectKey,
        storage_backend: doc.storageBackend,
        status: doc.status,
        sha256: doc.sha256 ?? null,
        client_sha256: doc.clientSha256 ?? null,
        upload_expires_at: doc.uploadExpiresAt ?? null,
        confirmed_at: doc.status === "uploaded" ? sql`now()` : null,
      }).returning(DOCUMENT_COLUMNS).executeTakeFirstOrThrow();
    },

    /** One of the user's documents, or undefined (also for other users' ids). */
    async findOwned(userId: string, id: string): Promise<DocumentRow | undefined> {
      return await db.selectFrom("documents").select(DOCUMENT_COLUMNS)
        .where("id", "=", id).where("user_id", "=", userId).executeTakeFirst();
    },

    async findOwnedMany(userId: string, ids: string[]): Promise<DocumentRow[]> {
      if (ids.length === 0) return [];
      return await db.selectFrom("documents").select(DOCUMENT_COLUMNS)
        .where("id", "in", ids).where("user_id", "=", userId).execute();
    },

    /** A document by id, whoever owns it: for the worker, and for callers that check access. */
    async findById(id: string): Promise<DocumentRow | undefined> {
      return await db.selectFrom("documents").select(DOCUMENT_COLUMNS).where("id", "=", id)
        .executeTakeFirst();
    },

    async textOf(userId: string, id: string): Promise<string | null | undefined> {
      const row = await db.selectFrom("documents").select("extracted_text")
        .where("id", "=", id).where("user_id", "=", userId).executeTakeFirst();
      return row ? row.extracted_text : undefined;
    },

    /** The user's first document with these bytes, other than `exceptId`. */
    async findDuplicate(userId: string, sha256: string, exceptId: string): Promise<string | null> {
      const row = await db.selectFrom("documents").select("id")
        .where("user_id", "=", userId).where("sha256", "=", sha256).where("id", "<>", exceptId)
        .where("status", "<>", "pending")
        .orderBy("created_at").limit(1).executeTakeFirst();
      return row?.id ?? null;
    },

    /** pending → uploaded with the real size; false when it was not pending any more. */
    async markUploaded(userId: string, id: string, sizeBytes: number): Promise<boolean> {
      const result = await db.updateTable("documents")
        .set({
          status: "uploaded",
          size_bytes: sizeBytes,
          confirmed_at: sql`now()`,
          upload_expires_at: null,
          updated_at: sql`now()`,
        })
        .where("id", "=", id).where("user_id", "=", userId).where("status", "=", "pending")
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async setStatus(
      id: string,
      status: DocumentStatus,
      errorMessage: string | null = null,
    ): Promise<void> {
      await db.updateTable("documents")
        .set({ status, error_message: errorMessage, updated_at: sql`now()` })
        .where("id", "=", id).execute();
    },

    async saveExtraction(id: string, fields: ExtractionFields): Promise<void> {
      await db.updateTable("documents").set({
        extracted_text: fields.extractedText,
        page_count: fields.pageCount,
        has_text_layer: fields.hasTextLayer,
        language: fields.language,
        pdf_metadata: jsonb(fields.pdfMetadata) as never,
        sha256: fields.sha256,
        duplicate_of: fields.duplicateOf,
        updated_at: sql`now()`,
      }).where("id", "=", id).execute();
    },

    async update(id: string, fields: DocumentFields): Promise<void> {
      const set: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(fields)) if (value !== undefined) set[key] = value;
      if (Object.keys(set).length === 0) return;
      await db.updateTable("documents").set({ ...set, updated_at: sql`now()` })
        .where("id", "=", id).execute();
    },

    async setSuggestion(id: string, suggestion: Record<string, unknown> | null): Promise<void> {
      await db.updateTable("documents")
        .set({
          ai_suggestion: suggestion === null ? null : jsonb(suggestion) as never,
          updated_at: sql`now()`,
        })
        .where("id", "=", id).execute();
    },

    async markReady(id: string): Promise<void> {
      await db.updateTable("documents")
        .set({
          status: "ready",
          error_message: null,
          processed_at: sql`now()`,
          updated_at: sql`now()`,
        })
        .where("id", "=", id).execute();
    },

    /** Delete one of the user's documents; what it held, for the quota and the object. */
    async deleteOwned(
      userId: string,
      id: string,
    ): Promise<{ size_bytes: number; status: DocumentStatus; object_key: string } | undefined> {
      return await db.deleteFrom("documents")
        .where("id", "=", id).where("user_id", "=", userId)
        .returning(["size_bytes", "status", "object_key"]).executeTakeFirst();
    },

    /** Pending uploads never confirmed in time (the periodic clean-up removes them). */
    async deleteExpiredPending(
      before: Date,
      limit = 500,
    ): Promise<{ id: string; object_key: string }[]> {
      return await db.deleteFrom("documents")
        .where("id", "in", (eb) =>
          eb.selectFrom("documents").select("id")
            .where("status", "=", "pending").where("upload_expires_at", "<", before).limit(limit))
        .returning(["id", "object_key"]).execute();
    },

    // Assignments ----------------------------------------------------------------

    async setCategories(documentId: string, categoryIds: string[]): Promise<void> {
      await db.deleteFrom("document_categories").where("document_id", "=", documentId).execute();
      if (categoryIds.length === 0) return;
      await db.insertInto("document_categories")
        .values(
          [...new Set(categoryIds)].map((category_id) => ({
            document_id: documentId,
            category_id,
          })),
        )
        .execute();
    },

    async addCategories(documentIds: string[], categoryId: string): Promise<void> {
      if (documentIds.length === 0) return;
      await db.insertInto("document_categories")
        .values(documentIds.map((document_id) => ({ document_id, category_id: categoryId })))
        .onConflict((oc) => oc.doNothing()).execute();
    },

    async removeCategory(documentIds: string[], categoryId: string): Promise<void> {
      if (documentIds.length === 0) return;
      await db.deleteFrom("document_categories")
        .where("document_id", "in", documentIds).where("category_id", "=", categoryId).execute();
    },

    async setTags(documentId: string, tagIds: string[]): Promise<void> {
      await db.deleteFrom("document_tags").where("document_id", "=", documentId).execute();
      if (tagIds.length === 0) return;
      await db.insertInto("document_tags")
        .values([...new Set(tagIds)].map((tag_id) => ({ document_id: documentId, tag_id })))
        .execute();
    },

    async addTags(documentIds: string[], tagId: string): Promise<void> {
      if (documentIds.length === 0) return;
      await db.insertInto("document_tags")
        .values(documentIds.map((document_id) => ({ document_id, tag_id: tagId })))
        .onConflict((oc) => oc.doNothing()).execute();
    },

    async removeTag(documentIds: string[], tagId: string): Promise<void> {
      if (documentIds.length === 0) return;
      await db.deleteFrom("document_tags")
        .where("document_id", "in", documentIds).where("tag_id", "=", tagId).execute();
    },

    /** Categories of these documents: id, name, parent (for paths), by document. */
    async categoriesOf(documentIds: string[]) {
      if (documentIds.length === 0) return [];
      return await db.selectFrom("document_categories as dc")
        .innerJoin("categories as c", "c.id", "dc.category_id")
        .select(["dc.document_id", "c.id", "c.name", "c.parent_id", "c.user_id"])
        .where("dc.document_id", "in", documentIds)
        .orderBy("c.name").execute();
    },

    async tagsOf(documentIds: string[]) {
      if (documentIds.length === 0) return [];
      return await db.selectFrom("document_tags as dt")
        .innerJoin("tags as t", "t.id", "dt.tag_id")
        .select(["dt.document_id", "t.id", "t.name"])
        .where("dt.document_id", "in", documentIds)
        .orderBy("t.name").execute();
    },

    // What the built-in classifier learns from --------------------------------------

    async saveExample(example: {
      documentId: string;
      userId: string;
      documentType: string | null;
      categories: string[];
      tags: string[];
    }): Promise<void> {
      const values = {
        document_type: example.documentType,
        categories: jsonb(example.categories) as never,
        tags: jsonb(example.tags) as never,
        updated_at: sql`now()` as never,
      };
      await db.insertInto("classifier_examples")
        .values({ document_id: example.documentId, user_id: example.userId, ...values })
        .onConflict((oc) => oc.column("document_id").doUpdateSet(values))
        .execute();
    },

    /** The user's most recent confirmed documents, with (the start of) their text. */
    async examplesOf(userId: string, limit = 300) {
      return await db.selectFrom("classifier_examples as e")
        .innerJoin("documents as d", "d.id", "e.document_id")
        .select([
          "e.document_id",
          "e.document_type",
          "e.categories",
          "e.tags",
          "d.language",
          sql<string>`left(coalesce(d.extracted_text, ''), 20000)`.as("text"),
        ])
        .where("e.user_id", "=", userId)
        .orderBy("e.updated_at", "desc")
        .limit(limit)
        .execute();
    },
  };
}

export type DocumentsRepo = ReturnType<typeof createDocumentsRepo>;
