/** The groups pages of the administration: the list with a create form, and one group. */
import type { FormState } from "../../lib/app/forms.ts";
import type { PublicGroup, PublicMember } from "../../lib/groups/groups_service.ts";
import { Card, DateTime, Field, FormMessage } from "../forms.tsx";

export const GROUP_NOTICES: Record<string, string> = {
  created: "The group is created. Add its members below.",
  saved: "The group is saved.",
  deleted: "The group is deleted. Its members lost what was shared with it.",
  member_added: "The member is added.",
  member_removed:
    "The member is removed: what was shared with the group is no longer theirs to see.",
  member_changed: "The member's role is changed.",
};

export function GroupsList(
  { groups, q, form }: { groups: PublicGroup[]; q: string; form?: FormState },
) {
  return (
    <>
      <form method="get" action="/admin/groups" class="admin-toolbar" role="search">
        <Field name="q" label="Find a group" type="search" value={q} noOptionalMark />
        <button type="submit" class="button">Search</button>
        {q && <a href="/admin/groups" class="button button--small">Clear</a>}
      </form>
      {groups.length === 0
        ? (
          <p class="muted">
            {q
              ? `No group is named like “${q}”.`
              : "There are no groups yet. Create the first below."}
          </p>
        )
        : (
          <div class="admin-table-wrap">
            <table class="admin-table">
              <thead>
                <tr>
                  <th scope="col">Group</th>
                  <th scope="col">Description</th>
                  <th scope="col" class="num">Members</th>
                  <th scope="col">Created</th>
                </tr>
              </thead>
              <tbody>
                {groups.map((group) => (
                  <tr key={group.id}>
                    <td>
                      <a href={`/admin/groups/${group.id}`}>{group.name}</a>
                    </td>
                    <td>{group.description || <span class="muted">—</span>}</td>
                    <td class="num">{group.member_count ?? 0}</td>
                    <td>
                      <DateTime iso={group.created_at} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      <Card title="Create a group" id="create">
        <form method="post" action="/admin/groups" class="form-grid">
          <FormMessage message={form?.message} />
          <Field name="name" label="Name" state={form} required maxLength={128} />
          <Field name="description" label="Description" state={form} maxLength={512} />
          <div class="form-actions">
            <button type="submit" class="button button--primary">Create group</button>
          </div>
        </form>
      </Card>
    </>
  );
}

export interface GroupForms {
  details?: FormState;
  member?: FormState;
}

export function GroupDetail(
  { group, members, forms = {} }: {
    group: PublicGroup;
    members: PublicMember[];
    forms?: GroupForms;
  },
) {
  const base = `/admin/groups/${group.id}`;
  return (
    <>
      <p>
        <a href="/admin/groups">← All groups</a>
      </p>
      <Card title="Members" id="members">
        {members.length === 0
          ? <p class="muted">Nobody is in this group yet.</p>
          : (
            <div class="admin-table-wrap">
              <table class="admin-table">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">E-mail</th>
                    <th scope="col">Role</th>
                    <th scope="col">
                      <span class="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {members.map((member) => (
                    <tr key={member.user_id}>
                      <td>{member.full_name}</td>
                      <td>{member.email}</td>
                      <td>
                        {member.is_group_admin
                          ? <span class="badge badge--accent">Group admin</span>
                          : <span class="muted">Member</span>}
                      </td>
                      <td>
                        <form
                          method="post"
                          action={`${base}/members/${member.user_id}`}
                          class="admin-actions"
                        >
                          <button
                            type="submit"
                            name="action"
                            value={member.is_group_admin ? "member" : "group_admin"}
                            class="button button--small"
                          >
                            {member.is_group_admin ? "Make member" : "Make group admin"}
                          </button>
                          <button
                            type="submit"
                            name="action"
                            value="remove"
                            class="button button--small button--danger"
                            aria-label={`Remove ${member.full_name} from ${group.name}`}
                          >
                            Remove
                          </button>
                        </form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        <form method="post" action={`${base}/members`} class="admin-toolbar">
          <FormMessage message={forms.member?.message} />
          <Field
            name="email"
            label="Add a member by e-mail"
            type="email"
            state={forms.member}
            required
            autoComplete="off"
          />
          <label class="check">
            <input type="checkbox" name="is_group_admin" value="true" />
            Group admin (may add and remove members)
          </label>
          <button type="submit" class="button button--primary">Add member</button>
        </form>
      </Card>
      <Card title="Name and description" id="details">
        <form method="post" action={base} class="form-grid">
          <FormMessage message={forms.details?.message} />
          <Field
            name="name"
            label="Name"
            value={group.name}
            state={forms.details}
            required
            maxLength={128}
          />
          <Field
            name="description"
            label="Description"
            value={group.description}
            state={forms.details}
            maxLength={512}
          />
          <div class="form-actions">
            <button type="submit" class="button button--primary">Save</button>
          </div>
        </form>
      </Card>
      <Card
        title="Delete the group"
        id="delete"
        description="Members keep their accounts and documents, but lose access to everything shared with this group."
      >
        <form method="post" action={`${base}/delete`} class="admin-toolbar">
          <label class="check">
            <input type="checkbox" name="confirm" value="yes" required />
            Yes, delete “{group.name}”
          </label>
          <button type="submit" class="button button--danger">Delete group</button>
        </form>
      </Card>
    </>
  );
}
