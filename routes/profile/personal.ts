import { renderProfile } from "../../components/profile/render_profile.tsx";
import { handleForm } from "../../lib/app/forms.ts";
import { defineHandlers } from "../../lib/app/routing.ts";
import { fullNameSchema } from "../../lib/auth/auth_schemas.ts";
import { requireUser } from "../../lib/auth/auth_middleware.ts";
import { profileSchema } from "../../lib/users/users_schemas.ts";
import { updateMe, updateProfile } from "../../lib/users/users_service.ts";

export const handler = defineHandlers({
  async POST(c) {
    const { user } = requireUser(c);
    const { deps } = c.var;
    const today = deps.clock.now().toISOString().slice(0, 10);
    return await handleForm(
      c,
      profileSchema(today).extend({ full_name: fullNameSchema }),
      async ({ full_name, ...profile }) => {
        await updateMe({ deps, userId: user.id, input: { full_name } });
        await updateProfile({ deps, userId: user.id, input: profile });
        return c.redirect("/profile?notice=personal_saved#personal", 303);
      },
      (state, status) => renderProfile(c, { forms: { personal: state }, status }),
    );
  },
});
