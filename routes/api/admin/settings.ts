import { client } from "../../../lib/auth/auth_http.ts";
import { requireAdmin } from "../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../lib/app/routing.ts";
import { updateSettingsSchema } from "../../../lib/settings/admin_settings_schemas.ts";
import { getAdminSettings, updateSettings } from "../../../lib/settings/admin_settings_service.ts";
import { validateJson } from "../../../lib/shared/validation.ts";

export const handler = defineHandlers({
  /** Every setting; the AI key only masked. */
  async GET(c) {
    requireAdmin(c);
    return c.json(await getAdminSettings(c.var.deps));
  },
  /** Any of max_upload_bytes, default_quota_bytes, registration, suggestions_mode. */
  async PATCH(c) {
    const { user } = requireAdmin(c);
    const input = await validateJson(c, updateSettingsSchema);
    return c.json(
      await updateSettings({ deps: c.var.deps, actor: user, client: client(c) }, input),
    );
  },
});
