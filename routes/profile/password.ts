import { renderProfile } from "../../components/profile/render_profile.tsx";
import { handleForm } from "../../lib/app/forms.ts";
import { defineHandlers } from "../../lib/app/routing.ts";
import { changePasswordSchema } from "../../lib/auth/auth_schemas.ts";
import { client } from "../../lib/auth/auth_http.ts";
import { requireSession } from "../../lib/auth/auth_middleware.ts";
import { changePassword } from "../../lib/users/users_service.ts";

export const handler = defineHandlers({
  async POST(c) {
    const { user, sessionId } = requireSession(c);
    return await handleForm(
      c,
      changePasswordSchema,
      async (input) => {
        await changePassword({ deps: c.var.deps, user, sessionId, input, client: client(c) });
        return c.redirect("/profile?notice=password_changed#password", 303);
      },
      (state, status) => renderProfile(c, { forms: { password: state }, status }),
    );
  },
});
