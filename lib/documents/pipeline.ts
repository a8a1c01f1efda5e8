/**
 * The processing of one document (SPEC §4.4), run by the `documents.process` job:
 * extract (isolated, see extraction/) → classify (built-in or LLM) → apply the answer or
 * keep it as a suggestion → ready. The search vector follows by trigger.
 *
 * Outcomes: `ready`; or `error` with a message a user can act on — for a PDF that cannot
 * be read (encrypted, damaged, empty: retrying would not help), or when the AI endpoint
 * still fails on the last attempt (the text is kept, so the document is searchable).
 */
import type { Deps } from "../app/deps.ts";
import type { ClassificationInput } from "../classify/classifier_types.ts";
import { categoryPaths } from "../categories/categories_service.ts";
import { createCategoriesRepo } from "../categories/categories_repo.ts";
import { getSetting } from "../settings/settings_service.ts";
import { AppError, describeError } from "../shared/errors.ts";
import { createTagsRepo } from "../tags/tags_repo.ts";
import { createUsersRepo } from "../users/users_repo.ts";
import { createDocumentsRepo, type DocumentRow } from "./documents_repo.ts";
import { applyClassification, type StoredSuggestion } from "./suggestions.ts";
import { ExtractionError, type ExtractionResult } from "./extraction/extraction_types.ts";

export interface PipelineContext {
  signal: AbortSignal;
  attempt: number;
  maxAttempts: number;
}

/** AI endpoint failures worth another try later; the rest (bad key, bad answers) are not. */
const TRANSIENT_CLASSIFY_CODES = new Set([
  "classify.unreachable",
  "classify.timeout",
  "classify.rate_limited",
  "classify.unavailable",
  "classify.endpoint_failed",
]);

async function readObject(deps: Deps, key: string): Promise<Uint8Array> {
  const { body } = await deps.storage.get(key);
  return new Uint8Array(await new Response(body).arrayBuffer());
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The labels a classifier may choose from: the types, the user's categories and tags. */
async function labelChoices(deps: Deps, userId: string) {
  const [types, categories, tags] = await Promise.all([
    deps.db.selectFrom("document_types").select(["slug", "label"]).orderBy("sort_order").execute(),
    createCategoriesRepo(deps.db).listVisible(userId),
    createTagsRepo(deps.db).list(userId),
  ]);
  return { types, categories, tags };
}

function classificationInput(
  doc: DocumentRow,
  extraction: ExtractionResult,
  { types, categories, tags }: Awaited<ReturnType<typeof labelChoices>>,
): ClassificationInput {
  return {
    text: extraction.text,
    filename: doc.filename,
    language: extraction.language,
    pageCount: extraction.pageCount,
    metadata: {
      title: extraction.metadata.title,
      author: extraction.metadata.author,
      subject: extraction.metadata.subject,
      creationDate: extraction.metadata.creationDate,
    },
    documentTypes: types,
    categories: [...categoryPaths(categories).values()],
    tags: tags.map((t) => t.name),
    userId: doc.user_id,
  };
}

export async function processDocument(
  deps: Deps,
  documentId: string,
  ctx: PipelineContext,
): Promise<void> {
  const repo = createDocumentsRepo(deps.db);
  const doc = await repo.findById(documentId);
  if (!doc || doc.status === "pending") return; // deleted, or never confirmed
  const log = deps.logger.child({ document_id: doc.id });
  await repo.setStatus(doc.id, "processing");

  const bytes = await readObject(deps, doc.object_key);
  const sha256 = await sha256Hex(bytes as Uint8Array<ArrayBuffer>);
  // A child process reads the PDF on its own core; meanwhile, gather what comes after.
  const gathered = Promise.all([
    repo.findDuplicate(doc.user_id, sha256, doc.id),
    createUsersRepo(deps.db).findById(doc.user_id),
    labelChoices(deps, doc.user_id),
    getSetting(deps, "suggestions_mode"),
    getSetting(deps, "builtin_auto_apply_confidence"),
  ]);
  gathered.catch(() => {}); // awaited below, after the extraction, which may fail first

  let extraction: ExtractionResult;
  try {
    extraction = await deps.extractor.extract(bytes, { signal: ctx.signal });
  } catch (error) {
    if (!(error instanceof ExtractionError)) throw error;
    const [duplicateOf] = await gathered;
    await repo.saveExtraction(doc.id, {
      extractedText: "",
      pageCount: 0,
      hasTextLayer: false,
      language: null,
      pdfMetadata: {},
      sha256,
      duplicateOf,
    });
    await repo.setStatus(doc.id, "error", error.message);
    log.info("document could not be read", { reason: error.reason });
    return;
  }
  const [duplicateOf, user, choices, mode, threshold] = await gathered;
  await repo.saveExtraction(doc.id, {
    extractedText: extraction.text,
    pageCount: extraction.pageCount,
    hasTextLayer: extraction.hasTextLayer,
    language: extraction.language,
    pdfMetadata: extraction.metadata as Record<string, unknown>,
    sha256,
    duplicateOf,
  });

  if (!user) return;
  const classifier = await deps.classifiers.forUser(user);
  let suggestion: StoredSuggestion;
  try {
    const result = await classifier.classify(classificationInput(doc, extraction, choices), {
      signal: ctx.signal,
    });
    suggestion = { classifier: classifier.kind, ...result };
  } catch (error) {
    const code = error instanceof AppError ? error.code : "";
    if (TRANSIENT_CLASSIFY_CODES.has(code) && ctx.attempt < ctx.maxAttempts) throw error;
    await repo.setStatus(
      doc.id,
      "error",
      `The text was read, but the document could not be classified: ${describeError(error)} ` +
        "Re-analyse it when the problem is solved.",
    );
    log.warn("classification failed", { code, error: describeError(error) });
    return;
  }

  // The user's own labels are never overwritten: a re-analysis only suggests then.
  const confident = suggestion.classifier === "llm" || suggestion.confidence >= threshold;
  if (mode === "auto" && confident && doc.classified_by !== "user") {
    await applyClassification(deps, (await repo.findById(doc.id))!, suggestion);
  } else {
    await repo.setSuggestion(doc.id, suggestion as unknown as Record<string, unknown>);
  }
  await repo.markReady(doc.id);
  log.info("document ready", { classifier: classifier.kind, type: suggestion.document_type });
}
