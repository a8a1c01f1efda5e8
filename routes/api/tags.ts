import { requireUser } from "../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../lib/app/routing.ts";
import { validateJson, validateQuery } from "../../lib/shared/validation.ts";
import {
  createTag,
  createTagSchema,
  listTags,
  listTagsSchema,
} from "../../lib/tags/tags_service.ts";

export const handler = defineHandlers({
  /** The user's tags with counts; `?q=` for autocompletion by prefix. */
  async GET(c) {
    const { user } = requireUser(c);
    const { q } = validateQuery(c, listTagsSchema);
    return c.json({ tags: await listTags(c.var.deps, user.id, q) });
  },
  /** Create a tag (an existing one with the same name, any case, is returned instead). */
  async POST(c) {
    const { user } = requireUser(c);
    const { name } = await validateJson(c, createTagSchema);
    const tag = await createTag({ deps: c.var.deps, userId: user.id, name });
    return c.json({ id: tag.id, name: tag.name }, 201);
  },
});
