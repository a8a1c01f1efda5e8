/**
 * Colour modes. Shared by the server (cookie, schema) and the ColorModeSwitch island,
 * so this file stays free of server-only imports.
 */
export const COLOR_MODES = ["light", "dark", "system"] as const;
export type ColorMode = typeof COLOR_MODES[number];

/** Remembers a visitor's choice; not a secret, so the island may read it. */
export const COLOR_MODE_COOKIE = "dv_color_mode";
export const COLOR_MODE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

export function isColorMode(value: unknown): value is ColorMode {
  return typeof value === "string" && (COLOR_MODES as readonly string[]).includes(value);
}

export function parseColorMode(value: string | undefined): ColorMode {
  return isColorMode(value) ? value : "system";
}
