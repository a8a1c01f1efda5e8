import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { SettingsForms } from "../../../components/admin/SettingsPage.tsx";
import { renderSettingsPage } from "../../../components/admin/render_settings.tsx";
import { type FormState, handleForm, readForm } from "../../../lib/app/forms.ts";
import { type AppContext, defineHandlers } from "../../../lib/app/routing.ts";
import { client } from "../../../lib/auth/auth_http.ts";
import { requireAdmin } from "../../../lib/auth/auth_middleware.ts";
import {
  aiProviderFormSchema,
  aiTestFormSchema,
} from "../../../lib/settings/admin_settings_schemas.ts";
import {
  resetAiSettings,
  saveAiSettings,
  testAiConnection,
} from "../../../lib/settings/admin_settings_service.ts";
import { AppError, ValidationError } from "../../../lib/shared/errors.ts";
import { fieldErrors } from "../../../lib/shared/validation.ts";

/** The typed values to show again — never the key. */
function kept(values: Record<string, string>): Record<string, string> {
  const { api_key: _key, remove_key: _remove, intent: _intent, ...rest } = values;
  return rest;
}

function byField(errors: { path: string; message: string }[]): FormState["errors"] {
  const map: FormState["errors"] = {};
  for (const { path, message } of errors) (map[path || "_form"] ??= []).push(message);
  return map;
}

function render(c: AppContext, ai: SettingsForms["ai"], status: ContentfulStatusCode = 200) {
  return renderSettingsPage(c, { forms: { ai }, status });
}

/** "Test connection": the page again, with the answer (or the problem) under the buttons. */
async function test(c: AppContext, values: Record<string, string>): Promise<Response> {
  const parsed = aiTestFormSchema.safeParse(values);
  if (!parsed.success) {
    return await render(
      c,
      { values: kept(values), errors: byField(fieldErrors(parsed.error)) },
      422,
    );
  }
  try {
    const result = await testAiConnection(c.var.deps, parsed.data);
    return await render(c, { values: kept(values), errors: {}, test: { ok: true, result } });
  } catch (error) {
    if (error instanceof ValidationError) {
      return await render(c, {
        values: kept(values),
        errors: byField(error.fields),
        test: { ok: false, message: error.message },
      }, 422);
    }
    if (!(error instanceof AppError) || !error.expose) throw error;
    return await render(c, {
      values: kept(values),
      errors: {},
      test: { ok: false, message: error.message },
    });
  }
}

export const handler = defineHandlers({
  /** The AI provider form: Save, Test connection, or back to the default. */
  async POST(c) {
    const { user } = requireAdmin(c);
    const who = { deps: c.var.deps, actor: user, client: client(c) };
    const values = await readForm(c);
    if (values.intent === "test") return await test(c, values);
    if (values.intent === "reset") {
      await resetAiSettings(who);
      return c.redirect("/admin/settings?notice=ai_reset", 303);
    }
    return await handleForm(
      c,
      aiProviderFormSchema,
      async (input) => {
        await saveAiSettings(who, input);
        return c.redirect("/admin/settings?notice=ai_saved", 303);
      },
      (state, status) => render(c, { ...state, values: kept(values) }, status),
    );
  },
});
