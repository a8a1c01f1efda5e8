import { renderProfile } from "../../../components/profile/render_profile.tsx";
import { handleForm } from "../../../lib/app/forms.ts";
import { defineHandlers } from "../../../lib/app/routing.ts";
import { disableTwoFactorSchema } from "../../../lib/auth/auth_schemas.ts";
import { client } from "../../../lib/auth/auth_http.ts";
import { requireUser } from "../../../lib/auth/auth_middleware.ts";
import { disableTwoFactor } from "../../../lib/auth/two_factor_service.ts";

export const handler = defineHandlers({
  async POST(c) {
    const { user, sessionId } = requireUser(c);
    return await handleForm(
      c,
      disableTwoFactorSchema,
      async (input) => {
        await disableTwoFactor({ deps: c.var.deps, user, ...input, sessionId, client: client(c) });
        return c.redirect("/profile?notice=2fa_disabled#two-factor", 303);
      },
      (state, status) => renderProfile(c, { forms: { twofa_disable: state }, status }),
    );
  },
});
