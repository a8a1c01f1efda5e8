import { requireUser } from "../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../lib/app/routing.ts";
import { uploadUrlSchema } from "../../../lib/documents/documents_schemas.ts";
import { createUpload } from "../../../lib/documents/documents_service.ts";
import { validateJson } from "../../../lib/shared/validation.ts";

export const handler = defineHandlers({
  /** Step 1 of an upload: a pending document and a signed URL to PUT the PDF to. */
  async POST(c) {
    const { user } = requireUser(c);
    const input = await validateJson(c, uploadUrlSchema);
    return c.json(await createUpload({ deps: c.var.deps, user, input }), 201);
  },
});
