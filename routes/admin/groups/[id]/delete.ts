import { z } from "zod";
import { defineHandlers } from "../../../../lib/app/routing.ts";
import { readForm } from "../../../../lib/app/forms.ts";
import { client, uuidParam } from "../../../../lib/auth/auth_http.ts";
import { requireAdmin } from "../../../../lib/auth/auth_middleware.ts";
import { deleteGroup } from "../../../../lib/groups/groups_service.ts";

const confirmed = z.object({ confirm: z.literal("yes") });

export const handler = defineHandlers({
  /** The delete form: only with its confirmation box ticked. */
  async POST(c) {
    const { user } = requireAdmin(c);
    const id = uuidParam(c, "id");
    if (!confirmed.safeParse(await readForm(c)).success) {
      return c.redirect(`/admin/groups/${id}#delete`, 303);
    }
    await deleteGroup({ deps: c.var.deps, actor: user, client: client(c) }, id);
    return c.redirect("/admin/groups?notice=deleted", 303);
  },
});
