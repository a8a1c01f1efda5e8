import { defineHandlers } from "../../../../lib/app/routing.ts";
import { updateUserByAdmin } from "../../../../lib/admin_users/admin_users_service.ts";
import { roleFormSchema } from "../../../../lib/admin_users/admin_users_schemas.ts";
import { userFormPost } from "../[id].tsx";

export const handler = defineHandlers({
  POST: userFormPost("role", roleFormSchema, async (actor, id, input) => {
    await updateUserByAdmin(actor, id, input);
    return "role_saved";
  }),
});
