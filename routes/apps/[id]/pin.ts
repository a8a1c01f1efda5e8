import { defineHandlers } from "../../../lib/app/routing.ts";
import { pinApp } from "../../../lib/apps/apps_service.ts";
import { requireUser } from "../../../lib/auth/auth_middleware.ts";
import { ValidationError } from "../../../lib/shared/errors.ts";

export const handler = defineHandlers({
  /** The Apps page's Pin button (a plain form); apps the user may not use are 404. */
  async POST(c) {
    const { user } = requireUser(c);
    try {
      await pinApp(c.var.deps, user, c.req.param("id")!);
    } catch (error) {
      if (error instanceof ValidationError) return c.redirect("/apps?error=pin_limit", 303);
      throw error;
    }
    return c.redirect("/apps?notice=pinned", 303);
  },
});
