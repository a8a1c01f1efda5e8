import {
  GROUP_NOTICES,
  GroupDetail,
  type GroupForms,
} from "../../../components/admin/GroupsPages.tsx";
import { noticeFrom, renderAdminPage } from "../../../components/admin/render_admin.tsx";
import { handleForm } from "../../../lib/app/forms.ts";
import type { AppContext } from "../../../lib/app/routing.ts";
import { defineHandlers } from "../../../lib/app/routing.ts";
import { client, uuidParam } from "../../../lib/auth/auth_http.ts";
import { requireAdmin } from "../../../lib/auth/auth_middleware.ts";
import {
  getGroup,
  listMembers,
  updateGroup,
  updateGroupSchema,
} from "../../../lib/groups/groups_service.ts";

/** One group's page, with the forms' states after a refused post. */
export async function renderGroup(
  c: AppContext,
  forms: GroupForms = {},
  status?: 404 | 409 | 422,
): Promise<Response> {
  const { user } = requireAdmin(c);
  const id = uuidParam(c, "id");
  const group = await getGroup(c.var.deps, id);
  const members = await listMembers(c.var.deps, user, id);
  return await renderAdminPage(c, {
    title: group.name,
    intro: group.description ||
      `${members.length} member${members.length === 1 ? "" : "s"}.`,
    notice: noticeFrom(c, GROUP_NOTICES),
    status,
  }, <GroupDetail group={group} members={members} forms={forms} />);
}

export const handler = defineHandlers({
  GET: (c) => renderGroup(c),
  /** Rename or describe the group (the details form). */
  async POST(c) {
    const { user } = requireAdmin(c);
    const id = uuidParam(c, "id");
    return await handleForm(
      c,
      updateGroupSchema,
      async (input) => {
        await updateGroup({ deps: c.var.deps, actor: user, client: client(c) }, id, input);
        return c.redirect(`/admin/groups/${id}?notice=saved`, 303);
      },
      (state, status) => renderGroup(c, { details: state }, status as 409 | 422),
    );
  },
});
