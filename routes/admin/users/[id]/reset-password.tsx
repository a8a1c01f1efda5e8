import { z } from "zod";
import { defineHandlers } from "../../../../lib/app/routing.ts";
import { resetUserPassword } from "../../../../lib/admin_users/admin_users_service.ts";
import { renderUser, userFormPost } from "../[id].tsx";

export const handler = defineHandlers({
  /** A new generated password, shown on the account's page this once (never in a URL). */
  POST: userFormPost("password", z.object({}), async (actor, id, _input, c) => {
    const { generated_password } = await resetUserPassword(actor, id);
    return await renderUser(c, id, { generatedPassword: generated_password });
  }),
});
