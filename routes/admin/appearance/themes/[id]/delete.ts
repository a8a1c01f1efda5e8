import { z } from "zod";
import { readForm } from "../../../../../lib/app/forms.ts";
import { defineHandlers } from "../../../../../lib/app/routing.ts";
import { themeIdParam } from "../../../../../lib/appearance/themes_http.ts";
import { deleteTheme } from "../../../../../lib/appearance/themes_service.ts";
import { client } from "../../../../../lib/auth/auth_http.ts";
import { requireAdmin } from "../../../../../lib/auth/auth_middleware.ts";
import { ConflictError } from "../../../../../lib/shared/errors.ts";

const confirmed = z.object({ confirm: z.literal("yes") });

export const handler = defineHandlers({
  /** The list's delete form: only with its confirmation box ticked. */
  async POST(c) {
    const { user } = requireAdmin(c);
    const id = themeIdParam(c);
    if (!confirmed.safeParse(await readForm(c)).success) {
      return c.redirect("/admin/appearance#themes", 303);
    }
    try {
      await deleteTheme({ deps: c.var.deps, actor: user, client: client(c) }, id);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const reason = error.code === "themes.active" ? "active" : "builtin";
      return c.redirect(`/admin/appearance?error=${reason}#themes`, 303);
    }
    return c.redirect("/admin/appearance?notice=deleted", 303);
  },
});
