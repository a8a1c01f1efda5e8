import { noticeFrom, renderAdminPage } from "../../components/admin/render_admin.tsx";
import { USER_NOTICES, UsersList } from "../../components/admin/UsersPages.tsx";
import { type FormState, handleForm } from "../../lib/app/forms.ts";
import type { AppContext } from "../../lib/app/routing.ts";
import { defineHandlers } from "../../lib/app/routing.ts";
import { client } from "../../lib/auth/auth_http.ts";
import { requireAdmin } from "../../lib/auth/auth_middleware.ts";
import { createUserByAdmin, listUsers } from "../../lib/admin_users/admin_users_service.ts";
import { createUserFormSchema } from "../../lib/admin_users/admin_users_schemas.ts";
import { renderUser } from "./users/[id].tsx";

async function render(c: AppContext, form?: FormState, status?: 409 | 422) {
  requireAdmin(c);
  // Not validateQuery: the page's URL also carries `?notice=`.
  const q = (c.req.query("q") ?? "").trim().slice(0, 254);
  const cursor = c.req.query("cursor")?.slice(0, 500) || undefined;
  const page = await listUsers(c.var.deps, { q, cursor, limit: 50 });
  return await renderAdminPage(
    c,
    {
      title: "Users",
      intro: "Every account: its role, state and storage. Documents are counted, never shown.",
      notice: noticeFrom(c, USER_NOTICES),
      status,
    },
    <UsersList
      users={page.users}
      q={q}
      cursor={cursor}
      nextCursor={page.next_cursor}
      form={form}
    />,
  );
}

export const handler = defineHandlers({
  GET: (c) => render(c),
  /** The "Create user" form: a generated password is shown once on the new account's page. */
  async POST(c) {
    const { user } = requireAdmin(c);
    return await handleForm(
      c,
      createUserFormSchema,
      async (input) => {
        const created = await createUserByAdmin(
          { deps: c.var.deps, actor: user, client: client(c) },
          input,
        );
        if (!created.generated_password) {
          return c.redirect(`/admin/users/${created.user.id}?notice=created`, 303);
        }
        return await renderUser(c, created.user.id, {
          generatedPassword: created.generated_password,
          status: 201,
        });
      },
      (state, status) => render(c, state, status as 409 | 422),
    );
  },
});
