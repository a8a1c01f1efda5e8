import { client } from "../../lib/auth/auth_http.ts";
import { requireUser } from "../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../lib/app/routing.ts";
import { listDocumentsSchema } from "../../lib/documents/documents_schemas.ts";
import { listDocuments } from "../../lib/documents/documents_search.ts";
import { readUploadForm } from "../../lib/documents/documents_upload_form.ts";
import { uploadDirect } from "../../lib/documents/documents_service.ts";
import { validateQuery } from "../../lib/shared/validation.ts";

export const handler = defineHandlers({
  /** List and search (SPEC §4.5); see lib/documents/documents_search.ts. */
  async GET(c) {
    const { user } = requireUser(c);
    return c.json(await listDocuments(c.var.deps, user.id, validateQuery(c, listDocumentsSchema)));
  },
  /** The one-call upload for scripts: multipart with a `file` field. 202 like confirm. */
  async POST(c) {
    const { user } = requireUser(c);
    const { filename, bytes } = await readUploadForm(c);
    const document = await uploadDirect({
      deps: c.var.deps,
      user,
      filename,
      bytes,
      client: client(c),
    });
    return c.json(document, 202);
  },
});
