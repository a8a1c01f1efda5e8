import { endCurrentSession } from "../lib/auth/auth_http.ts";
import { defineHandlers } from "../lib/app/routing.ts";

/** The "Sign out" button: end this session, then back to the sign-in page. */
export const handler = defineHandlers({
  async POST(c) {
    await endCurrentSession(c);
    return c.redirect("/login?notice=signed_out", 303);
  },
});
