/**
 * Groups (SPEC §4.2, issue #6 point 1). Administrators create, rename and delete groups
 * and manage every membership; a group admin may add and remove members of their own
 * group, and do nothing else. A group that is not the caller's to manage does not exist
 * for them (404).
 */
import { z } from "zod";
import type { Deps } from "../app/deps.ts";
import type { UserRow } from "../users/users_repo.ts";
import { appAccessChanged } from "../apps/apps_access.ts";
import { audit, type ClientInfo } from "../audit/audit_service.ts";
import { emailSchema } from "../auth/auth_schemas.ts";
import { NotFoundError } from "../shared/errors.ts";
import { createGroupsRepo, type GroupRow, type MemberRow } from "./groups_repo.ts";

const name = z.string().trim().min(1, "Give the group a name.").max(128, "At most 128 characters.");
const description = z.string().trim().max(512, "At most 512 characters.");

export const createGroupSchema = z.object({ name, description: description.default("") }).strict();
export const updateGroupSchema = z.object({
  name: name.optional(),
  description: description.optional(),
})
  .strict();
export const listGroupsSchema = z.object({ q: z.string().trim().max(128).optional() }).strict();
/** A member is named by id or by e-mail address (exactly one). */
export const addMemberSchema = z.object({
  user_id: z.uuid().optional(),
  email: emailSchema.optional(),
  is_group_admin: z.boolean().default(false),
}).strict().refine((v) => (v.user_id === undefined) !== (v.email === undefined), {
  message: "Give either user_id or email.",
});
export const updateMemberSchema = z.object({ is_group_admin: z.boolean() }).strict();

export interface PublicGroup {
  id: string;
  name: string;
  description: string;
  member_count?: number;
  created_at: string;
}

export interface PublicMember {
  user_id: string;
  email: string;
  full_name: string;
  is_group_admin: boolean;
  added_at: string;
}

const notFound = () => new NotFoundError("groups.not_found", "No such group.");

export function groupJson(row: GroupRow & { member_count?: number }): PublicGroup {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    ...(row.member_count === undefined ? {} : { member_count: row.member_count }),
    created_at: new Date(row.created_at).toISOString(),
  };
}

function memberJson(row: MemberRow): PublicMember {
  return { ...row, added_at: new Date(row.added_at).toISOString() };
}

interface Actor {
  deps: Deps;
  actor: UserRow;
  client?: ClientInfo;
}

export async function listGroups(deps: Deps, q?: string): Promise<PublicGroup[]> {
  return (await createGroupsRepo(deps.db).list(q)).map(groupJson);
}

export async function getGroup(deps: Deps, id: string): Promise<PublicGroup> {
  const group = await createGroupsRepo(deps.db).find(id);
  if (!group) throw notFound();
  return groupJson(group);
}

export async function createGroup(
  { deps, actor, client }: Actor,
  input: z.output<typeof createGroupSchema>,
): Promise<PublicGroup> {
  const group = await createGroupsRepo(deps.db).create(input);
  appAccessChanged(deps); // it may be an app's admin or required group
  await audit(deps, {
    event: "group_created",
    actorId: actor.id,
    resourceId: group.id,
    client,
    metadata: { name: group.name },
  });
  return groupJson(group);
}

export async function updateGroup(
  { deps, actor, client }: Actor,
  id: string,
  input: z.output<typeof updateGroupSchema>,
): Promise<PublicGroup> {
  const group = await createGroupsRepo(deps.db).update(id, input);
  if (!group) throw notFound();
  appAccessChanged(deps);
  await audit(deps, {
    event: "group_updated",
    actorId: actor.id,
    resourceId: id,
    client,
    metadata: { name: group.name },
  });
  return groupJson(group);
}

export async function deleteGroup({ deps, actor, client }: Actor, id: string): Promise<void> {
  if (!(await createGroupsRepo(deps.db).delete(id))) throw notFound();
  appAccessChanged(deps); // its app grants went with it
  await audit(deps, { event: "group_deleted", actorId: actor.id, resourceId: id, client });
}

/**
 * The group, when `actor` may manage its members: administrators any group, group admins
 * their own. Anyone else is told it does not exist.
 */
async function manageable(deps: Deps, actor: UserRow, groupId: string): Promise<GroupRow> {
  const repo = createGroupsRepo(deps.db);
  const [group, membership] = await Promise.all([
    repo.find(groupId),
    actor.role === "admin" ? null : repo.membership(groupId, actor.id),
  ]);
  if (!group || (actor.role !== "admin" && !membership?.is_group_admin)) throw notFound();
  return group;
}

export async function listMembers(
  deps: Deps,
  actor: UserRow,
  groupId: string,
): Promise<PublicMember[]> {
  await manageable(deps, actor, groupId);
  return (await createGroupsRepo(deps.db).members(groupId)).map(memberJson);
}

export async function addMember(
  { deps, actor, client }: Actor,
  groupId: string,
  input: z.output<typeof addMemberSchema>,
): Promise<PublicMember[]> {
  await manageable(deps, actor, groupId);
  const user = await deps.db.selectFrom("users").select(["id"])
    .$if(input.user_id !== undefined, (q) => q.where("id", "=", input.user_id!))
    .$if(input.email !== undefined, (q) => q.where("email", "=", input.email!))
    .executeTakeFirst();
  if (!user) throw new NotFoundError("users.not_found", "No account has this address.");
  const repo = createGroupsRepo(deps.db);
  const existing = await repo.membership(groupId, user.id);
  // Only administrators make or unmake group admins.
  const isGroupAdmin = actor.role === "admin"
    ? input.is_group_admin
    : existing?.is_group_admin ?? false;
  await repo.upsertMember(groupId, user.id, isGroupAdmin);
  appAccessChanged(deps, { userId: user.id });
  await audit(deps, {
    event: "group_member_added",
    userId: user.id,
    actorId: actor.id,
    resourceId: groupId,
    client,
    metadata: { is_group_admin: isGroupAdmin },
  });
  return (await repo.members(groupId)).map(memberJson);
}

export async function setGroupAdmin(
  { deps, actor, client }: Actor,
  groupId: string,
  userId: string,
  isGroupAdmin: boolean,
): Promise<PublicMember[]> {
  const repo = createGroupsRepo(deps.db);
  if (!(await repo.find(groupId)) || !(await repo.membership(groupId, userId))) throw notFound();
  await repo.upsertMember(groupId, userId, isGroupAdmin);
  await audit(deps, {
    event: "group_member_changed",
    userId,
    actorId: actor.id,
    resourceId: groupId,
    client,
    metadata: { is_group_admin: isGroupAdmin },
  });
  return (await repo.members(groupId)).map(memberJson);
}

export async function removeMember(
  { deps, actor, client }: Actor,
  groupId: string,
  userId: string,
): Promise<void> {
  await manageable(deps, actor, groupId);
  if (!(await createGroupsRepo(deps.db).removeMember(groupId, userId))) {
    throw new NotFoundError("groups.not_a_member", "This account is not in the group.");
  }
  appAccessChanged(deps, { userId });
  await audit(deps, {
    event: "group_member_removed",
    userId,
    actorId: actor.id,
    resourceId: groupId,
    client,
  });
}

/** `GET /api/users/me/groups`: the caller's groups and whether they manage each. */
export async function myGroups(deps: Deps, userId: string) {
  return (await createGroupsRepo(deps.db).ofUser(userId)).map((g) => ({
    id: g.id,
    name: g.name,
    description: g.description,
    is_group_admin: g.is_group_admin,
  }));
}

/** `GET /api/users/me/contacts`: whom the caller can pick to share with by name. */
export async function myContacts(deps: Deps, userId: string) {
  return await createGroupsRepo(deps.db).contactsOf(userId);
}
