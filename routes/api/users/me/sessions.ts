import { client } from "../../../../lib/auth/auth_http.ts";
import { requireSession, requireUser } from "../../../../lib/auth/auth_middleware.ts";
import { revokeOtherSessions } from "../../../../lib/auth/sessions_service.ts";
import { listSessions } from "../../../../lib/auth/sessions_view.ts";
import { defineHandlers } from "../../../../lib/app/routing.ts";

export const handler = defineHandlers({
  async GET(c) {
    const { user, sessionId } = requireUser(c);
    return c.json({ sessions: await listSessions(c.var.deps, user.id, sessionId) });
  },
  /** Sign out everywhere else (from a signed-in browser). */
  async DELETE(c) {
    const { user, sessionId } = requireSession(c);
    await revokeOtherSessions({
      deps: c.var.deps,
      userId: user.id,
      keep: sessionId,
      reason: "signed_out_elsewhere",
      client: client(c),
    });
    return c.body(null, 204);
  },
});
