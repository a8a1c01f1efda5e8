import { client, uuidParam } from "../../../../lib/auth/auth_http.ts";
import { requireUser } from "../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../lib/app/routing.ts";
import { addMember, addMemberSchema, listMembers } from "../../../../lib/groups/groups_service.ts";
import { validateJson } from "../../../../lib/shared/validation.ts";

/** A group admin manages the members of their group (anyone else: 404). */
export const handler = defineHandlers({
  async GET(c) {
    const { user } = requireUser(c);
    return c.json({ members: await listMembers(c.var.deps, user, uuidParam(c, "id")) });
  },
  async POST(c) {
    const { user } = requireUser(c);
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
