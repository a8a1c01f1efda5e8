import { defineHandlers } from "../../../../lib/app/routing.ts";
import { deleteUserByAdmin } from "../../../../lib/admin_users/admin_users_service.ts";
import { deleteFormSchema } from "../../../../lib/admin_users/admin_users_schemas.ts";
import { userFormPost } from "../[id].tsx";

export const handler = defineHandlers({
  /** Delete the account with its documents and files, once its e-mail is typed. */
  POST: userFormPost("delete", deleteFormSchema, async (actor, id, input, c) => {
    await deleteUserByAdmin(actor, id, input.confirm_email);
    return c.redirect("/admin/users?notice=deleted", 303);
  }),
});
