import { z } from "zod";
import { defineHandlers } from "../../../../lib/app/routing.ts";
import { setAppGrants, setGrantsSchema } from "../../../../lib/apps/apps_service.ts";
import { client } from "../../../../lib/auth/auth_http.ts";
import { requireAdmin } from "../../../../lib/auth/auth_middleware.ts";
import { ValidationError } from "../../../../lib/shared/errors.ts";
import { parseOrThrow, validateForm } from "../../../../lib/shared/validation.ts";

/** The checkboxes of /admin/apps: `everyone=on` when ticked, `group_ids` once per group. */
const grantsForm = z.object({
  everyone: z.string().optional(),
  group_ids: z.union([z.string(), z.array(z.string())]).optional(),
}).transform((form) => ({
  everyone: form.everyone !== undefined,
  group_ids: form.group_ids === undefined ? [] : [form.group_ids].flat(),
}));

export const handler = defineHandlers({
  /** The Save button of /admin/apps (a plain form: works without JavaScript). */
  async POST(c) {
    const { user } = requireAdmin(c);
    const form = await validateForm(c, grantsForm);
    const actor = { deps: c.var.deps, actor: user, client: client(c) };
    try {
      await setAppGrants(actor, c.req.param("id")!, parseOrThrow(setGrantsSchema, form));
    } catch (error) {
      if (error instanceof ValidationError) {
        return c.redirect("/admin/apps?error=unknown_group", 303);
      }
      throw error;
    }
    return c.redirect("/admin/apps?notice=grants_saved", 303);
  },
});
