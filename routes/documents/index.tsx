import { DocumentsPage, VIEW_TITLES } from "../../components/documents/DocumentsPage.tsx";
import { loadWorkspace } from "../../components/documents/workspace_data.ts";
import { renderPage } from "../../lib/app/render.tsx";
import { defineHandlers } from "../../lib/app/routing.ts";
import { requireUser } from "../../lib/auth/auth_middleware.ts";
import { getSetting } from "../../lib/settings/settings_service.ts";

export const handler = defineHandlers({
  /** The documents workspace; everything on screen comes from the URL. */
  async GET(c) {
    const { user } = requireUser(c);
    const { deps } = c.var;
    const [data, maxUploadBytes] = await Promise.all([
      loadWorkspace(deps, user.id, new URL(c.req.url)),
      getSetting(deps, "max_upload_bytes"),
    ]);
    const title = data.query.q ? `“${data.query.q}”` : VIEW_TITLES[data.query.view] ?? "Documents";
    return renderPage(c, <DocumentsPage data={data} maxUploadBytes={maxUploadBytes} />, {
      title: data.open ? `${data.open.display_title} · ${title}` : title,
    });
  },
});
