import { z } from "zod";
import { AppSettingsPage } from "../../../components/apps/AppsPages.tsx";
import { appsNotice, renderAppsPage } from "../../../components/apps/render_apps.tsx";
import { defineHandlers } from "../../../lib/app/routing.ts";
import { settingsForm, settingsFromForm } from "../../../lib/apps/app_settings_schema.ts";
import {
  configurableApp,
  getAppSettings,
  updateAppSettings,
} from "../../../lib/apps/apps_service.ts";
import { client } from "../../../lib/auth/auth_http.ts";
import { requireUser } from "../../../lib/auth/auth_middleware.ts";
import { ValidationError } from "../../../lib/shared/errors.ts";
import { validateForm } from "../../../lib/shared/validation.ts";

const anyForm = z.record(z.string(), z.unknown());

export const handler = defineHandlers({
  /** The form generated from the app's settings schema (admins and `{id}-admin` members). */
  async GET(c) {
    const { user } = requireUser(c);
    const view = await getAppSettings(c.var.deps, user, c.req.param("id")!);
    return await renderAppsPage(
      c,
      { title: `${view.app.name} settings` },
      <AppSettingsPage
        app={view.app}
        fields={settingsForm(view.schema, view.settings)}
        notice={appsNotice(c)}
      />,
    );
  },
  /** Save; on a bad value the form comes back (422) with the entries and field errors. */
  async POST(c) {
    const { user } = requireUser(c);
    const app = await configurableApp(c.var.deps, user, c.req.param("id")!);
    const input = settingsFromForm(app.settings_schema, await validateForm(c, anyForm));
    try {
      await updateAppSettings({ deps: c.var.deps, actor: user, client: client(c) }, app.id, input);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return await renderAppsPage(
        c,
        { title: `${app.name} settings`, status: 422 },
        <AppSettingsPage
          app={app}
          fields={settingsForm(app.settings_schema, input, error.fields)}
          notice={{ tone: "error", message: "Some settings are not valid: see below." }}
        />,
      );
    }
    return c.redirect(`/apps/${app.id}/settings?notice=settings_saved`, 303);
  },
});
