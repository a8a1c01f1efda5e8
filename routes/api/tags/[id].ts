import { uuidParam } from "../../../lib/auth/auth_http.ts";
import { requireUser } from "../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../lib/app/routing.ts";
import { validateJson } from "../../../lib/shared/validation.ts";
import { deleteTag, renameTag, updateTagSchema } from "../../../lib/tags/tags_service.ts";

export const handler = defineHandlers({
  /** Rename; onto the name of another tag, the two merge (the answer is the survivor). */
  async PATCH(c) {
    const { user } = requireUser(c);
    const id = uuidParam(c, "id");
    const { name } = await validateJson(c, updateTagSchema);
    const tag = await renameTag({ deps: c.var.deps, userId: user.id, id, name });
    return c.json({ id: tag.id, name: tag.name, merged: tag.id !== id });
  },
  async DELETE(c) {
    const { user } = requireUser(c);
    await deleteTag({ deps: c.var.deps, userId: user.id, id: uuidParam(c, "id") });
    return c.body(null, 204);
  },
});
