import { defineHandlers } from "../../../../lib/app/routing.ts";
import { updateUserByAdmin } from "../../../../lib/admin_users/admin_users_service.ts";
import { aiFormSchema } from "../../../../lib/admin_users/admin_users_schemas.ts";
import { userFormPost } from "../[id].tsx";

export const handler = defineHandlers({
  /** The AI provider and model that classify this account's documents. */
  POST: userFormPost("ai", aiFormSchema, async (actor, id, input) => {
    await updateUserByAdmin(actor, id, input);
    return "ai_saved";
  }),
});
