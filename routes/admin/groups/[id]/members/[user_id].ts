import { z } from "zod";
import { readForm } from "../../../../../lib/app/forms.ts";
import { defineHandlers } from "../../../../../lib/app/routing.ts";
import { client, uuidParam } from "../../../../../lib/auth/auth_http.ts";
import { requireAdmin } from "../../../../../lib/auth/auth_middleware.ts";
import { removeMember, setGroupAdmin } from "../../../../../lib/groups/groups_service.ts";
import { ValidationError } from "../../../../../lib/shared/errors.ts";

const memberAction = z.object({ action: z.enum(["remove", "group_admin", "member"]) });

export const handler = defineHandlers({
  /** A member row's buttons: remove, or make (not) a group admin. */
  async POST(c) {
    const { user } = requireAdmin(c);
    const [id, userId] = [uuidParam(c, "id"), uuidParam(c, "user_id")];
    const parsed = memberAction.safeParse(await readForm(c));
    if (!parsed.success) {
      throw new ValidationError([{
        path: "action",
        message: "Choose remove, group_admin or member.",
      }]);
    }
    const actor = { deps: c.var.deps, actor: user, client: client(c) };
    if (parsed.data.action === "remove") {
      await removeMember(actor, id, userId);
      return c.redirect(`/admin/groups/${id}?notice=member_removed#members`, 303);
    }
    await setGroupAdmin(actor, id, userId, parsed.data.action === "group_admin");
    return c.redirect(`/admin/groups/${id}?notice=member_changed#members`, 303);
  },
});
