/**
 * `POST /api/documents/bulk` (SPEC §4.5): one action on many documents, in one
 * transaction. Ids that are not the caller's (or do not exist) are reported per id as
 * `not_found` and change nothing; the others all change or, on an error, none do.
 */
import type { z } from "zod";
import type { Deps } from "../app/deps.ts";
import type { ClientInfo } from "../audit/audit_service.ts";
import { createCategoriesRepo } from "../categories/categories_repo.ts";
import { createFoldersRepo } from "../folders/folders_repo.ts";
import { NotFoundError } from "../shared/errors.ts";
import { createTagsRepo } from "../tags/tags_repo.ts";
import type { UserRow } from "../users/users_repo.ts";
import { createSharingRepo } from "../sharing/sharing_repo.ts";
import { auditShare, resolveRecipient } from "../sharing/sharing_service.ts";
import { createDocumentsRepo } from "./documents_repo.ts";
import type { bulkSchema } from "./documents_schemas.ts";
import {
  deleteDocumentRows,
  type DeletedRow,
  queueReanalysis,
  rememberLabels,
  removeDeletedObjects,
} from "./documents_service.ts";

export type BulkInput = z.output<typeof bulkSchema>;

export interface BulkResult {
  id: string;
  ok: boolean;
  /** Why nothing happened to this id. */
  error?: "not_found";
}

export async function bulkUpdate(
  { deps, user, input, client }: {
    deps: Deps;
    user: UserRow;
    input: BulkInput;
    client: ClientInfo;
  },
): Promise<{ results: BulkResult[] }> {
  const ids = [...new Set(input.ids)];
  const owned = new Set(
    (await createDocumentsRepo(deps.db).findOwnedMany(user.id, ids))
      .filter((d) => d.status !== "pending").map((d) => d.id),
  );
  const targets = ids.filter((id) => owned.has(id));

  // What the action names must exist for this user before anything changes.
  if (input.action === "add_category" || input.action === "remove_category") {
    if (!(await createCategoriesRepo(deps.db).findVisible(user.id, input.category_id))) {
      throw new NotFoundError("categories.not_found", "No such category.");
    }
  }
  if (
    input.action === "remove_tag" &&
    !(await createTagsRepo(deps.db).findOwned(user.id, input.tag_id))
  ) {
    throw new NotFoundError("tags.not_found", "No such tag.");
  }
  if (
    input.action === "move_to_folder" && input.folder_id &&
    !(await createFoldersRepo(deps.db).findOwned(user.id, input.folder_id))
  ) {
    throw new NotFoundError("folders.not_found", "No such folder.");
  }

  const recipient = input.action === "share" ? await resolveRecipient(deps, user, input) : null;

  let deleted: DeletedRow[] = [];
  const jobIds: string[] = [];
  await deps.db.transaction().execute(async (trx) => {
    const repo = createDocumentsRepo(trx);
    switch (input.action) {
      case "add_category":
        return await repo.addCategories(targets, input.category_id);
      case "remove_category":
        return await repo.removeCategory(targets, input.category_id);
      case "add_tag": {
        if (targets.length === 0) return;
        const tag = await createTagsRepo(trx).findOrCreate(user.id, input.tag);
        return await repo.addTags(targets, tag.id);
      }
      case "remove_tag":
        return await repo.removeTag(targets, input.tag_id);
      case "move_to_folder":
        for (const id of targets) await repo.update(id, { folder_id: input.folder_id });
        return;
      case "reanalyse":
        jobIds.push(...await queueReanalysis(deps, trx, targets));
        return;
      case "share":
        for (const id of targets) {
          await createSharingRepo(trx).upsert(
            { documentId: id, ...recipient!, permission: input.permission },
            user.id,
          );
        }
        return;
      case "delete":
        deleted = await deleteDocumentRows(trx, user.id, targets);
        return;
    }
  });

  for (const id of jobIds) await deps.queue.dispatch(id);
  if (input.action === "share") {
    for (const id of targets) {
      await auditShare({ deps, user, client }, id, input.permission, recipient!);
    }
  }
  if (input.action === "delete") await removeDeletedObjects({ deps, user, deleted, client });
  if (["add_category", "remove_category", "add_tag", "remove_tag"].includes(input.action)) {
    await rememberLabels(deps, user.id, targets);
  }
  return {
    results: ids.map((id) =>
      owned.has(id) ? { id, ok: true } : { id, ok: false, error: "not_found" }
    ),
  };
}
