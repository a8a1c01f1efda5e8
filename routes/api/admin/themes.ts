import { client } from "../../../lib/auth/auth_http.ts";
import { requireAdmin } from "../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../lib/app/routing.ts";
import { createThemeSchema } from "../../../lib/appearance/themes_schemas.ts";
import { createTheme, listThemes } from "../../../lib/appearance/themes_service.ts";
import { validateJson } from "../../../lib/shared/validation.ts";

export const handler = defineHandlers({
  /** Every theme (built-in first) with its tokens, contrast warnings and whether it is active. */
  async GET(c) {
    requireAdmin(c);
    return c.json({ themes: await listThemes(c.var.deps) });
  },
  /**
   * `{label, tokens?: {light?, dark?}, id?, based_on?}` → 201. Tokens left out come from
   * `based_on` (default: the "default" theme); `{label, based_on}` duplicates a theme.
   */
  async POST(c) {
    const { user } = requireAdmin(c);
    const input = await validateJson(c, createThemeSchema);
    return c.json(
      await createTheme({ deps: c.var.deps, actor: user, client: client(c) }, input),
      201,
    );
  },
});
