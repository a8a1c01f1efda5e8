import {
  APPEARANCE_NOTICES,
  ThemeEditorPage,
} from "../../../../components/admin/AppearancePages.tsx";
import { noticeFrom, renderAdminPage } from "../../../../components/admin/render_admin.tsx";
import { type FormState, handleForm } from "../../../../lib/app/forms.ts";
import type { AppContext } from "../../../../lib/app/routing.ts";
import { defineHandlers } from "../../../../lib/app/routing.ts";
import { editorFields, themeIdParam } from "../../../../lib/appearance/themes_http.ts";
import { updateThemeFormSchema } from "../../../../lib/appearance/themes_schemas.ts";
import { getTheme, updateTheme } from "../../../../lib/appearance/themes_service.ts";
import { client } from "../../../../lib/auth/auth_http.ts";
import { requireAdmin } from "../../../../lib/auth/auth_middleware.ts";

/** One theme in the editor; built-in themes read-only, with an offer to duplicate. */
async function render(c: AppContext, form?: FormState, status?: 409 | 422) {
  requireAdmin(c);
  const theme = await getTheme(c.var.deps, themeIdParam(c));
  return await renderAdminPage(
    c,
    {
      title: theme.label,
      intro: theme.is_active
        ? "The active theme: changes show on everyone's next page."
        : "Choose a colour for every token, for the light and the dark mode.",
      notice: noticeFrom(c, APPEARANCE_NOTICES),
      status,
    },
    (
      <ThemeEditorPage
        builtin={theme.is_builtin ? { id: theme.id, label: theme.label } : undefined}
        editor={{
          action: `/admin/appearance/themes/${theme.id}`,
          submitLabel: "Save theme",
          readOnly: theme.is_builtin,
          label: form?.values.label ?? theme.label,
          previewTheme: theme.id,
          saved: theme.tokens,
          ...(await editorFields(c, theme.tokens, form)),
          cancelHref: "/admin/appearance",
        }}
      />
    ),
  );
}

export const handler = defineHandlers({
  GET: (c) => render(c),
  /** Save the editor's form: the label and every token. */
  async POST(c) {
    const { user } = requireAdmin(c);
    const id = themeIdParam(c);
    return await handleForm(
      c,
      updateThemeFormSchema,
      async (input) => {
        await updateTheme({ deps: c.var.deps, actor: user, client: client(c) }, id, input);
        return c.redirect(`/admin/appearance/themes/${id}?notice=theme_saved`, 303);
      },
      (state, status) => render(c, state, status as 409 | 422),
    );
  },
});
