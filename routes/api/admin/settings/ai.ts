import { client } from "../../../../lib/auth/auth_http.ts";
import { requireAdmin } from "../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../lib/app/routing.ts";
import { aiProviderSchema } from "../../../../lib/settings/admin_settings_schemas.ts";
import {
  getAiSettings,
  resetAiSettings,
  saveAiSettings,
} from "../../../../lib/settings/admin_settings_service.ts";
import { validateJson } from "../../../../lib/shared/validation.ts";

export const handler = defineHandlers({
  async GET(c) {
    requireAdmin(c);
    return c.json(await getAiSettings(c.var.deps));
  },
  /** `{base_url, model, api_key?}`: api_key left out keeps the stored key, null removes it. */
  async PUT(c) {
    const { user } = requireAdmin(c);
    const input = await validateJson(c, aiProviderSchema);
    return c.json(
      await saveAiSettings({ deps: c.var.deps, actor: user, client: client(c) }, input),
    );
  },
  /** Back to the OPENAI_* variables, or the built-in classifier without them. */
  async DELETE(c) {
    const { user } = requireAdmin(c);
    return c.json(await resetAiSettings({ deps: c.var.deps, actor: user, client: client(c) }));
  },
});
