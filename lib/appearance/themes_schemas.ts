/**
 * Request bodies of the theme and appearance endpoints, and of the admin pages' forms
 * (which send the same fields flattened: `tokens.light.color-accent=#1f7a4a`).
 */
import { z } from "zod";
import { COLOR_MODES } from "./color_modes.ts";
import { normaliseHex, TOKEN_NAMES, type TokenName, type TokenSet } from "./themes_tokens.ts";

const KNOWN_TOKENS: ReadonlySet<string> = new Set(TOKEN_NAMES);

export const THEME_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,47}$/;

/** Ids that would clash with the admin pages' own paths (/admin/appearance/themes/new). */
export const RESERVED_THEME_IDS: ReadonlySet<string> = new Set(["new"]);

export const themeIdSchema = z.string().regex(
  THEME_ID_PATTERN,
  "Use 1 to 48 lower-case letters, digits and dashes, starting with a letter or digit.",
).refine((id) => !RESERVED_THEME_IDS.has(id), "This id is reserved; choose another.");

const labelSchema = z.string().trim().min(1, "Give the theme a name.").max(
  64,
  "At most 64 characters.",
);

/**
 * Some tokens of one mode: every key a known token, every value `#rrggbb` or `#rgb`
 * (stored as lower-case `#rrggbb`). Each bad entry is reported at its own path
 * (`tokens.light.color-accent`), so a form can show it next to its field.
 */
const tokenSetSchema = z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
  if (Object.keys(value).length > TOKEN_NAMES.length) {
    ctx.addIssue({
      code: "custom",
      message: `There are ${TOKEN_NAMES.length} tokens: ${TOKEN_NAMES.join(", ")}.`,
    });
    return;
  }
  for (const [key, colour] of Object.entries(value)) {
    if (!KNOWN_TOKENS.has(key)) {
      ctx.addIssue({
        code: "custom",
        path: [key],
        message: `Unknown token. The tokens are: ${TOKEN_NAMES.join(", ")}.`,
      });
    } else if (typeof colour !== "string" || normaliseHex(colour) === null) {
      ctx.addIssue({ code: "custom", path: [key], message: "Use a colour like #1a2b3c or #abc." });
    }
  }
}).transform((value) => {
  const tokens: Partial<TokenSet> = {};
  for (const [key, colour] of Object.entries(value)) {
    tokens[key as TokenName] = normaliseHex(colour as string)!;
  }
  return tokens;
});

const tokensSchema = z.object({
  light: tokenSetSchema.optional(),
  dark: tokenSetSchema.optional(),
}, { error: "Give tokens as {light: {…}, dark: {…}}." }).strict();

export type PartialThemeTokens = z.output<typeof tokensSchema>;

/**
 * `POST /api/admin/themes`. Tokens left out are taken from `based_on` (the "default"
 * theme unless named): `{label, based_on: "forest"}` duplicates a theme. Without `id`,
 * one is made from the label.
 */
export const createThemeSchema = z.object({
  label: labelSchema,
  id: themeIdSchema.optional(),
  based_on: themeIdSchema.optional(),
  tokens: tokensSchema.default({}),
}).strict();

/** `PATCH /api/admin/themes/{id}`: the tokens given replace those of the theme. */
export const updateThemeSchema = z.object({
  label: labelSchema.optional(),
  tokens: tokensSchema.optional(),
}).strict();

/** `PUT /api/admin/settings/appearance`. */
export const appearanceSettingsSchema = z.object({
  active_theme: z.string().min(1, "Choose a theme.").max(48),
  default_color_mode: z.enum(COLOR_MODES, {
    error: () => `Choose one of: ${COLOR_MODES.join(", ")}.`,
  }),
}).strict();

export type CreateThemeInput = z.output<typeof createThemeSchema>;
export type UpdateThemeInput = z.output<typeof updateThemeSchema>;
export type AppearanceSettingsInput = z.output<typeof appearanceSettingsSchema>;

/**
 * A form's flat fields (`label`, `tokens.light.color-bg`, …) as the JSON body the API
 * takes; other fields (the submit button) are dropped.
 */
export function themeFormBody(values: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const tokens: Record<string, Record<string, unknown>> = {};
  for (const [key, value] of Object.entries(values)) {
    const match = /^tokens\.(light|dark)\.([a-z0-9-]+)$/.exec(key);
    if (match) (tokens[match[1]] ??= {})[match[2]] = value;
    else if (key === "label" || key === "based_on") body[key] = value;
  }
  if (Object.keys(tokens).length > 0) body.tokens = tokens;
  return body;
}

export const createThemeFormSchema = z.preprocess(
  (values) => themeFormBody(values as Record<string, unknown>),
  createThemeSchema,
);
export const updateThemeFormSchema = z.preprocess(
  (values) => themeFormBody(values as Record<string, unknown>),
  updateThemeSchema,
);
