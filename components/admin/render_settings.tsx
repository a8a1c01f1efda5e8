/** Renders /admin/settings, with the state of the form just sent when there is one. */
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppContext } from "../../lib/app/routing.ts";
import { getAdminSettings } from "../../lib/settings/admin_settings_service.ts";
import { noticeFrom, renderAdminPage } from "./render_admin.tsx";
import { SETTINGS_NOTICES, type SettingsForms, SettingsPage } from "./SettingsPage.tsx";

export async function renderSettingsPage(
  c: AppContext,
  { forms, status }: { forms?: SettingsForms; status?: ContentfulStatusCode } = {},
): Promise<Response> {
  const { deps } = c.var;
  const settings = await getAdminSettings(deps);
  return await renderAdminPage(
    c,
    {
      title: "Settings",
      intro: "How documents are classified, how large they may be, and who may sign up.",
      notice: noticeFrom(c, SETTINGS_NOTICES),
      status,
    },
    <SettingsPage
      settings={settings}
      environmentDefault={deps.config.openai !== null}
      forms={forms}
    />,
  );
}
