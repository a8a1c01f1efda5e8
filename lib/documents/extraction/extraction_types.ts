/**
 * Text extraction from PDFs, isolated from the server: see extractor.ts. A hostile PDF
 * (a decompression bomb, a page-tree loop, a truncated file) can fail its own extraction
 * only — with a readable reason — and never the process that asked.
 */
import { AppError } from "../../shared/errors.ts";

export interface PdfMetadata {
  title?: string;
  author?: string;
  subject?: string;
  keywords?: string;
  creator?: string;
  producer?: string;
  /** ISO 8601 */
  creationDate?: string;
  modificationDate?: string;
}

export interface ExtractionResult {
  /** The text of every page, in order, pages separated by "\f" (form feed). */
  text: string;
  pageCount: number;
  /** False for image-only (scanned) PDFs and those whose text is drawn as curves. */
  hasTextLayer: boolean;
  /** Detected language of the text, ISO 639-1 ("en", "de" …), or null. */
  language: string | null;
  metadata: PdfMetadata;
}

/** Why an extraction failed, in words a user can act on. */
export type ExtractionFailure =
  | "encrypted" // needs a password
  | "damaged" // not a readable PDF
  | "empty" // no bytes, or no pages
  | "timeout" // took longer than the limit
  | "too_big"; // needed more memory than the limit

export class ExtractionError extends AppError {
  constructor(readonly reason: ExtractionFailure, message: string, options?: { cause?: unknown }) {
    super(`extraction.${reason}`, 422, message, { cause: options?.cause });
  }
}

export interface ExtractOptions {
  signal?: AbortSignal;
}

export interface Extractor {
  /** Extract text and facts from a PDF's bytes. Throws ExtractionError. */
  extract(pdf: Uint8Array, options?: ExtractOptions): Promise<ExtractionResult>;
  /** Start the helper processes now, so that the first PDF does not wait for them. */
  warm(): void;
  /** Stop the helper processes. */
  close(): Promise<void>;
}
