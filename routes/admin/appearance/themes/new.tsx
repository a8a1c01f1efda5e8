import { ThemeEditorPage } from "../../../../components/admin/AppearancePages.tsx";
import { renderAdminPage } from "../../../../components/admin/render_admin.tsx";
import { type FormState, handleForm } from "../../../../lib/app/forms.ts";
import type { AppContext } from "../../../../lib/app/routing.ts";
import { defineHandlers } from "../../../../lib/app/routing.ts";
import { DEFAULT_THEME_ID } from "../../../../lib/appearance/themes_css.ts";
import { editorFields } from "../../../../lib/appearance/themes_http.ts";
import {
  createThemeFormSchema,
  THEME_ID_PATTERN,
} from "../../../../lib/appearance/themes_schemas.ts";
import { createTheme, listThemes } from "../../../../lib/appearance/themes_service.ts";
import { client } from "../../../../lib/auth/auth_http.ts";
import { requireAdmin } from "../../../../lib/auth/auth_middleware.ts";
import { NotFoundError } from "../../../../lib/shared/errors.ts";

/** "Forest copy", or "Forest copy 2" when that name is taken. */
function copyLabel(label: string, taken: Set<string>): string {
  const base = `${label.slice(0, 58)} copy`;
  for (let n = 1; n < 100; n++) {
    const candidate = n === 1 ? base : `${base} ${n}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
  return base;
}

/** The editor for a new theme: the default theme's colours, or a copy of `?from=`. */
async function render(c: AppContext, form?: FormState, status?: 409 | 422) {
  requireAdmin(c);
  const themes = await listThemes(c.var.deps);
  const from = c.req.query("from");
  const source = themes.find((t) => t.id === (from ?? DEFAULT_THEME_ID));
  if (!source || (from !== undefined && !THEME_ID_PATTERN.test(from))) {
    throw new NotFoundError("themes.not_found", "There is no theme to copy with this id.");
  }
  const taken = new Set(themes.map((t) => t.label.toLowerCase()));
  return await renderAdminPage(
    c,
    {
      title: from ? `Duplicate “${source.label}”` : "New theme",
      intro: "Choose a colour for every token, for the light and the dark mode.",
      status,
    },
    (
      <ThemeEditorPage
        editor={{
          action: from
            ? `/admin/appearance/themes/new?from=${source.id}`
            : "/admin/appearance/themes/new",
          submitLabel: "Create theme",
          readOnly: false,
          label: form?.values.label ?? (from ? copyLabel(source.label, taken) : ""),
          previewTheme: source.id,
          saved: source.tokens,
          ...(await editorFields(c, source.tokens, form)),
          cancelHref: "/admin/appearance",
        }}
      />
    ),
  );
}

export const handler = defineHandlers({
  GET: (c) => render(c),
  async POST(c) {
    const { user } = requireAdmin(c);
    return await handleForm(
      c,
      createThemeFormSchema,
      async (input) => {
        const from = c.req.query("from");
        const theme = await createTheme(
          { deps: c.var.deps, actor: user, client: client(c) },
          from && THEME_ID_PATTERN.test(from) ? { ...input, based_on: from } : input,
        );
        return c.redirect(`/admin/appearance/themes/${theme.id}?notice=created`, 303);
      },
      (state, status) => render(c, state, status as 409 | 422),
    );
  },
});
