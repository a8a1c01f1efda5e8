/**
 * The body of `POST /api/documents` (the one-call upload for scripts): multipart form data
 * with the PDF in a `file` field and, optionally, a `filename` field. The app's small
 * body limit does not apply to this route; this reads at most the admin's upload limit
 * (plus room for the form's own headers) and answers 413 beyond it.
 */
import type { AppContext } from "../app/routing.ts";
import { getSetting } from "../settings/settings_service.ts";
import { BadRequestError, UnsupportedMediaTypeError, ValidationError } from "../shared/errors.ts";
import { fileTooLarge } from "./documents_service.ts";

/** Multipart boundaries and part headers around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
  tooLarge: () => Error,
): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (body) {
    const reader = body.getReader();
    while (true) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) {
        await reader.cancel().catch(() => {});
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

export async function readUploadForm(
  c: AppContext,
): Promise<{ filename: string; bytes: Uint8Array }> {
  const contentType = c.req.header("content-type") ?? "";
  if (contentType.split(";")[0].trim().toLowerCase() !== "multipart/form-data") {
    throw new UnsupportedMediaTypeError(
      "request.unsupported_media_type",
      "Send the PDF as multipart/form-data with a “file” field " +
        "(or use POST /api/documents/upload-url for the two-step upload).",
    );
  }
  const maxBytes = await getSetting(c.var.deps, "max_upload_bytes");
  const limit = maxBytes + FORM_OVERHEAD_BYTES;
  const declared = Number(c.req.header("content-length") ?? NaN);
  if (declared > limit) throw fileTooLarge(maxBytes, declared - FORM_OVERHEAD_BYTES);
  const body = await readCapped(c.req.raw.body, limit, () => fileTooLarge(maxBytes, limit));

  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new BadRequestError("request.malformed_form", "The form data could not be read.");
  }
  const file = form.get("file");
  if (!(file instanceof File)) {
    throw new ValidationError([{ path: "file", message: "Attach the PDF as the “file” field." }]);
  }
  const name = form.get("filename");
  return {
    filename: typeof name === "string" && name.trim() ? name : file.name || "document.pdf",
    bytes: new Uint8Array(await file.arrayBuffer()),
  };
}
