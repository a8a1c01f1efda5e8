import { client, uuidParam } from "../../../../../lib/auth/auth_http.ts";
import { requireUser } from "../../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../../lib/app/routing.ts";
import { removeMember } from "../../../../../lib/groups/groups_service.ts";

export const handler = defineHandlers({
  /** A group admin removes a member of their group (anyone else: 404). */
  async DELETE(c) {
    const { user } = requireUser(c);
    const actor = { deps: c.var.deps, actor: user, client: client(c) };
    await removeMember(actor, uuidParam(c, "id"), uuidParam(c, "user_id"));
    return c.body(null, 204);
  },
});
