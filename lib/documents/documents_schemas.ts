/** zod schemas of the documents API (SPEC §4.3–§4.5, §5). */
import { z } from "zod";
import { oneRecipient, shareFields } from "../sharing/sharing_schemas.ts";

export const PDF_CONTENT_TYPE = "application/pdf";
const hex64 = z.string().regex(/^[0-9a-f]{64}$/i, "A SHA-256 is 64 hexadecimal characters.")
  .transform((s) => s.toLowerCase());

/** `POST /api/documents/upload-url` */
export const uploadUrlSchema = z.object({
  filename: z.string().min(1, "Give the file name.").max(1024),
  size: z.number().int().min(1, "The file is empty.").max(Number.MAX_SAFE_INTEGER),
  content_type: z.string().max(200).default(PDF_CONTENT_TYPE),
  /** Optional: lets the server say at once that this file is already stored. */
  sha256: hex64.optional(),
}).strict();

const nullableText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim() : v),
    z.string().max(max).nullable(),
  );

/** `PATCH /api/documents/{id}`: any of these; categories by id, tags by name. */
export const updateDocumentSchema = z.object({
  title: nullableText(300).optional(),
  document_type: z.string().regex(/^[a-z][a-z0-9_]{1,48}$/).nullable().optional(),
  document_date: z.iso.date({ error: "Use the form yyyy-mm-dd.", abort: true }).nullable()
    .optional(),
  issuer: nullableText(300).optional(),
  summary: nullableText(2000).optional(),
  amount: z.object({
    value: z.number().finite().min(-1e13).max(1e13),
    currency: z.string().regex(/^[A-Za-z]{3}$/).transform((s) => s.toUpperCase()).nullable(),
  }).nullable().optional(),
  folder_id: z.uuid().nullable().optional(),
  category_ids: z.array(z.uuid()).max(50).optional(),
  tags: z.array(z.string().trim().min(1).max(64)).max(50).optional(),
}).strict();

export const SORTS = ["relevance", "date", "uploaded", "title", "size"] as const;
/**
 * The workspace's views: all, uploaded in the last 30 days, with a suggestion waiting,
 * still processing or failed ("processing"), failed only, and shared with the user.
 */
export const VIEWS = ["all", "recent", "review", "processing", "failed", "shared"] as const;
const STATUSES = ["uploaded", "processing", "ready", "error"] as const;

const oneOrMany = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]),
    z.array(schema).max(20).optional(),
  );

/** `GET /api/documents`: everything that is on screen is in the URL. */
export const listDocumentsSchema = z.object({
  q: z.string().trim().max(500).optional(),
  status: oneOrMany(z.enum(STATUSES)),
  type: oneOrMany(z.string().regex(/^[a-z][a-z0-9_]{1,48}$/)),
  category: oneOrMany(z.uuid()),
  tag: oneOrMany(z.uuid()),
  folder: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  uploaded_from: z.iso.date().optional(),
  uploaded_to: z.iso.date().optional(),
  view: z.enum(VIEWS).default("all"),
  sort: z.enum(SORTS).optional(),
  order: z.enum(["asc", "desc"]).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  facets: z.enum(["0", "1", "true", "false"]).transform((v) => v === "1" || v === "true")
    .optional(),
}).strict();

export type ListDocumentsQuery = z.output<typeof listDocumentsSchema>;

export const BULK_ACTIONS = [
  "add_category",
  "remove_category",
  "add_tag",
  "remove_tag",
  "move_to_folder",
  "reanalyse",
  "share",
  "delete",
] as const;

/** The documents one bulk request acts on (one transaction). */
export const BULK_MAX_IDS = 500;
const bulkIds = z.array(z.uuid()).min(1).max(BULK_MAX_IDS);

/** `POST /api/documents/bulk` */
export const bulkSchema = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("add_category"),
    ids: bulkIds,
    category_id: z.uuid(),
  }),
  z.object({
    action: z.literal("remove_category"),
    ids: bulkIds,
    category_id: z.uuid(),
  }),
  z.object({
    action: z.literal("add_tag"),
    ids: bulkIds,
    tag: z.string().trim().min(1).max(64),
  }),
  z.object({
    action: z.literal("remove_tag"),
    ids: bulkIds,
    tag_id: z.uuid(),
  }),
  z.object({
    action: z.literal("move_to_folder"),
    ids: bulkIds,
    folder_id: z.uuid().nullable(),
  }),
  z.object({ action: z.literal("reanalyse"), ids: bulkIds }),
  z.object({ action: z.literal("share"), ids: bulkIds, ...shareFields }).refine(...oneRecipient),
  z.object({ action: z.literal("delete"), ids: bulkIds }),
], { error: () => `Choose an action: ${BULK_ACTIONS.join(", ")}.` });

/**
 * A file name as the user will see it: no path, no control characters, at most 255
 * bytes of UTF-8 (cut before the extension, never inside a character).
 */
export function sanitizeFilename(name: string): string {
  let clean = name.split(/[\\/]/).pop() ?? "";
  // deno-lint-ignore no-control-regex
  clean = clean.replace(/[\u0000-\u001f\u007f]/g, "").replace(/\s+/g, " ").trim();
  clean = clean.replace(/^\.+/, "").toWellFormed();
  if (!clean) clean = "document.pdf";
  const encoder = new TextEncoder();
  if (encoder.encode(clean).length <= 255) return clean;
  const dot = clean.lastIndexOf(".");
  const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : "";
  let stem = clean.slice(0, clean.length - ext.length);
  while (encoder.encode(stem + ext).length > 255) stem = Array.from(stem).slice(0, -1).join("");
  return stem + ext;
}
