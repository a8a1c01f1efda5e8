/**
 * Session cookies: HttpOnly, SameSite=Lax, Path=/; Secure with a `__Host-` prefix when
 * PUBLIC_URL is https. No token ever reaches JavaScript or localStorage.
 */
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Config } from "../app/config.ts";
import type { IssuedSession } from "./sessions_service.ts";

function secure(config: Config): boolean {
  return config.publicUrl.startsWith("https:");
}

export function cookieNames(config: Config): { access: string; refresh: string } {
  const prefix = secure(config) ? "__Host-" : "";
  return { access: `${prefix}dv_access`, refresh: `${prefix}dv_refresh` };
}

export function readSessionCookies(c: Context, config: Config) {
  const names = cookieNames(config);
  return { access: getCookie(c, names.access), refresh: getCookie(c, names.refresh) };
}

export function setSessionCookies(c: Context, config: Config, session: IssuedSession): void {
  const names = cookieNames(config);
  const common = { path: "/", httpOnly: true, sameSite: "Lax" as const, secure: secure(config) };
  setCookie(c, names.access, session.access.token, {
    ...common,
    expires: session.access.expiresAt,
  });
  setCookie(c, names.refresh, session.refresh.token, {
    ...common,
    expires: session.refresh.expiresAt,
  });
}

export function clearSessionCookies(c: Context, config: Config): void {
  const names = cookieNames(config);
  const options = { path: "/", secure: secure(config) };
  deleteCookie(c, names.access, options);
  deleteCookie(c, names.refresh, options);
}
