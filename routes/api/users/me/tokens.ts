import { createApiToken, listApiTokens } from "../../../../lib/auth/api_tokens_service.ts";
import { createApiTokenSchema } from "../../../../lib/auth/auth_schemas.ts";
import { client } from "../../../../lib/auth/auth_http.ts";
import { requireSession, requireUser } from "../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../lib/app/routing.ts";
import { validateJson } from "../../../../lib/shared/validation.ts";

export const handler = defineHandlers({
  async GET(c) {
    const { user } = requireUser(c);
    return c.json({ tokens: await listApiTokens(c.var.deps, user.id) });
  },
  /**
   * The token itself is in this answer only; it is stored as a hash. Only a signed-in
   * browser may create one: a token must not be able to mint its own replacements.
   */
  async POST(c) {
    const { user } = requireSession(c);
    const input = await validateJson(c, createApiTokenSchema);
    return c.json(
      await createApiToken({ deps: c.var.deps, userId: user.id, input, client: client(c) }),
      201,
    );
  },
});
