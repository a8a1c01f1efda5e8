import { defineHandlers } from "../../../lib/app/routing.ts";
import { client } from "../../../lib/auth/auth_http.ts";
import { requireSession } from "../../../lib/auth/auth_middleware.ts";
import { revokeOtherSessions } from "../../../lib/auth/sessions_service.ts";

export const handler = defineHandlers({
  async POST(c) {
    const { user, sessionId } = requireSession(c);
    await revokeOtherSessions({
      deps: c.var.deps,
      userId: user.id,
      keep: sessionId,
      reason: "signed_out_elsewhere",
      client: client(c),
    });
    return c.redirect("/profile?notice=sessions_revoked#sessions", 303);
  },
});
