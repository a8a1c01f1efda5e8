/**
 * Colour tokens of a theme and their WCAG contrast rules. Pure and free of server-only
 * imports: the theme editor island uses the same names, groups and contrast check as
 * the server, so the warnings it shows while typing are the ones the API returns.
 */

/** Every colour token, as named in static/css/base.css without the leading `--`. */
export const TOKEN_NAMES = [
  "color-bg",
  "color-surface",
  "color-surface-2",
  "color-raised",
  "color-border",
  "color-border-strong",
  "color-text",
  "color-text-muted",
  "color-accent",
  "color-accent-hover",
  "color-accent-text",
  "color-accent-soft",
  "color-focus",
  "color-danger",
  "color-danger-soft",
  "color-danger-text",
  "color-warning",
  "color-warning-soft",
  "color-success",
  "color-success-soft",
] as const;

export type TokenName = typeof TOKEN_NAMES[number];
export const THEME_MODES = ["light", "dark"] as const;
export type ThemeMode = typeof THEME_MODES[number];
/** One colour (`#rrggbb`, lower case) per token. */
export type TokenSet = Record<TokenName, string>;
export type ThemeTokens = Record<ThemeMode, TokenSet>;

/** The editor's sections: tokens that are chosen together. */
export const TOKEN_GROUPS: { title: string; tokens: { name: TokenName; label: string }[] }[] = [
  {
    title: "Surfaces",
    tokens: [
      { name: "color-bg", label: "Page background" },
      { name: "color-surface", label: "Cards and panels" },
      { name: "color-surface-2", label: "Subtle fill (table heads, hover)" },
      { name: "color-raised", label: "Menus and pop-ups" },
      { name: "color-border", label: "Borders" },
      { name: "color-border-strong", label: "Strong borders (inputs)" },
    ],
  },
  {
    title: "Text",
    tokens: [
      { name: "color-text", label: "Text" },
      { name: "color-text-muted", label: "Secondary text" },
    ],
  },
  {
    title: "Accent",
    tokens: [
      { name: "color-accent", label: "Accent (buttons, links)" },
      { name: "color-accent-hover", label: "Accent on hover" },
      { name: "color-accent-text", label: "Text on the accent" },
      { name: "color-accent-soft", label: "Soft accent (badges, selection)" },
      { name: "color-focus", label: "Focus ring" },
    ],
  },
  {
    title: "Status",
    tokens: [
      { name: "color-danger", label: "Danger" },
      { name: "color-danger-text", label: "Text on danger" },
      { name: "color-danger-soft", label: "Soft danger (error alerts)" },
      { name: "color-warning", label: "Warning" },
      { name: "color-warning-soft", label: "Soft warning" },
      { name: "color-success", label: "Success" },
      { name: "color-success-soft", label: "Soft success" },
    ],
  },
];

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

export function isHexColor(value: unknown): value is string {
  return typeof value === "string" && HEX.test(value);
}

/** `#ABC` → `#aabbcc`, `#A1B2C3` → `#a1b2c3`; anything else is not a colour (null). */
export function normaliseHex(value: string): string | null {
  const text = value.trim();
  if (!HEX.test(text)) return null;
  const hex = text.slice(1).toLowerCase();
  return "#" + (hex.length === 3 ? [...hex].map((d) => d + d).join("") : hex);
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2 relative luminance of a `#rgb` / `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  const full = normaliseHex(hex);
  if (!full) throw new TypeError(`Not a #rrggbb colour: ${hex}`);
  const n = Number.parseInt(full.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) +
    0.0722 * channel(n & 255);
}

/** WCAG 2 contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Text on a background: WCAG AA for normal text asks for 4.5:1. */
export const AA_TEXT = 4.5;

/** The foreground/background pairs the stylesheets actually draw text with. */
export const CONTRAST_PAIRS: { foreground: TokenName; background: TokenName; use: string }[] = [
  { foreground: "color-text", background: "color-bg", use: "text on the page" },
  { foreground: "color-text", background: "color-surface", use: "text on cards" },
  { foreground: "color-text", background: "color-surface-2", use: "text on subtle fills" },
  { foreground: "color-text", background: "color-raised", use: "text in menus" },
  { foreground: "color-text-muted", background: "color-bg", use: "secondary text on the page" },
  { foreground: "color-text-muted", background: "color-surface", use: "secondary text on cards" },
  {
    foreground: "color-text-muted",
    background: "color-surface-2",
    use: "secondary text on subtle fills",
  },
  { foreground: "color-accent-text", background: "color-accent", use: "primary buttons" },
  {
    foreground: "color-accent-text",
    background: "color-accent-hover",
    use: "primary buttons on hover",
  },
  { foreground: "color-accent", background: "color-surface", use: "links on cards" },
  { foreground: "color-accent", background: "color-bg", use: "links on the page" },
  { foreground: "color-accent", background: "color-accent-soft", use: "accent badges" },
  { foreground: "color-danger-text", background: "color-danger", use: "danger buttons" },
  { foreground: "color-danger", background: "color-surface", use: "error messages" },
  { foreground: "color-warning", background: "color-surface", use: "warning labels" },
  { foreground: "color-success", background: "color-surface", use: "success labels" },
  { foreground: "color-text", background: "color-danger-soft", use: "error alerts" },
  { foreground: "color-text", background: "color-warning-soft", use: "warning alerts" },
  { foreground: "color-text", background: "color-success-soft", use: "success alerts" },
  { foreground: "color-success", background: "color-success-soft", use: "success badges" },
];

export interface ContrastWarning {
  mode: ThemeMode;
  foreground: TokenName;
  background: TokenName;
  /** Rounded down to two decimals, so 4.499 never reads as passing. */
  ratio: number;
  required: number;
  message: string;
}

/** Every pair of `tokens` below WCAG AA, in both modes; empty when the theme passes. */
export function contrastWarnings(tokens: ThemeTokens): ContrastWarning[] {
  const warnings: ContrastWarning[] = [];
  for (const mode of THEME_MODES) {
    for (const { foreground, background, use } of CONTRAST_PAIRS) {
      const ratio = contrastRatio(tokens[mode][foreground], tokens[mode][background]);
      if (ratio >= AA_TEXT) continue;
      const shown = Math.floor(ratio * 100) / 100;
      warnings.push({
        mode,
        foreground,
        background,
        ratio: shown,
        required: AA_TEXT,
        message: `${mode === "light" ? "Light" : "Dark"}: ${foreground} on ${background} ` +
          `(${use}) has a contrast of ${shown.toFixed(2)}:1; WCAG AA asks for ${AA_TEXT}:1.`,
      });
    }
  }
  return warnings;
}

/**
 * Stored tokens as a full set: every token of both modes, normalised. A token missing or
 * unreadable in `stored` (say, one added to the design after the theme was saved) comes
 * from `fallback`; without a fallback that is an error.
 */
export function completeTokens(stored: unknown, fallback?: ThemeTokens): ThemeTokens {
  const source = (stored ?? {}) as Partial<Record<ThemeMode, Record<string, unknown>>>;
  const result = { light: {}, dark: {} } as ThemeTokens;
  for (const mode of THEME_MODES) {
    for (const name of TOKEN_NAMES) {
      const raw = source[mode]?.[name];
      const value = (typeof raw === "string" ? normaliseHex(raw) : null) ?? fallback?.[mode][name];
      if (!value) throw new Error(`Theme tokens lack ${mode} ${name} and have no fallback.`);
      result[mode][name] = value;
    }
  }
  return result;
}
