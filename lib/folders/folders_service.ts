/** Folders (SPEC §4.5): a per-user tree for filing documents by hand. */
import { z } from "zod";
import type { Deps } from "../app/deps.ts";
import { BadRequestError, NotFoundError } from "../shared/errors.ts";
import { createFoldersRepo, type FolderRow } from "./folders_repo.ts";

const name = z.string().trim().min(1, "Give the folder a name.").max(128);
export const createFolderSchema = z.object({ name, parent_id: z.uuid().nullable().optional() })
  .strict();
export const updateFolderSchema = z.object({
  name: name.optional(),
  parent_id: z.uuid().nullable().optional(),
})
  .strict();

export interface PublicFolder {
  id: string;
  name: string;
  parent_id: string | null;
  document_count: number;
  children: PublicFolder[];
}

export function folderJson(row: FolderRow): Omit<PublicFolder, "document_count" | "children"> {
  return { id: row.id, name: row.name, parent_id: row.parent_id };
}

export async function folderTree(deps: Deps, userId: string): Promise<PublicFolder[]> {
  const repo = createFoldersRepo(deps.db);
  const [rows, counts] = [await repo.list(userId), await repo.countsFor(userId)];
  const nodes = new Map<string, PublicFolder>(rows.map((r) => [r.id, {
    id: r.id,
    name: r.name,
    parent_id: r.parent_id,
    document_count: counts.get(r.id) ?? 0,
    children: [],
  }]));
  const roots: PublicFolder[] = [];
  for (const node of nodes.values()) {
    const parent = node.parent_id ? nodes.get(node.parent_id) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

async function owned(deps: Deps, userId: string, id: string): Promise<FolderRow> {
  const folder = await createFoldersRepo(deps.db).findOwned(userId, id);
  if (!folder) throw new NotFoundError("folders.not_found", "No such folder.");
  return folder;
}

export async function createFolder(
  { deps, userId, input }: {
    deps: Deps;
    userId: string;
    input: z.output<typeof createFolderSchema>;
  },
): Promise<FolderRow> {
  if (input.parent_id) await owned(deps, userId, input.parent_id);
  return await createFoldersRepo(deps.db).create({
    userId,
    parentId: input.parent_id ?? null,
    name: input.name,
  });
}

export async function updateFolder(
  { deps, userId, id, input }: {
    deps: Deps;
    userId: string;
    id: string;
    input: z.output<typeof updateFolderSchema>;
  },
): Promise<FolderRow> {
  const repo = createFoldersRepo(deps.db);
  const folder = await owned(deps, userId, id);
  if (input.parent_id) {
    await owned(deps, userId, input.parent_id);
    if (await repo.isSelfOrDescendant(folder.id, input.parent_id)) {
      throw new BadRequestError(
        "folders.cycle",
        "A folder cannot move into itself or one of its sub-folders.",
      );
    }
  }
  return await repo.update(folder.id, { name: input.name, parentId: input.parent_id });
}

export async function deleteFolder(
  { deps, userId, id }: { deps: Deps; userId: string; id: string },
) {
  const folder = await owned(deps, userId, id);
  await deps.db.transaction().execute((trx) => createFoldersRepo(trx).deleteMovingUp(folder));
}
