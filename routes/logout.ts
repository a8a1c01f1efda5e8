import { clearSessionCookies } from "../lib/auth/auth_cookies.ts";
import { client } from "../lib/auth/auth_http.ts";
import { revokeSession } from "../lib/auth/sessions_service.ts";
import { defineHandlers } from "../lib/app/routing.ts";

/** The "Sign out" button: end this session, then back to the sign-in page. */
export const handler = defineHandlers({
  async POST(c) {
    const auth = c.var.auth;
    if (auth?.sessionId) {
      await revokeSession({
        deps: c.var.deps,
        userId: auth.user.id,
        sessionId: auth.sessionId,
        reason: "logout",
        event: "logout",
        client: client(c),
      });
    }
    clearSessionCookies(c, c.var.deps.config);
    return c.redirect("/login?notice=signed_out", 303);
  },
});
