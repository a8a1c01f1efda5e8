import { client } from "../../../../lib/auth/auth_http.ts";
import { requireAdmin } from "../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../lib/app/routing.ts";
import { appearanceSettingsSchema } from "../../../../lib/appearance/themes_schemas.ts";
import {
  getAppearanceSettings,
  setAppearanceSettings,
} from "../../../../lib/appearance/themes_service.ts";
import { validateJson } from "../../../../lib/shared/validation.ts";

export const handler = defineHandlers({
  /** `{active_theme, default_color_mode}`. */
  async GET(c) {
    requireAdmin(c);
    return c.json(await getAppearanceSettings(c.var.deps));
  },
  /** `{active_theme, default_color_mode}`: everyone's next page shows it; unknown theme: 422. */
  async PUT(c) {
    const { user } = requireAdmin(c);
    const input = await validateJson(c, appearanceSettingsSchema);
    return c.json(
      await setAppearanceSettings({ deps: c.var.deps, actor: user, client: client(c) }, input),
    );
  },
});
