import { client } from "../../../../lib/auth/auth_http.ts";
import { requireAdmin } from "../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../lib/app/routing.ts";
import { systemPromptSchema } from "../../../../lib/settings/admin_settings_schemas.ts";
import {
  getSystemPrompt,
  resetSystemPrompt,
  saveSystemPrompt,
} from "../../../../lib/settings/admin_settings_service.ts";
import { validateJson } from "../../../../lib/shared/validation.ts";

export const handler = defineHandlers({
  async GET(c) {
    requireAdmin(c);
    return c.json(await getSystemPrompt(c.var.deps));
  },
  /** `{value}`: the LLM classifier's system prompt (at most 20 000 characters). */
  async PUT(c) {
    const { user } = requireAdmin(c);
    const input = await validateJson(c, systemPromptSchema);
    return c.json(
      await saveSystemPrompt({ deps: c.var.deps, actor: user, client: client(c) }, input),
    );
  },
  /** Back to the built-in prompt. */
  async DELETE(c) {
    const { user } = requireAdmin(c);
    return c.json(await resetSystemPrompt({ deps: c.var.deps, actor: user, client: client(c) }));
  },
});
