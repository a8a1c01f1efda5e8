import { client } from "../../../lib/auth/auth_http.ts";
import { requireAdmin } from "../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../lib/app/routing.ts";
import {
  createGroup,
  createGroupSchema,
  listGroups,
  listGroupsSchema,
} from "../../../lib/groups/groups_service.ts";
import { validateJson, validateQuery } from "../../../lib/shared/validation.ts";

export const handler = defineHandlers({
  /** Every group with its member count; `?q=` filters by name. */
  async GET(c) {
    requireAdmin(c);
    const { q } = validateQuery(c, listGroupsSchema);
    return c.json({ groups: await listGroups(c.var.deps, q) });
  },
  async POST(c) {
    const { user } = requireAdmin(c);
    const input = await validateJson(c, createGroupSchema);
    return c.json(
      await createGroup({ deps: c.var.deps, actor: user, client: client(c) }, input),
      201,
    );
  },
});
