/**
 * Reading a PDF's text, page count and metadata with unpdf (pdf.js). Only the extraction
 * child (extract_child.ts) imports this: pdf.js parses hostile bytes, and a decompression
 * bomb or a parser loop must cost that process, never the server.
 */
import { getDocumentProxy, getResolvedPDFJS } from "unpdf";
import type { JobAnswer } from "./child_protocol.ts";
import type { ExtractionResult, PdfMetadata } from "./extraction_types.ts";
import { detectLanguage } from "./language.ts";
import { cleanPageText, countWordCharacters, truncateText } from "./text_cleanup.ts";

export interface TextLimits {
  /** Pages read at most; the page count still says how many the PDF has. */
  maxPages: number;
  /** Characters of text kept at most, page separators included. */
  maxTextChars: number;
}

/**
 * Below this many letters and digits per page on average, a PDF has no usable text layer:
 * scanned pages carry none (or a stamp such as "Scanned by …"), text drawn as curves none,
 * and a stray page number or form label should not make a scan count as text.
 */
const MIN_WORD_CHARS_PER_PAGE = 20;
/** Metadata strings are the PDF author's to choose; keep them to a sane length. */
const MAX_METADATA_CHARS = 1_000;

export const MESSAGES = {
  encrypted: "This PDF is protected with a password; DocuVault cannot read its text.",
  damaged: "This file is damaged or is not a PDF, so DocuVault cannot read its text.",
  damagedPages: "The pages of this PDF are damaged, so DocuVault cannot read its text.",
  emptyFile: "This file is empty (0 bytes), so there is no text to read.",
  noPages: "This PDF has no pages, so there is no text to read.",
} as const;

type Failed = Extract<JobAnswer, { type: "failed" }>;

/** Read `bytes` as a PDF. Never throws: failures come back as a "failed" message. */
export async function extractPdfText(bytes: Uint8Array, limits: TextLimits): Promise<JobAnswer> {
  if (bytes.length === 0) return { type: "failed", reason: "empty", message: MESSAGES.emptyFile };
  let pdf;
  try {
    // Errors only: pdf.js warns about every repair it makes to a broken file.
    pdf = await getDocumentProxy(bytes, { verbosity: 0 });
  } catch (error) {
    return openFailure(error);
  }
  try {
    return await readDocument(pdf, limits);
  } catch (error) {
    return openFailure(error);
  } finally {
    await pdf.loadingTask.destroy().catch(() => {});
  }
}

type Pdf = Awaited<ReturnType<typeof getDocumentProxy>>;

async function readDocument(pdf: Pdf, limits: TextLimits): Promise<JobAnswer> {
  const pageCount = pdf.numPages;
  if (pageCount === 0) return { type: "failed", reason: "empty", message: MESSAGES.noPages };
  const pages: string[] = [];
  let chars = 0;
  let wordChars = 0;
  let failedPages = 0;
  let firstPageError: unknown;
  let truncated = pageCount > limits.maxPages;
  for (let number = 1; number <= Math.min(pageCount, limits.maxPages); number++) {
    // "\f" between pages counts towards the limit too.
    const room = limits.maxTextChars - chars - (pages.length > 0 ? 1 : 0);
    if (room <= 0) {
      truncated = true;
      break;
    }
    let text = "";
    try {
      const page = await pdf.getPage(number);
      // When a PDF's page tree holds no page at all, pdf.js invents one blank page (with no
      // object behind it) so that viewers have something to show.
      if (pageCount === 1 && page.ref === null && !pdf.isPureXfa) {
        return { type: "failed", reason: "empty", message: MESSAGES.noPages };
      }
      text = cleanPageText(await readPageText(page));
      page.cleanup();
    } catch (error) {
      // One broken page (a loop in the page tree, a bad object) costs that page only.
      failedPages++;
      firstPageError ??= error;
    }
    if (text.length > room) {
      text = truncateText(text, room);
      truncated = true;
    }
    wordChars += countWordCharacters(text);
    chars += text.length + (pages.length > 0 ? 1 : 0);
    pages.push(text);
  }
  if (pages.length > 0 && failedPages === pages.length) {
    return {
      type: "failed",
      reason: "damaged",
      message: MESSAGES.damagedPages,
      detail: String(firstPageError),
    };
  }
  const text = pages.join("\f");
  const result: ExtractionResult = {
    text,
    pageCount,
    hasTextLayer: wordChars >= MIN_WORD_CHARS_PER_PAGE * Math.max(1, pages.length),
    language: detectLanguage(text),
    metadata: await readMetadata(pdf),
  };
  return { type: "done", result, truncated };
}

async function readPageText(page: Awaited<ReturnType<Pdf["getPage"]>>): Promise<string> {
  const content = await page.getTextContent();
  let text = "";
  for (const item of content.items) {
    if ("str" in item) text += item.str + (item.hasEOL ? "\n" : "");
  }
  return text;
}

function openFailure(error: unknown): Failed {
  const name = error instanceof Object && "name" in error ? error.name : "";
  if (name === "PasswordException") {
    return {
      type: "failed",
      reason: "encrypted",
      message: MESSAGES.encrypted,
      detail: String(error),
    };
  }
  return { type: "failed", reason: "damaged", message: MESSAGES.damaged, detail: String(error) };
}

/** The document information dictionary, with the XMP metadata filling its gaps. */
async function readMetadata(pdf: Pdf): Promise<PdfMetadata> {
  let info: Record<string, unknown> = {};
  let xmp: { get(name: string): unknown } | null = null;
  try {
    const meta = await pdf.getMetadata();
    info = (meta.info ?? {}) as Record<string, unknown>;
    xmp = meta.metadata ?? null;
  } catch {
    // Unreadable metadata is no reason to lose the text.
  }
  const fromXmp = (name: string) => {
    try {
      return xmp?.get(name);
    } catch {
      return undefined;
    }
  };
  const { PDFDateString } = await getResolvedPDFJS();
  const pdfDate = (value: unknown) =>
    typeof value === "string" ? PDFDateString.toDateObject(value) : null;
  const isoDate = (value: unknown) => typeof value === "string" ? new Date(value) : null;
  const metadata: PdfMetadata = {
    title: metadataText(info.Title) ?? metadataText(fromXmp("dc:title")),
    author: metadataText(info.Author) ?? metadataText(fromXmp("dc:creator")),
    subject: metadataText(info.Subject) ?? metadataText(fromXmp("dc:description")),
    keywords: metadataText(info.Keywords) ?? metadataText(fromXmp("pdf:keywords")),
    creator: metadataText(info.Creator) ?? metadataText(fromXmp("xmp:creatortool")),
    producer: metadataText(info.Producer) ?? metadataText(fromXmp("pdf:producer")),
    creationDate: isoString(pdfDate(info.CreationDate)) ??
      isoString(isoDate(fromXmp("xmp:createdate"))),
    modificationDate: isoString(pdfDate(info.ModDate)) ??
      isoString(isoDate(fromXmp("xmp:modifydate"))),
  };
  // Leave absent fields out rather than sending `undefined` through JSON.
  return Object.fromEntries(Object.entries(metadata).filter(([, v]) => v !== undefined));
}

/** A metadata value as one clean line, or undefined when there is nothing to show. */
function metadataText(value: unknown): string | undefined {
  const text = Array.isArray(value) ? value.filter((v) => typeof v === "string").join(", ") : value;
  if (typeof text !== "string") return undefined;
  const clean = truncateText(cleanPageText(text).replace(/\n+/g, " "), MAX_METADATA_CHARS);
  return clean === "" ? undefined : clean;
}

/**
 * ISO 8601 for plausible dates only: fuzzed and hand-edited files carry years like 0 or
 * 99999, which are no use to anyone and which `toISOString` writes in an extended form.
 */
function isoString(date: Date | null): string | undefined {
  if (!date || Number.isNaN(date.getTime())) return undefined;
  const year = date.getUTCFullYear();
  return year >= 1900 && year < 3000 ? date.toISOString() : undefined;
}
