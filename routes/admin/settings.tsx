import { renderSettingsPage } from "../../components/admin/render_settings.tsx";
import { defineHandlers } from "../../lib/app/routing.ts";
import { requireAdmin } from "../../lib/auth/auth_middleware.ts";

export const handler = defineHandlers({
  /** Administrators only (anyone else: 404). */
  GET(c) {
    requireAdmin(c);
    return renderSettingsPage(c);
  },
});
