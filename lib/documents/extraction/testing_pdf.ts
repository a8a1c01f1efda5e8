/**
 * Small, valid PDFs built in tests, so that a test says exactly what its PDF holds: pages
 * of Helvetica text and an optional document information dictionary.
 */

export interface TestPdf {
  /** Lines of text per page; an empty array makes a blank page. */
  pages: string[][];
  /** Entries of the information dictionary (Title, Author, CreationDate …). */
  info?: Record<string, string>;
}

/** A PDF string literal; characters above U+00FF are not supported (WinAnsi text). */
function pdfString(text: string): string {
  let out = "(";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code > 0xff) throw new Error(`buildPdf: ${JSON.stringify(char)} is not Latin-1`);
    if (char === "(" || char === ")" || char === "\\") out += "\\" + char;
    else if (code < 0x20 || code > 0x7e) out += "\\" + code.toString(8).padStart(3, "0");
    else out += char;
  }
  return out + ")";
}

/** Build the PDF: catalog, page tree, one font, a page and a content stream per page. */
export function buildPdf({ pages, info }: TestPdf): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  const pageIds = pages.map((_, i) => 4 + i * 2);
  add("<< /Type /Catalog /Pages 2 0 R >>");
  add(
    `<< /Type /Pages /Kids [${
      pageIds.map((id) => `${id} 0 R`).join(" ")
    }] /Count ${pages.length} >>`,
  );
  add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  for (const [i, lines] of pages.entries()) {
    const shown = lines.map((line) => `${pdfString(line)} Tj T*`).join(" ");
    const stream = `BT /F1 12 Tf 14 TL 72 720 Td ${shown} ET`;
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] ` +
        `/Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`,
    );
    add(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  }
  let infoRef = "";
  if (info) {
    const entries = Object.entries(info).map(([key, value]) => `/${key} ${pdfString(value)}`);
    add(`<< ${entries.join(" ")} >>`);
    infoRef = ` /Info ${objects.length} 0 R`;
  }
  // Every character is ASCII, so string offsets are byte offsets.
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  for (const [i, body] of objects.entries()) {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  }
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, "0")} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${infoRef} >>\n`;
  pdf += `startxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

/**
 * `pages` pages of 40 lines of English each (about 3,000 characters a page): pdf.js reads
 * some 400 of them a second, so a few hundred make a job that runs long enough to be timed
 * out, aborted or killed.
 */
export function buildLongPdf(pages: number): Uint8Array {
  const line = "The quick brown fox jumps over the lazy dog while the invoice waits.";
  return buildPdf({
    pages: Array.from(
      { length: pages },
      (_, p) => Array.from({ length: 40 }, (_, l) => `${p}.${l} ${line}`),
    ),
  });
}
