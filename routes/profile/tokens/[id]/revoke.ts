import { defineHandlers } from "../../../../lib/app/routing.ts";
import { revokeApiToken } from "../../../../lib/auth/api_tokens_service.ts";
import { client, uuidParam } from "../../../../lib/auth/auth_http.ts";
import { requireUser } from "../../../../lib/auth/auth_middleware.ts";

export const handler = defineHandlers({
  async POST(c) {
    const { user } = requireUser(c);
    await revokeApiToken({
      deps: c.var.deps,
      userId: user.id,
      tokenId: uuidParam(c, "id"),
      client: client(c),
    });
    return c.redirect("/profile?notice=token_revoked#tokens", 303);
  },
});
