import { changePasswordSchema } from "../../../../lib/auth/auth_schemas.ts";
import { client } from "../../../../lib/auth/auth_http.ts";
import { requireSession } from "../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../lib/app/routing.ts";
import { validateJson } from "../../../../lib/shared/validation.ts";
import { changePassword } from "../../../../lib/users/users_service.ts";

/** Change the password; the user's other sessions end. */
export const handler = defineHandlers({
  async POST(c) {
    const { user, sessionId } = requireSession(c);
    const input = await validateJson(c, changePasswordSchema);
    await changePassword({ deps: c.var.deps, user, sessionId, input, client: client(c) });
    return c.body(null, 204);
  },
});
