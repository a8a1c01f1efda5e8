import { requireUser } from "../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../lib/app/routing.ts";
import { myContacts } from "../../../../lib/groups/groups_service.ts";

export const handler = defineHandlers({
  /**
   * The people who share a group with the caller, for the share picker. Anyone else is
   * reached by typing their exact e-mail address: the user list is never exposed.
   */
  async GET(c) {
    const { user } = requireUser(c);
    return c.json({ contacts: await myContacts(c.var.deps, user.id) });
  },
});
