/**
 * The admin's default colour mode for whoever has not chosen one: a visitor without the
 * colour-mode cookie, or a signed-in user whose account has none and whose browser has
 * no cookie. Their own choice (the account's, else this browser's cookie) always wins.
 * Runs after the auth middleware; only pages need it.
 */
import { getCookie } from "hono/cookie";
import type { AppMiddleware } from "../app/routing.ts";
import { currentAppearance } from "./appearance_state.ts";
import { COLOR_MODE_COOKIE, isColorMode } from "./color_modes.ts";

function rendersPage(path: string): boolean {
  return !(path.startsWith("/api/") || path.startsWith("/files/") || path.startsWith("/static/") ||
    path === "/health" || path === "/ready" || path === "/theme.css");
}

export function defaultColorModeMiddleware(): AppMiddleware {
  return async (c, next) => {
    const chosen = c.var.auth?.user.color_mode ?? getCookie(c, COLOR_MODE_COOKIE);
    if (!isColorMode(chosen) && rendersPage(c.req.path)) {
      try {
        c.set("colorMode", (await currentAppearance(c.var.deps)).settings.default_color_mode);
      } catch (error) {
        // A database outage must not take the error pages with it: "system" it is.
        c.var.logger.warn("cannot read the appearance settings", { error: String(error) });
      }
    }
    await next();
  };
}
