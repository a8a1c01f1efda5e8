/**
 * Stylesheets made from theme tokens. Only validated `#rrggbb` values and slug ids ever
 * reach the output (checked again here), never a label: nothing a theme holds can break
 * out of a declaration.
 */
import { THEME_ID_PATTERN } from "./themes_schemas.ts";
import { normaliseHex, TOKEN_NAMES, type TokenSet } from "./themes_tokens.ts";
import type { ThemeTokens } from "./themes_tokens.ts";

/** The built-in theme that is exactly static/css/base.css. */
export const DEFAULT_THEME_ID = "default";

function declarations(tokens: TokenSet, indent: string): string {
  return TOKEN_NAMES.map((name) => {
    const value = normaliseHex(tokens[name] ?? "");
    return value ? `${indent}--${name}: ${value};\n` : "";
  }).join("");
}

/**
 * `/theme.css`: the active theme over base.css, selected exactly as base.css selects its
 * palettes — light on `:root`, dark when `data-color-mode="dark"`, and dark for "system"
 * when the device prefers it. Same selectors, loaded later: the theme wins. The default
 * theme is base.css itself, so it costs only a comment.
 */
export function themeCss(id: string, tokens: ThemeTokens): string {
  const safeId = THEME_ID_PATTERN.test(id) ? id : "custom";
  if (id === DEFAULT_THEME_ID) {
    return `/* DocuVault theme "${DEFAULT_THEME_ID}": the colours of the main stylesheet. */\n`;
  }
  return `/* DocuVault theme "${safeId}" (chosen on /admin/appearance). */\n` +
    `:root {\n${declarations(tokens.light, "  ")}}\n\n` +
    `:root[data-color-mode="dark"] {\n${declarations(tokens.dark, "  ")}}\n\n` +
    `@media (prefers-color-scheme: dark) {\n` +
    `  :root:not([data-color-mode="light"]):not([data-color-mode="dark"]) {\n` +
    `${declarations(tokens.dark, "    ")}  }\n}\n`;
}

/**
 * The admin pages' swatches and previews: every theme's tokens on
 * `.theme-tokens[data-theme="{id}"][data-mode="light|dark"]`, so that elements inside
 * draw with that theme's colours (custom properties inherit) without inline styles.
 */
export function themeTokensCss(themes: { id: string; tokens: ThemeTokens }[]): string {
  return themes.filter((theme) => THEME_ID_PATTERN.test(theme.id)).map((theme) =>
    (["light", "dark"] as const).map((mode) =>
      `.theme-tokens[data-theme="${theme.id}"][data-mode="${mode}"] {\n` +
      `${declarations(theme.tokens[mode], "  ")}}\n`
    ).join("\n")
  ).join("\n");
}
