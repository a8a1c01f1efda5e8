/**
 * The shared test corpus (../shared/corpus beside the project): real PDFs with a
 * MANIFEST.tsv saying what each holds. It lives outside the repository, so tests that
 * need it are registered as ignored, with the reason in their name, when it is absent.
 */
import { join } from "node:path";
import { PROJECT_ROOT } from "../../app/assets.ts";
import type { ExtractionFailure } from "./extraction_types.ts";

export const CORPUS_DIR = join(PROJECT_ROOT, "..", "shared", "corpus");

export interface CorpusEntry {
  file: string;
  path: string;
  type: string;
  /** ISO 639-1, or "und". */
  language: string;
  /** Null where the manifest says "unknown". */
  pages: number | null;
  hasTextLayer: boolean;
  note: string;
}

/** The manifest's entries whose file is present, or null when there is no corpus. */
export function readCorpus(): CorpusEntry[] | null {
  let manifest: string;
  try {
    manifest = Deno.readTextFileSync(join(CORPUS_DIR, "MANIFEST.tsv"));
  } catch {
    return null;
  }
  const [header, ...rows] = manifest.trim().split("\n").map((line) => line.split("\t"));
  const column = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`MANIFEST.tsv has no "${name}" column`);
    return index;
  };
  const [file, type, language, pages, text, note] = [
    "file",
    "type",
    "language",
    "pages",
    "has_text_layer",
    "note",
  ].map(column);
  return rows
    .map((row) => ({
      file: row[file],
      path: join(CORPUS_DIR, row[file]),
      type: row[type],
      language: row[language],
      pages: /^\d+$/.test(row[pages]) ? Number(row[pages]) : null,
      hasTextLayer: row[text] === "yes",
      note: row[note] ?? "",
    }))
    .filter((entry) => {
      try {
        return Deno.statSync(entry.path).isFile;
      } catch {
        return false;
      }
    });
}

/** One corpus file's bytes by name. */
export function readCorpusFile(file: string): Promise<Uint8Array> {
  return Deno.readFile(join(CORPUS_DIR, file));
}

/** Test-name suffix and `ignore` flag for tests that need the corpus. */
export function corpusTestOptions(corpus: CorpusEntry[] | null, ...files: string[]) {
  const missing = corpus === null
    ? "the corpus"
    : files.find((file) => !corpus.some((entry) => entry.file === file));
  return missing
    ? { suffix: ` (ignored: ${missing} is missing from ${CORPUS_DIR})`, ignore: true }
    : { suffix: "", ignore: false };
}

export type EdgeOutcome =
  | { error: ExtractionFailure }
  | { pages: number; hasTextLayer: boolean; includes: string };

/**
 * What each edge file ends as. The manifest's page counts and text-layer flags for edge
 * files come from poppler; where pdf.js reads more (or less), the comment says why.
 */
export const EDGE_OUTCOMES: Record<string, EdgeOutcome> = {
  // The page tree claims 213,804,087 pages and holds one unreadable object; pdf.js finds
  // no page and shows one invented blank page, which the extractor recognises.
  "edge__bogus_page_count__09.pdf": { error: "empty" },
  // pdf.js rebuilds the missing xref. 15 letters on a page is below the text-layer bar.
  "edge__broken_xref__05.pdf": { pages: 1, hasTextLayer: false, includes: "Reduced test-case" },
  "edge__empty_file__13.pdf": { error: "empty" },
  // Needs the password "SaSLprep".
  "edge__encrypted_aes256_saslprep__02.pdf": { error: "encrypted" },
  // The manifest says "opens with empty user password", but the EMPTY password of this file
  // is its OWNER password (its user password is "asdfasdf"). poppler authenticates an empty
  // password as the owner; pdf.js deliberately does not (its own test suite asserts that
  // this file needs a password). True empty-user-password PDFs open: see extractor_test.ts.
  "edge__encrypted_empty_user_password__03.pdf": { error: "encrypted" },
  "edge__encrypted_user_password__01.pdf": { error: "encrypted" },
  "edge__huge_page_count__08.pdf": {
    pages: 352,
    hasTextLayer: true,
    includes: "Free Culture",
  },
  // The page's images are JBIG2 bombs, which text extraction never decodes; its caption is
  // real text (poppler gives up on the page, hence the manifest's has_text_layer=no).
  "edge__image_bomb__15.pdf": { pages: 1, hasTextLayer: true, includes: "GIANT JBIG2 BOMB" },
  "edge__junk_before_header__06.pdf": {
    pages: 1,
    hasTextLayer: true,
    includes: "Missing value for startxref",
  },
  // Page 2 is a loop in the page tree: that page fails, page 1 is read. 17 letters over two
  // pages is below the text-layer bar.
  "edge__pages_tree_loop__07.pdf": { pages: 2, hasTextLayer: false, includes: "Pages loop" },
  "edge__text_as_vector_outlines__14.pdf": { pages: 1, hasTextLayer: false, includes: "" },
  "edge__truncated_stream__11.pdf": { error: "damaged" },
  // pdf.js decodes /BrotliDecode streams (poppler does not, hence the manifest's "no").
  "edge__unsupported_brotli_filter__10.pdf": {
    pages: 25,
    hasTextLayer: true,
    includes: "SHEET INDEX",
  },
  // XFA forms are not rendered; the PDF layer's own page is what there is to read.
  "edge__xfa_only_form__12.pdf": {
    pages: 1,
    hasTextLayer: true,
    includes: "requires Adobe Reader 8",
  },
  "edge__zero_pages__04.pdf": { error: "empty" },
};
