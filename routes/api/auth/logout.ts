import { endCurrentSession } from "../../../lib/auth/auth_http.ts";
import { defineHandlers } from "../../../lib/app/routing.ts";

/** End this browser's session. Signed out already is not an error. */
export const handler = defineHandlers({
  async POST(c) {
    await endCurrentSession(c);
    return c.body(null, 204);
  },
});
