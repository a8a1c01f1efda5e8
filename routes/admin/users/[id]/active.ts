import { defineHandlers } from "../../../../lib/app/routing.ts";
import { updateUserByAdmin } from "../../../../lib/admin_users/admin_users_service.ts";
import { activeFormSchema } from "../../../../lib/admin_users/admin_users_schemas.ts";
import { userFormPost } from "../[id].tsx";

export const handler = defineHandlers({
  /** Deactivate (signed out everywhere at once) or activate again. */
  POST: userFormPost("active", activeFormSchema, async (actor, id, input) => {
    await updateUserByAdmin(actor, id, input);
    return input.is_active ? "activated" : "deactivated";
  }),
});
