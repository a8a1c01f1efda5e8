import { defineHandlers } from "../../../lib/app/routing.ts";
import { themeTokensCss } from "../../../lib/appearance/themes_css.ts";
import { listThemes } from "../../../lib/appearance/themes_service.ts";
import { requireAdmin } from "../../../lib/auth/auth_middleware.ts";

/**
 * Every theme's colours for the appearance pages' swatches and previews, scoped to
 * `.theme-tokens[data-theme][data-mode]` (CSP forbids inline styles). Administrators only.
 */
export const handler = defineHandlers({
  async GET(c) {
    requireAdmin(c);
    const css = themeTokensCss(await listThemes(c.var.deps));
    c.header("Cache-Control", "private, no-cache");
    c.header("Content-Type", "text/css; charset=utf-8");
    return c.body(css);
  },
});
