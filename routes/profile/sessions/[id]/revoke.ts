import { defineHandlers } from "../../../../lib/app/routing.ts";
import { client, uuidParam } from "../../../../lib/auth/auth_http.ts";
import { requireUser } from "../../../../lib/auth/auth_middleware.ts";
import { revokeSession } from "../../../../lib/auth/sessions_service.ts";
import { NotFoundError } from "../../../../lib/shared/errors.ts";

export const handler = defineHandlers({
  async POST(c) {
    const { user } = requireUser(c);
    const revoked = await revokeSession({
      deps: c.var.deps,
      userId: user.id,
      sessionId: uuidParam(c, "id"),
      reason: "revoked_by_user",
      event: "session_revoked",
      client: client(c),
    });
    if (!revoked) throw new NotFoundError();
    return c.redirect("/profile?notice=session_revoked#sessions", 303);
  },
});
