import { client, uuidParam } from "../../../../lib/auth/auth_http.ts";
import { requireUser } from "../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../lib/app/routing.ts";
import { createShareSchema } from "../../../../lib/sharing/sharing_schemas.ts";
import { listShares, shareDocument } from "../../../../lib/sharing/sharing_service.ts";
import { validateJson } from "../../../../lib/shared/validation.ts";

/** The owner's view of who a document is shared with (anyone else: 404). */
export const handler = defineHandlers({
  async GET(c) {
    const { user } = requireUser(c);
    return c.json({ shares: await listShares(c.var.deps, user, uuidParam(c, "id")) });
  },
  /** Share with `user_email` or `group_id`, to `view` or `edit`; again: changes the permission. */
  async POST(c) {
    const { user } = requireUser(c);
    const id = uuidParam(c, "id");
    const input = await validateJson(c, createShareSchema);
    const shares = await shareDocument({ deps: c.var.deps, user, client: client(c) }, id, input);
    return c.json({ shares }, 201);
  },
});
