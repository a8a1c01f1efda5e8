import { preferencesSchema } from "../../lib/appearance/appearance_schemas.ts";
import { rememberColorMode } from "../../lib/appearance/color_mode_cookie.ts";
import { defineHandlers } from "../../lib/app/routing.ts";
import { validateJson } from "../../lib/shared/validation.ts";
import { updateMe } from "../../lib/users/users_service.ts";

/** Visitor preferences, kept in a cookie — and on the account when signed in. */
export const handler = defineHandlers({
  async POST(c) {
    const input = await validateJson(c, preferencesSchema);
    rememberColorMode(c, c.var.deps.config, input.color_mode);
    const auth = c.var.auth;
    if (auth) {
      await updateMe({
        deps: c.var.deps,
        userId: auth.user.id,
        input: { color_mode: input.color_mode },
      });
    }
    return c.json({ color_mode: input.color_mode });
  },
});
