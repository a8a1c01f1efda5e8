import { requireAdmin } from "../../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../../lib/app/routing.ts";
import { aiTestSchema } from "../../../../../lib/settings/admin_settings_schemas.ts";
import { testAiConnection } from "../../../../../lib/settings/admin_settings_service.ts";
import { validateJson } from "../../../../../lib/shared/validation.ts";

export const handler = defineHandlers({
  /**
   * Ask the endpoint one short question with the given values (the saved ones fill the
   * rest): 200 `{ok, latency_ms, model, reply}`, or 502/504 saying what went wrong.
   */
  async POST(c) {
    requireAdmin(c);
    const input = await validateJson(c, aiTestSchema);
    return c.json(await testAiConnection(c.var.deps, input));
  },
});
