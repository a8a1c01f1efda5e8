import { renderSettingsPage } from "../../../components/admin/render_settings.tsx";
import { handleForm } from "../../../lib/app/forms.ts";
import { defineHandlers } from "../../../lib/app/routing.ts";
import { client } from "../../../lib/auth/auth_http.ts";
import { requireAdmin } from "../../../lib/auth/auth_middleware.ts";
import { uploadsFormSchema } from "../../../lib/settings/admin_settings_schemas.ts";
import { updateSettings } from "../../../lib/settings/admin_settings_service.ts";

export const handler = defineHandlers({
  /** Largest file, default quota, registration and suggestions, in one form. */
  async POST(c) {
    const { user } = requireAdmin(c);
    return await handleForm(
      c,
      uploadsFormSchema,
      async (input) => {
        await updateSettings({ deps: c.var.deps, actor: user, client: client(c) }, input);
        return c.redirect("/admin/settings?notice=uploads_saved", 303);
      },
      (state, status) => renderSettingsPage(c, { forms: { uploads: state }, status }),
    );
  },
});
