import { renderProfile } from "../../../components/profile/render_profile.tsx";
import { handleForm } from "../../../lib/app/forms.ts";
import { defineHandlers } from "../../../lib/app/routing.ts";
import { startTwoFactorSchema } from "../../../lib/auth/auth_schemas.ts";
import { client } from "../../../lib/auth/auth_http.ts";
import { requireSession } from "../../../lib/auth/auth_middleware.ts";
import { beginTwoFactorSetup } from "../../../lib/auth/two_factor_service.ts";

export const handler = defineHandlers({
  async POST(c) {
    const { user } = requireSession(c);
    return await handleForm(
      c,
      startTwoFactorSchema,
      async ({ password }) => {
        await beginTwoFactorSetup({ deps: c.var.deps, user, password, client: client(c) });
        return c.redirect("/profile/2fa", 303);
      },
      (state, status) => renderProfile(c, { forms: { twofa_setup: state }, status }),
    );
  },
});
