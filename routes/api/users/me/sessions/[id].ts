import { revokeSessionInPath } from "../../../../../lib/auth/auth_http.ts";
import { requireUser } from "../../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../../lib/app/routing.ts";
import { NotFoundError } from "../../../../../lib/shared/errors.ts";

export const handler = defineHandlers({
  async DELETE(c) {
    const { user } = requireUser(c);
    if (!(await revokeSessionInPath(c, user.id))) {
      throw new NotFoundError("sessions.not_found", "No such session.");
    }
    return c.body(null, 204);
  },
});
