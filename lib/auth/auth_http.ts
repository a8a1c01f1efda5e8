/** HTTP glue shared by the auth API routes and the HTML form handlers. */
import { z } from "zod";
import { clientInfo } from "../app/client_info.ts";
import type { AppContext } from "../app/routing.ts";
import type { ClientInfo } from "../audit/audit_service.ts";
import { rememberColorMode } from "../appearance/color_mode_cookie.ts";
import { NotFoundError } from "../shared/errors.ts";
import type { UserRow } from "../users/users_repo.ts";
import { clearSessionCookies, setSessionCookies } from "./auth_cookies.ts";
import { type IssuedSession, revokeSession } from "./sessions_service.ts";

export function client(c: AppContext): ClientInfo {
  return clientInfo(c, c.var.deps.config.trustProxy);
}

/** Put a new session in the cookies, and the user's colour mode with it. */
export function signInCookies(c: AppContext, user: UserRow, session: IssuedSession): void {
  setSessionCookies(c, c.var.deps.config, session);
  if (user.color_mode) rememberColorMode(c, c.var.deps.config, user.color_mode);
}

const uuid = z.uuid();

/** A path parameter that must be a UUID; anything else is simply not found. */
export function uuidParam(c: AppContext, name: string): string {
  const value = c.req.param(name);
  if (!uuid.safeParse(value).success) throw new NotFoundError();
  return value!;
}

/** Sign this browser out: end its session (if any; signed out already is no error). */
export async function endCurrentSession(c: AppContext): Promise<void> {
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
}

/** End the user's session named by the `id` path parameter; false when there is none. */
export async function revokeSessionInPath(c: AppContext, userId: string): Promise<boolean> {
  return await revokeSession({
    deps: c.var.deps,
    userId,
    sessionId: uuidParam(c, "id"),
    reason: "revoked_by_user",
    event: "session_revoked",
    client: client(c),
  });
}
