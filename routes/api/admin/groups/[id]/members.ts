import { client, uuidParam } from "../../../../../lib/auth/auth_http.ts";
import { requireAdmin } from "../../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../../lib/app/routing.ts";
import {
  addMember,
  addMemberSchema,
  listMembers,
} from "../../../../../lib/groups/groups_service.ts";
import { validateJson } from "../../../../../lib/shared/validation.ts";

export const handler = defineHandlers({
  async GET(c) {
    const { user } = requireAdmin(c);
    return c.json({ members: await listMembers(c.var.deps, user, uuidParam(c, "id")) });
  },
  /** Add a member by user_id or email, optionally as a group admin. */
  async POST(c) {
    const { user } = requireAdmin(c);
    const id = uuidParam(c, "id");
    const input = await validateJson(c, addMemberSchema);
    const members = await addMember(
      { deps: c.var.deps, actor: user, client: client(c) },
      id,
      input,
    );
    return c.json({ members }, 201);
  },
});
