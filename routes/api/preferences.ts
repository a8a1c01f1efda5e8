import { preferencesSchema } from "../../lib/appearance/appearance_schemas.ts";
import { rememberColorMode } from "../../lib/appearance/color_mode_cookie.ts";
import { defineHandlers } from "../../lib/app/routing.ts";
import { validateJson } from "../../lib/shared/validation.ts";

/** Visitor preferences, kept in a cookie. */
export const handler = defineHandlers({
  async POST(c) {
    const input = await validateJson(c, preferencesSchema);
    rememberColorMode(c, c.var.deps.config, input.color_mode);
    return c.json({ color_mode: input.color_mode });
  },
});
