import { AdminAppsContent } from "../../components/apps/AppsPages.tsx";
import { noticeFrom, renderAdminPage } from "../../components/admin/render_admin.tsx";
import { defineHandlers } from "../../lib/app/routing.ts";
import { listAppsForAdmin } from "../../lib/apps/apps_service.ts";
import { requireAdmin } from "../../lib/auth/auth_middleware.ts";
import { listGroups } from "../../lib/groups/groups_service.ts";

const NOTICES: Record<string, string> = {
  grants_saved: "Saved: who may use the app has changed.",
  unknown_group: "A group you chose no longer exists. Nothing was changed.",
};

export const handler = defineHandlers({
  /** Administrators only (anyone else: 404): who may use each app. */
  async GET(c) {
    requireAdmin(c);
    const { deps } = c.var;
    const [apps, groups] = await Promise.all([listAppsForAdmin(deps), listGroups(deps)]);
    return await renderAdminPage(c, {
      title: "Apps",
      intro: "Choose who may use each app. Administrators may always use every app.",
      notice: noticeFrom(c, NOTICES),
    }, <AdminAppsContent apps={apps} groups={groups} />);
  },
});
