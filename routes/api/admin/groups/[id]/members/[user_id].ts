import { client, uuidParam } from "../../../../../../lib/auth/auth_http.ts";
import { requireAdmin } from "../../../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../../../lib/app/routing.ts";
import { removeMemberHandler } from "../../../../../../lib/groups/groups_http.ts";
import { setGroupAdmin, updateMemberSchema } from "../../../../../../lib/groups/groups_service.ts";
import { validateJson } from "../../../../../../lib/shared/validation.ts";

export const handler = defineHandlers({
  /** Make a member a group admin, or not. */
  async PATCH(c) {
    const { user } = requireAdmin(c);
    const [id, userId] = [uuidParam(c, "id"), uuidParam(c, "user_id")];
    const { is_group_admin } = await validateJson(c, updateMemberSchema);
    const actor = { deps: c.var.deps, actor: user, client: client(c) };
    return c.json({ members: await setGroupAdmin(actor, id, userId, is_group_admin) });
  },
  DELETE: removeMemberHandler(requireAdmin),
});
