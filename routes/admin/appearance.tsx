import { APPEARANCE_NOTICES, AppearancePage } from "../../components/admin/AppearancePages.tsx";
import { noticeFrom, renderAdminPage } from "../../components/admin/render_admin.tsx";
import { type FormState, handleForm } from "../../lib/app/forms.ts";
import type { AppContext } from "../../lib/app/routing.ts";
import { defineHandlers } from "../../lib/app/routing.ts";
import { appearanceSettingsSchema } from "../../lib/appearance/themes_schemas.ts";
import {
  getAppearanceSettings,
  listThemes,
  setAppearanceSettings,
} from "../../lib/appearance/themes_service.ts";
import { client } from "../../lib/auth/auth_http.ts";
import { requireAdmin } from "../../lib/auth/auth_middleware.ts";

async function render(c: AppContext, form?: FormState, status?: 409 | 422) {
  requireAdmin(c);
  const [themes, settings] = await Promise.all([
    listThemes(c.var.deps),
    getAppearanceSettings(c.var.deps),
  ]);
  return await renderAdminPage(c, {
    title: "Appearance",
    intro: "The colours everyone sees, and the colour mode of those who have not chosen one.",
    notice: noticeFrom(c, APPEARANCE_NOTICES),
    status,
  }, <AppearancePage themes={themes} settings={settings} form={form} />);
}

export const handler = defineHandlers({
  GET: (c) => render(c),
  /** The theme and default colour mode form (works without JavaScript). */
  async POST(c) {
    const { user } = requireAdmin(c);
    return await handleForm(
      c,
      appearanceSettingsSchema,
      async (input) => {
        await setAppearanceSettings({ deps: c.var.deps, actor: user, client: client(c) }, input);
        return c.redirect("/admin/appearance?notice=saved", 303);
      },
      (state, status) => render(c, state, status as 409 | 422),
    );
  },
});
