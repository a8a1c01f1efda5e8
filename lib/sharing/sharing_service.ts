/**
 * Sharing a document (SPEC §4.6, issue #6 point 2): only its owner lists, adds and
 * revokes shares. A recipient is an account found by its exact e-mail address, or a
 * group the owner belongs to (an administrator may use any group).
 */
import { z } from "zod";
import type { Deps } from "../app/deps.ts";
import { audit, type ClientInfo } from "../audit/audit_service.ts";
import { createDocumentsRepo } from "../documents/documents_repo.ts";
import { createGroupsRepo } from "../groups/groups_repo.ts";
import { NotFoundError, ValidationError } from "../shared/errors.ts";
import type { UserRow } from "../users/users_repo.ts";
import { createSharingRepo, type ShareRow } from "./sharing_repo.ts";
import { createShareSchema } from "./sharing_schemas.ts";

export interface PublicShare {
  id: string;
  permission: "view" | "edit";
  user: { id: string; email: string; full_name: string } | null;
  group: { id: string; name: string } | null;
  created_at: string;
}

function shareJson(row: ShareRow): PublicShare {
  return {
    id: row.id,
    permission: row.permission,
    user: row.user_id
      ? { id: row.user_id, email: row.user_email!, full_name: row.user_name! }
      : null,
    group: row.group_id ? { id: row.group_id, name: row.group_name! } : null,
    created_at: new Date(row.created_at).toISOString(),
  };
}

async function ownDocument(deps: Deps, userId: string, id: string) {
  const doc = await createDocumentsRepo(deps.db).findOwned(userId, id);
  if (!doc || doc.status === "pending") {
    throw new NotFoundError("documents.not_found", "No such document.");
  }
  return doc;
}

export async function listShares(deps: Deps, user: UserRow, documentId: string) {
  await ownDocument(deps, user.id, documentId);
  return (await createSharingRepo(deps.db).list(documentId)).map(shareJson);
}

export async function shareDocument(
  { deps, user, client }: { deps: Deps; user: UserRow; client?: ClientInfo },
  documentId: string,
  input: z.output<typeof createShareSchema>,
): Promise<PublicShare[]> {
  await ownDocument(deps, user.id, documentId);
  const recipient = await resolveRecipient(deps, user, input);
  await createSharingRepo(deps.db).upsert(
    { documentId, ...recipient, permission: input.permission },
    user.id,
  );
  await auditShare({ deps, user, client }, documentId, input.permission, recipient);
  return (await createSharingRepo(deps.db).list(documentId)).map(shareJson);
}

export async function auditShare(
  { deps, user, client }: { deps: Deps; user: UserRow; client?: ClientInfo },
  documentId: string,
  permission: string,
  recipient: Recipient,
): Promise<void> {
  await audit(deps, {
    event: "share_created",
    userId: user.id,
    resourceId: documentId,
    client,
    metadata: {
      permission,
      recipient: recipient.userId ? `user:${recipient.userId}` : `group:${recipient.groupId}`,
    },
  });
}

export interface Recipient {
  userId?: string;
  groupId?: string;
}

/**
 * Whom `user` shares with: an active account by exact e-mail (not themself), or a group
 * they are in (any group for an administrator).
 */
export async function resolveRecipient(
  deps: Deps,
  user: UserRow,
  input: { user_email?: string; group_id?: string },
): Promise<Recipient> {
  let recipient: Recipient;
  if (input.user_email !== undefined) {
    const found = await deps.db.selectFrom("users").select(["id", "is_active"])
      .where("email", "=", input.user_email).executeTakeFirst();
    if (!found || !found.is_active) {
      throw new NotFoundError("users.not_found", "No account has this address.");
    }
    if (found.id === user.id) {
      throw new ValidationError(
        [{ path: "user_email", message: "This is your own document: share with someone else." }],
        "This is your own document.",
      );
    }
    recipient = { userId: found.id };
  } else {
    const groups = createGroupsRepo(deps.db);
    const group = await groups.find(input.group_id!);
    const member = group && (user.role === "admin" || await groups.membership(group.id, user.id));
    if (!member) throw new NotFoundError("groups.not_found", "No such group.");
    recipient = { groupId: group.id };
  }
  return recipient;
}

export async function revokeShare(
  { deps, user, client }: { deps: Deps; user: UserRow; client?: ClientInfo },
  documentId: string,
  shareId: string,
): Promise<void> {
  await ownDocument(deps, user.id, documentId);
  if (!(await createSharingRepo(deps.db).delete(documentId, shareId))) {
    throw new NotFoundError("shares.not_found", "No such share.");
  }
  await audit(deps, { event: "share_revoked", userId: user.id, resourceId: documentId, client });
}
