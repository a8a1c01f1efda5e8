import { requireUser } from "../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../lib/app/routing.ts";
import { getQuota } from "../../../../lib/quotas/quotas_service.ts";

export const handler = defineHandlers({
  async GET(c) {
    const { user } = requireUser(c);
    return c.json(await getQuota(c.var.deps, user.id));
  },
});
