import { AppsPage } from "../../components/apps/AppsPages.tsx";
import { appsNotice, renderAppsPage } from "../../components/apps/render_apps.tsx";
import { defineHandlers } from "../../lib/app/routing.ts";
import { listMyApps } from "../../lib/apps/apps_service.ts";
import { requireUser } from "../../lib/auth/auth_middleware.ts";

export const handler = defineHandlers({
  /** The apps the user may use: open, pin to the sidebar, and configure (their admins). */
  async GET(c) {
    const { user } = requireUser(c);
    const apps = await listMyApps(c.var.deps, user);
    return await renderAppsPage(
      c,
      { title: "Apps" },
      <AppsPage apps={apps} notice={appsNotice(c)} />,
    );
  },
});
