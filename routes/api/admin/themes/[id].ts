import { client } from "../../../../lib/auth/auth_http.ts";
import { requireAdmin } from "../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../lib/app/routing.ts";
import { themeIdParam } from "../../../../lib/appearance/themes_http.ts";
import { updateThemeSchema } from "../../../../lib/appearance/themes_schemas.ts";
import { deleteTheme, getTheme, updateTheme } from "../../../../lib/appearance/themes_service.ts";
import { validateJson } from "../../../../lib/shared/validation.ts";

export const handler = defineHandlers({
  async GET(c) {
    requireAdmin(c);
    return c.json(await getTheme(c.var.deps, themeIdParam(c)));
  },
  /** `{label?, tokens?}`: the tokens given replace the theme's. Built-in themes: 409. */
  async PATCH(c) {
    const { user } = requireAdmin(c);
    const id = themeIdParam(c);
    const input = await validateJson(c, updateThemeSchema);
    return c.json(
      await updateTheme({ deps: c.var.deps, actor: user, client: client(c) }, id, input),
    );
  },
  /** 204; 409 for a built-in theme and for the active theme. */
  async DELETE(c) {
    const { user } = requireAdmin(c);
    await deleteTheme({ deps: c.var.deps, actor: user, client: client(c) }, themeIdParam(c));
    return c.body(null, 204);
  },
});
