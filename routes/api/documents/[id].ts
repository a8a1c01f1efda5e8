import { client, uuidParam } from "../../../lib/auth/auth_http.ts";
import { requireUser } from "../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../lib/app/routing.ts";
import { updateDocumentSchema } from "../../../lib/documents/documents_schemas.ts";
import {
  deleteDocument,
  getDocument,
  updateDocument,
} from "../../../lib/documents/documents_service.ts";
import { validateJson } from "../../../lib/shared/validation.ts";

export const handler = defineHandlers({
  async GET(c) {
    const { user } = requireUser(c);
    return c.json(await getDocument(c.var.deps, user.id, uuidParam(c, "id")));
  },
  async PATCH(c) {
    const { user } = requireUser(c);
    const id = uuidParam(c, "id");
    const input = await validateJson(c, updateDocumentSchema);
    return c.json(await updateDocument({ deps: c.var.deps, user, id, input }));
  },
  async DELETE(c) {
    const { user } = requireUser(c);
    await deleteDocument({ deps: c.var.deps, user, id: uuidParam(c, "id"), client: client(c) });
    return c.body(null, 204);
  },
});
