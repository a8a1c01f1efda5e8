import { GROUP_NOTICES, GroupsList } from "../../components/admin/GroupsPages.tsx";
import { noticeFrom, renderAdminPage } from "../../components/admin/render_admin.tsx";
import { type FormState, handleForm } from "../../lib/app/forms.ts";
import type { AppContext } from "../../lib/app/routing.ts";
import { defineHandlers } from "../../lib/app/routing.ts";
import { client } from "../../lib/auth/auth_http.ts";
import { requireAdmin } from "../../lib/auth/auth_middleware.ts";
import { createGroup, createGroupSchema, listGroups } from "../../lib/groups/groups_service.ts";

async function render(c: AppContext, form?: FormState, status?: 409 | 422) {
  const q = (c.req.query("q") ?? "").trim().slice(0, 128);
  const groups = await listGroups(c.var.deps, q || undefined);
  return await renderAdminPage(c, {
    title: "Groups",
    intro:
      "People in a group can share documents with the whole group. Group admins add and remove its members.",
    notice: noticeFrom(c, GROUP_NOTICES),
    status,
  }, <GroupsList groups={groups} q={q} form={form} />);
}

export const handler = defineHandlers({
  GET: (c) => render(c),
  /** The create form (works without JavaScript). */
  async POST(c) {
    const { user } = requireAdmin(c);
    return await handleForm(
      c,
      createGroupSchema,
      async (input) => {
        const group = await createGroup(
          { deps: c.var.deps, actor: user, client: client(c) },
          input,
        );
        return c.redirect(`/admin/groups/${group.id}?notice=created`, 303);
      },
      (state, status) => render(c, state, status as 409 | 422),
    );
  },
});
