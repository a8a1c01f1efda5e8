import { uuidParam } from "../../../lib/auth/auth_http.ts";
import { requireUser } from "../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../lib/app/routing.ts";
import {
  categoryJson,
  deleteCategory,
  updateCategory,
  updateCategorySchema,
} from "../../../lib/categories/categories_service.ts";
import { validateJson } from "../../../lib/shared/validation.ts";

export const handler = defineHandlers({
  /** Rename and/or move (`parent_id`, null for the top level). */
  async PATCH(c) {
    const { user } = requireUser(c);
    const id = uuidParam(c, "id");
    const input = await validateJson(c, updateCategorySchema);
    const row = await updateCategory({ deps: c.var.deps, user, id, input });
    return c.json(await categoryJson(c.var.deps, user.id, row));
  },
  /** Sub-categories move up a level; documents lose only this category. */
  async DELETE(c) {
    const { user } = requireUser(c);
    await deleteCategory({ deps: c.var.deps, user, id: uuidParam(c, "id") });
    return c.body(null, 204);
  },
});
