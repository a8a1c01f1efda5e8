import { defineHandlers } from "../../../../lib/app/routing.ts";
import { revokeSessionInPath } from "../../../../lib/auth/auth_http.ts";
import { requireUser } from "../../../../lib/auth/auth_middleware.ts";
import { NotFoundError } from "../../../../lib/shared/errors.ts";

export const handler = defineHandlers({
  async POST(c) {
    const { user } = requireUser(c);
    if (!(await revokeSessionInPath(c, user.id))) throw new NotFoundError();
    return c.redirect("/profile?notice=session_revoked#sessions", 303);
  },
});
