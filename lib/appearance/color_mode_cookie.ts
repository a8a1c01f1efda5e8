import type { Context } from "hono";
import type { Config } from "../app/config.ts";
import { COLOR_MODE_COOKIE, COLOR_MODE_COOKIE_MAX_AGE, type ColorMode } from "./color_modes.ts";
import { setCookie } from "hono/cookie";

/** Remember a visitor's colour mode for a year. */
export function rememberColorMode(c: Context, config: Config, mode: ColorMode): void {
  setCookie(c, COLOR_MODE_COOKIE, mode, {
    path: "/",
    maxAge: COLOR_MODE_COOKIE_MAX_AGE,
    sameSite: "Lax",
    secure: config.publicUrl.startsWith("https:"),
  });
}
