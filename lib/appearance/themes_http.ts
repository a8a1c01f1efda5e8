/** Path parameters and form state of the theme routes. */
import { type FormState, readForm } from "../app/forms.ts";
import type { AppContext } from "../app/routing.ts";
import { NotFoundError } from "../shared/errors.ts";
import { THEME_ID_PATTERN } from "./themes_schemas.ts";
import type { PublicTheme } from "./themes_service.ts";
import { THEME_MODES } from "./themes_tokens.ts";

/** A theme id from the path; anything that cannot be one is simply not found. */
export function themeIdParam(c: AppContext, name = "id"): string {
  const value = c.req.param(name);
  if (!value || !THEME_ID_PATTERN.test(value)) {
    throw new NotFoundError("themes.not_found", "No such theme.");
  }
  return value;
}

/**
 * The colours a refused editor form held, to show them again. (The generic form state
 * drops fields named like "token" as secrets; these are only colours.)
 */
export async function postedTokenValues(c: AppContext): Promise<Record<string, string>> {
  if (c.req.method !== "POST") return {};
  const values = await readForm(c);
  return Object.fromEntries(
    Object.entries(values).filter(([key]) => /^tokens\.(light|dark)\.[a-z0-9-]+$/.test(key)),
  );
}

/** A theme's tokens as the editor's field values (`tokens.light.color-bg` → `#f5f6f8`). */
export function tokenValues(tokens: PublicTheme["tokens"]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const mode of THEME_MODES) {
    for (const [name, value] of Object.entries(tokens[mode])) {
      values[`tokens.${mode}.${name}`] = value;
    }
  }
  return values;
}

/**
 * What the editor's fields show: the theme's colours, or — after a refused post — what
 * was typed, with the messages by field.
 */
export async function editorFields(
  c: AppContext,
  tokens: PublicTheme["tokens"],
  form: FormState | undefined,
): Promise<{ values: Record<string, string>; errors: FormState["errors"]; message?: string }> {
  return {
    values: {
      ...tokenValues(tokens),
      ...form?.values,
      ...(form ? await postedTokenValues(c) : {}),
    },
    errors: form?.errors ?? {},
    message: form?.message,
  };
}
