import { uuidParam } from "../../../../../lib/auth/auth_http.ts";
import { requireUser } from "../../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../../lib/app/routing.ts";
import { acceptSuggestion } from "../../../../../lib/documents/documents_service.ts";

export const handler = defineHandlers({
  async POST(c) {
    const { user } = requireUser(c);
    return c.json(await acceptSuggestion({ deps: c.var.deps, user, id: uuidParam(c, "id") }));
  },
});
