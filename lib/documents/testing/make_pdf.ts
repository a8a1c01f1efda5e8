/**
 * Small, valid PDFs made on the fly for tests and benchmarks: text pages in Helvetica
 * (WinAnsi, so German, French and Spanish letters work), optionally padded to an exact
 * size with an unreferenced binary stream. Test and benchmark code only.
 */

export interface MakePdfOptions {
  /** Each page's lines; a string is split on "\n". */
  pages: (string | string[])[];
  title?: string;
  /** Pad the file to exactly this many bytes (at least the unpadded size). */
  sizeBytes?: number;
}

const encoder = new TextEncoder();

/** WinAnsi codes of the typographic characters business letters use. */
const WIN_ANSI: Record<string, number> = {
  "€": 0o200,
  "‚": 0o202,
  "„": 0o204,
  "…": 0o205,
  "‘": 0o221,
  "’": 0o222,
  "“": 0o223,
  "”": 0o224,
  "•": 0o225,
  "–": 0o226,
  "—": 0o227,
};

/** A PDF string literal in WinAnsi (Latin-1 for the letters we use), escaped. */
function pdfString(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === "(" || char === ")" || char === "\\") out += "\\" + char;
    else if (code >= 32 && code < 127) out += char;
    else if (code >= 160 && code < 256) out += "\\" + code.toString(8).padStart(3, "0");
    else if (WIN_ANSI[char]) out += "\\" + WIN_ANSI[char].toString(8);
    else out += "?";
  }
  return `(${out})`;
}

export function makePdf(options: MakePdfOptions): Uint8Array<ArrayBuffer> {
  const pages = options.pages.map((p) => (typeof p === "string" ? p.split("\n") : p));
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[2] = `<< /Type /Pages /Kids [${
    pageIds.map((id) => `${id} 0 R`).join(" ")
  }] /Count ${pages.length} >>`;
  objects[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
  pages.forEach((lines, i) => {
    const content = [
      "BT",
      "/F1 11 Tf",
      "14 TL",
      "56 780 Td",
      ...lines.map((line) => `${pdfString(line)} Tj T*`),
      "ET",
    ].join("\n");
    objects[pageIds[i]] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] " +
      `/Contents ${pageIds[i] + 1} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`;
    objects[pageIds[i] + 1] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  });
  let infoId: number | undefined;
  if (options.title) {
    infoId = objects.length;
    objects[infoId] = `<< /Title ${pdfString(options.title)} >>`;
  }

  const build = (padding: number): Uint8Array<ArrayBuffer> => {
    const all = [...objects];
    if (padding > 0) {
      all.push(`<< /Length ${padding} >>\nstream\n${"\0".repeat(padding)}\nendstream`);
    }
    let body = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
    const offsets: number[] = [];
    for (let id = 1; id < all.length; id++) {
      offsets[id] = body.length;
      body += `${id} 0 obj\n${all[id]}\nendobj\n`;
    }
    const xref = body.length;
    body += `xref\n0 ${all.length}\n0000000000 65535 f \n`;
    for (let id = 1; id < all.length; id++) {
      body += `${String(offsets[id]).padStart(10, "0")} 00000 n \n`;
    }
    body += `trailer\n<< /Size ${all.length} /Root 1 0 R${
      infoId ? ` /Info ${infoId} 0 R` : ""
    } >>\nstartxref\n${xref}\n%%EOF\n`;
    // Every character is below 256: one byte each.
    return Uint8Array.from(body, (c) => c.charCodeAt(0));
  };

  const plain = build(0);
  if (!options.sizeBytes || options.sizeBytes <= plain.length) return plain;
  // The padding object's own framing (and the xref line for it) take some bytes: solve.
  let padding = options.sizeBytes - plain.length - 60;
  for (let i = 0; i < 5; i++) {
    const size = build(Math.max(0, padding)).length;
    if (size === options.sizeBytes) break;
    padding += options.sizeBytes - size;
  }
  return build(Math.max(0, padding));
}

/** A file that is not a PDF, for the refusal paths. */
export const NOT_A_PDF = encoder.encode("PK\u0003\u0004 this is a zip file, not a PDF\n");
