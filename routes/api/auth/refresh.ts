import {
  clearSessionCookies,
  readSessionCookies,
  setSessionCookies,
} from "../../../lib/auth/auth_cookies.ts";
import { SessionEndedError } from "../../../lib/auth/auth_errors.ts";
import { client } from "../../../lib/auth/auth_http.ts";
import { refreshSession } from "../../../lib/auth/sessions_service.ts";
import { defineHandlers } from "../../../lib/app/routing.ts";

/** Rotate the refresh cookie now (the auth middleware also does it when needed). */
export const handler = defineHandlers({
  async POST(c) {
    const { deps } = c.var;
    const { refresh } = readSessionCookies(c, deps.config);
    if (!refresh) throw new SessionEndedError();
    try {
      const outcome = await refreshSession({ deps, refreshToken: refresh, client: client(c) });
      if (outcome.kind === "rotated") setSessionCookies(c, deps.config, outcome.session);
      return c.json({
        refreshed: outcome.kind === "rotated",
        expires_at: outcome.kind === "rotated"
          ? outcome.session.access.expiresAt.toISOString()
          : null,
      });
    } catch (error) {
      if (error instanceof SessionEndedError) clearSessionCookies(c, deps.config);
      throw error;
    }
  },
});
