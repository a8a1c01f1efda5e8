import { z } from "zod";
import { defineHandlers } from "../../../../lib/app/routing.ts";
import { resetUserTwoFactor } from "../../../../lib/admin_users/admin_users_service.ts";
import { userFormPost } from "../[id].tsx";

export const handler = defineHandlers({
  POST: userFormPost("two_factor", z.object({}), async (actor, id) => {
    await resetUserTwoFactor(actor, id);
    return "two_factor_reset";
  }),
});
