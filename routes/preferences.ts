import { preferencesFormSchema } from "../lib/appearance/appearance_schemas.ts";
import { rememberColorMode } from "../lib/appearance/color_mode_cookie.ts";
import { defineHandlers } from "../lib/app/routing.ts";
import { validateForm } from "../lib/shared/validation.ts";
import { updateMe } from "../lib/users/users_service.ts";

/** The colour-mode switch as a plain form, for browsers without JavaScript. */
export const handler = defineHandlers({
  async POST(c) {
    const input = await validateForm(c, preferencesFormSchema);
    rememberColorMode(c, c.var.deps.config, input.color_mode);
    const auth = c.var.auth;
    if (auth) {
      await updateMe({
        deps: c.var.deps,
        userId: auth.user.id,
        input: { color_mode: input.color_mode },
      });
    }
    return c.redirect(input.return_to ?? "/", 303);
  },
});
