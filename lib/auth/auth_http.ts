/** HTTP glue shared by the auth API routes and the HTML form handlers. */
import { z } from "zod";
import { clientInfo } from "../app/client_info.ts";
import type { AppContext } from "../app/routing.ts";
import type { ClientInfo } from "../audit/audit_service.ts";
import { rememberColorMode } from "../appearance/color_mode_cookie.ts";
import { NotFoundError } from "../shared/errors.ts";
import type { UserRow } from "../users/users_repo.ts";
import { setSessionCookies } from "./auth_cookies.ts";
import type { IssuedSession } from "./sessions_service.ts";

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
