import { client, uuidParam } from "../../../../../lib/auth/auth_http.ts";
import { requireUser } from "../../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../../lib/app/routing.ts";
import { revokeShare } from "../../../../../lib/sharing/sharing_service.ts";

export const handler = defineHandlers({
  /** Revoke a share: the recipient loses the document at once. */
  async DELETE(c) {
    const { user } = requireUser(c);
    const actor = { deps: c.var.deps, user, client: client(c) };
    await revokeShare(actor, uuidParam(c, "id"), uuidParam(c, "share_id"));
    return c.body(null, 204);
  },
});
