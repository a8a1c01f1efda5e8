import { requireUser } from "../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../lib/app/routing.ts";
import { pinApp, unpinApp } from "../../../../lib/apps/apps_service.ts";

export const handler = defineHandlers({
  /** Pin the app to the caller's sidebar (idempotent; at most 50 → 422). */
  async PUT(c) {
    const { user } = requireUser(c);
    return c.json(await pinApp(c.var.deps, user, c.req.param("id")!));
  },
  /** Unpin it (idempotent). */
  async DELETE(c) {
    const { user } = requireUser(c);
    await unpinApp(c.var.deps, user, c.req.param("id")!);
    return c.body(null, 204);
  },
});
