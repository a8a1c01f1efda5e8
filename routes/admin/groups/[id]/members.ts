import { z } from "zod";
import { handleForm } from "../../../../lib/app/forms.ts";
import { defineHandlers } from "../../../../lib/app/routing.ts";
import { emailSchema } from "../../../../lib/auth/auth_schemas.ts";
import { client, uuidParam } from "../../../../lib/auth/auth_http.ts";
import { requireAdmin } from "../../../../lib/auth/auth_middleware.ts";
import { addMember } from "../../../../lib/groups/groups_service.ts";
import { renderGroup } from "../[id].tsx";

/** The add-member form: an e-mail and the group-admin box ("true" when ticked). */
const addMemberForm = z.object({
  email: emailSchema,
  is_group_admin: z.literal("true").optional().transform((v) => v === "true"),
});

export const handler = defineHandlers({
  async POST(c) {
    const { user } = requireAdmin(c);
    const id = uuidParam(c, "id");
    return await handleForm(
      c,
      addMemberForm,
      async (input) => {
        await addMember({ deps: c.var.deps, actor: user, client: client(c) }, id, input);
        return c.redirect(`/admin/groups/${id}?notice=member_added#members`, 303);
      },
      (state, status) => renderGroup(c, { member: state }, status as 404 | 422),
    );
  },
});
