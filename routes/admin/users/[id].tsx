import { noticeFrom, renderAdminPage } from "../../../components/admin/render_admin.tsx";
import { UserDetail, type UserForms } from "../../../components/admin/UserPages.tsx";
import { USER_NOTICES } from "../../../components/admin/UsersPages.tsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";
import { handleForm } from "../../../lib/app/forms.ts";
import type { AppContext, Handler } from "../../../lib/app/routing.ts";
import { defineHandlers } from "../../../lib/app/routing.ts";
import { client, uuidParam } from "../../../lib/auth/auth_http.ts";
import { requireAdmin } from "../../../lib/auth/auth_middleware.ts";
import { type AdminActor, getAdminUser } from "../../../lib/admin_users/admin_users_service.ts";

/** One account's page, with a form's state after a refused post, or a password to show once. */
export async function renderUser(
  c: AppContext,
  id: string,
  options: { forms?: UserForms; status?: ContentfulStatusCode; generatedPassword?: string } = {},
): Promise<Response> {
  const { user: admin } = requireAdmin(c);
  const user = await getAdminUser(c.var.deps, id);
  return await renderAdminPage(
    c,
    {
      title: user.full_name,
      intro: `${user.email} · ${user.role === "admin" ? "Administrator" : "User"}${
        user.is_active ? "" : " · deactivated"
      }`,
      notice: noticeFrom(c, USER_NOTICES),
      status: options.status,
    },
    (
      <UserDetail
        user={user}
        self={user.id === admin.id}
        forms={options.forms}
        generatedPassword={options.generatedPassword}
      />
    ),
  );
}

/**
 * The POST handler of one of the page's forms: parse it with `schema`, run `action`, and
 * go back to the page with the notice it names (or show the page it renders). A refused
 * change shows the page again, the message next to the form and the values kept.
 */
export function userFormPost<S extends z.ZodType>(
  form: keyof UserForms,
  schema: S,
  action: (
    actor: AdminActor,
    id: string,
    input: z.output<S>,
    c: AppContext,
  ) => Promise<string | Response>,
): Handler {
  return async (c) => {
    const { user } = requireAdmin(c);
    const id = uuidParam(c, "id");
    return await handleForm(
      c,
      schema,
      async (input) => {
        const actor = { deps: c.var.deps, actor: user, client: client(c) };
        const done = await action(actor, id, input, c);
        if (done instanceof Response) return done;
        return c.redirect(`/admin/users/${id}?notice=${done}#${form}`, 303);
      },
      (state, status) => renderUser(c, id, { forms: { [form]: state }, status }),
    );
  };
}

export const handler = defineHandlers({
  GET: (c) => renderUser(c, uuidParam(c, "id")),
});
