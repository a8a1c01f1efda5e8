import { requireUser } from "../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../lib/app/routing.ts";
import {
  categoryJson,
  categoryTree,
  createCategory,
  createCategorySchema,
} from "../../lib/categories/categories_service.ts";
import { validateJson } from "../../lib/shared/validation.ts";

export const handler = defineHandlers({
  /** The tree of system and personal categories, with document counts. */
  async GET(c) {
    const { user } = requireUser(c);
    return c.json({ categories: await categoryTree(c.var.deps, user.id) });
  },
  async POST(c) {
    const { user } = requireUser(c);
    const input = await validateJson(c, createCategorySchema);
    const row = await createCategory({ deps: c.var.deps, user, input });
    return c.json(await categoryJson(c.var.deps, user.id, row), 201);
  },
});
