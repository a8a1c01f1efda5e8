import { client } from "../../../lib/auth/auth_http.ts";
import { requireUser } from "../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../lib/app/routing.ts";
import { bulkUpdate } from "../../../lib/documents/documents_bulk.ts";
import { bulkSchema } from "../../../lib/documents/documents_schemas.ts";
import { validateJson } from "../../../lib/shared/validation.ts";

export const handler = defineHandlers({
  async POST(c) {
    const { user } = requireUser(c);
    const input = await validateJson(c, bulkSchema);
    return c.json(await bulkUpdate({ deps: c.var.deps, user, input, client: client(c) }));
  },
});
