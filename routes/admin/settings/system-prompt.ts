import { renderSettingsPage } from "../../../components/admin/render_settings.tsx";
import { handleForm, readForm } from "../../../lib/app/forms.ts";
import { defineHandlers } from "../../../lib/app/routing.ts";
import { client } from "../../../lib/auth/auth_http.ts";
import { requireAdmin } from "../../../lib/auth/auth_middleware.ts";
import { systemPromptFormSchema } from "../../../lib/settings/admin_settings_schemas.ts";
import {
  resetSystemPrompt,
  saveSystemPrompt,
} from "../../../lib/settings/admin_settings_service.ts";

export const handler = defineHandlers({
  /** The system prompt form: Save, or Reset to default. */
  async POST(c) {
    const { user } = requireAdmin(c);
    const who = { deps: c.var.deps, actor: user, client: client(c) };
    if ((await readForm(c)).intent === "reset") {
      await resetSystemPrompt(who);
      return c.redirect("/admin/settings?notice=prompt_reset", 303);
    }
    return await handleForm(
      c,
      systemPromptFormSchema,
      async (input) => {
        await saveSystemPrompt(who, input);
        return c.redirect("/admin/settings?notice=prompt_saved", 303);
      },
      (state, status) => renderSettingsPage(c, { forms: { prompt: state }, status }),
    );
  },
});
