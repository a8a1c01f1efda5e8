/**
 * The users list of the administration: search, a table of accounts (counts and bytes,
 * never a document), the next page by cursor, and the "Create user" form. Also the card
 * that shows a generated password once, used by the list and the user's own page.
 */
import PasswordField from "../../islands/PasswordField.tsx";
import CopyButton from "../../islands/CopyButton.tsx";
import type { FormState } from "../../lib/app/forms.ts";
import type { AdminUser } from "../../lib/admin_users/admin_users_service.ts";
import { formatBytes, formatDate } from "../../lib/shared/format.ts";
import { Card, Field, FormMessage } from "../forms.tsx";

export const USER_NOTICES: Record<string, string> = {
  created: "The account is created. It can sign in with the password you chose.",
  deleted: "The account is deleted with its documents. Its files are being removed.",
  role_saved: "The role is changed.",
  activated: "The account is active again: it can sign in.",
  deactivated: "The account is deactivated: it is signed out everywhere and cannot sign in.",
  quota_saved: "The quota is changed.",
  ai_saved: "The AI assignment is saved.",
  two_factor_reset: "Two-factor authentication is off and the account is signed out everywhere.",
};

export function RoleBadge({ user }: { user: Pick<AdminUser, "role"> }) {
  return user.role === "admin"
    ? <span class="badge badge--accent">Admin</span>
    : <span class="badge">User</span>;
}

export function StatusBadge({ user }: { user: Pick<AdminUser, "is_active"> }) {
  return user.is_active
    ? <span class="badge badge--success">Active</span>
    : <span class="badge badge--error">Deactivated</span>;
}

/** A password shown this once, after creating an account or resetting its password. */
export function GeneratedPassword({ email, password }: { email: string; password: string }) {
  return (
    <section class="card section-card" aria-labelledby="generated-password-title">
      <h2 id="generated-password-title">Password for {email}</h2>
      <p>
        Give it to its owner over a safe channel. <strong>It is shown only this once</strong>{" "}
        and stored only as a hash; they can change it on their profile page.
      </p>
      <p>
        <code class="secret secret--block" data-testid="generated-password">{password}</code>
      </p>
      <CopyButton text={password} label="Copy password" />
    </section>
  );
}

function pageLink(q: string, cursor?: string): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return query ? `/admin/users?${query}` : "/admin/users";
}

export interface UsersListProps {
  users: AdminUser[];
  q: string;
  /** Set when this page is not the first. */
  cursor?: string;
  nextCursor: string | null;
  form?: FormState;
}

export function UsersList({ users, q, cursor, nextCursor, form }: UsersListProps) {
  return (
    <>
      <form method="get" action="/admin/users" class="admin-toolbar" role="search">
        <Field
          name="q"
          label="Find by name or e-mail"
          type="search"
          value={q}
          maxLength={254}
          noOptionalMark
        />
        <button type="submit" class="button">Search</button>
        {q && <a href="/admin/users" class="button button--small">Clear</a>}
      </form>
      {users.length === 0
        ? <p class="muted">{q ? `No account matches “${q}”.` : "There are no more accounts."}</p>
        : (
          <div class="admin-table-wrap">
            <table class="admin-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">E-mail</th>
                  <th scope="col">Role</th>
                  <th scope="col">Status</th>
                  <th scope="col">2FA</th>
                  <th scope="col" class="num">Documents</th>
                  <th scope="col" class="num">Storage used</th>
                  <th scope="col">Created</th>
                </tr>
              </thead>
              <tbody>
                {users.map((user) => (
                  <tr key={user.id} data-user-id={user.id}>
                    <td>
                      <a href={`/admin/users/${user.id}`}>{user.full_name}</a>
                    </td>
                    <td>{user.email}</td>
                    <td>
                      <RoleBadge user={user} />
                    </td>
                    <td>
                      <StatusBadge user={user} />
                    </td>
                    <td>{user.totp_enabled ? "On" : <span class="muted">Off</span>}</td>
                    <td class="num">{user.document_count}</td>
                    <td class="num">
                      {formatBytes(user.quota.used_bytes)} of {formatBytes(user.quota.limit_bytes)}
                    </td>
                    <td>{formatDate(user.created_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      {(cursor || nextCursor) && (
        <nav class="admin-pager" aria-label="Pages">
          {cursor ? <a href={pageLink(q)}>← First page</a> : <span />}
          {nextCursor && <a href={pageLink(q, nextCursor)} rel="next">Next page →</a>}
        </nav>
      )}
      <Card
        title="Create a user"
        id="create"
        description="Leave the password empty to generate one: it is shown once, after creating the account."
      >
        <form method="post" action="/admin/users" class="form-grid">
          <FormMessage message={form?.message} />
          <Field
            name="email"
            label="E-mail"
            type="email"
            state={form}
            required
            maxLength={254}
            autoComplete="off"
          />
          <Field
            name="full_name"
            label="Full name"
            state={form}
            required
            maxLength={128}
            autoComplete="off"
          />
          <PasswordField
            name="password"
            label="Password (optional)"
            autoComplete="new-password"
            showRules
            required={false}
            errors={form?.errors.password}
          />
          <label class="check">
            <input
              type="checkbox"
              name="admin"
              value="on"
              checked={form?.values.admin === "on"}
            />
            Administrator
          </label>
          <div class="form-actions">
            <button type="submit" class="button button--primary">Create user</button>
          </div>
        </form>
      </Card>
    </>
  );
}
