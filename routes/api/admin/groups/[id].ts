import { client, uuidParam } from "../../../../lib/auth/auth_http.ts";
import { requireAdmin } from "../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../lib/app/routing.ts";
import {
  deleteGroup,
  getGroup,
  updateGroup,
  updateGroupSchema,
} from "../../../../lib/groups/groups_service.ts";
import { validateJson } from "../../../../lib/shared/validation.ts";

export const handler = defineHandlers({
  async GET(c) {
    requireAdmin(c);
    return c.json(await getGroup(c.var.deps, uuidParam(c, "id")));
  },
  async PATCH(c) {
    const { user } = requireAdmin(c);
    const id = uuidParam(c, "id");
    const input = await validateJson(c, updateGroupSchema);
    return c.json(
      await updateGroup({ deps: c.var.deps, actor: user, client: client(c) }, id, input),
    );
  },
  async DELETE(c) {
    const { user } = requireAdmin(c);
    await deleteGroup({ deps: c.var.deps, actor: user, client: client(c) }, uuidParam(c, "id"));
    return c.body(null, 204);
  },
});
