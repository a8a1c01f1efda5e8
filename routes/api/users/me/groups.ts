import { requireUser } from "../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../lib/app/routing.ts";
import { myGroups } from "../../../../lib/groups/groups_service.ts";

export const handler = defineHandlers({
  /** The caller's groups, and in which they are a group admin. */
  async GET(c) {
    const { user } = requireUser(c);
    return c.json({ groups: await myGroups(c.var.deps, user.id) });
  },
});
