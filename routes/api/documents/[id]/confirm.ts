import { client, uuidParam } from "../../../../lib/auth/auth_http.ts";
import { requireUser } from "../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../lib/app/routing.ts";
import { confirmUpload } from "../../../../lib/documents/documents_service.ts";

export const handler = defineHandlers({
  /** Step 3 of an upload: the bytes are stored; check them, charge the quota, process. */
  async POST(c) {
    const { user } = requireUser(c);
    const document = await confirmUpload({
      deps: c.var.deps,
      user,
      documentId: uuidParam(c, "id"),
      client: client(c),
    });
    return c.json(document, 202);
  },
});
