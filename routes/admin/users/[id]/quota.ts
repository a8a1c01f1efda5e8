import { defineHandlers } from "../../../../lib/app/routing.ts";
import { updateUserByAdmin } from "../../../../lib/admin_users/admin_users_service.ts";
import { quotaFormSchema } from "../../../../lib/admin_users/admin_users_schemas.ts";
import { userFormPost } from "../[id].tsx";

export const handler = defineHandlers({
  /** The quota in MiB or GiB. */
  POST: userFormPost("quota", quotaFormSchema, async (actor, id, input) => {
    await updateUserByAdmin(actor, id, input);
    return "quota_saved";
  }),
});
