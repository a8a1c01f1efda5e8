import { client } from "../../../../../lib/auth/auth_http.ts";
import { requireAdmin } from "../../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../../lib/app/routing.ts";
import { setAppGrants, setGrantsSchema } from "../../../../../lib/apps/apps_service.ts";
import { validateJson } from "../../../../../lib/shared/validation.ts";

export const handler = defineHandlers({
  /** `{everyone, group_ids}`: who may use the app, replacing its grants. Unknown group → 422. */
  async PUT(c) {
    const { user } = requireAdmin(c);
    const input = await validateJson(c, setGrantsSchema);
    const actor = { deps: c.var.deps, actor: user, client: client(c) };
    return c.json(await setAppGrants(actor, c.req.param("id")!, input));
  },
});
