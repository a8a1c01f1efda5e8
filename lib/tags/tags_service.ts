/** Tags (SPEC §4.5): free-form per user, autocompleted; renaming onto an existing name merges. */
import { z } from "zod";
import type { Deps } from "../app/deps.ts";
import { NotFoundError } from "../shared/errors.ts";
import { createTagsRepo, type TagRow } from "./tags_repo.ts";

export const tagNameSchema = z.string().trim().min(1, "Give the tag a name.").max(64);
export const createTagSchema = z.object({ name: tagNameSchema }).strict();
export const updateTagSchema = z.object({ name: tagNameSchema }).strict();
export const listTagsSchema = z.object({ q: z.string().trim().max(64).optional() }).strict();

export interface PublicTag {
  id: string;
  name: string;
  document_count: number;
}

export async function listTags(deps: Deps, userId: string, prefix?: string): Promise<PublicTag[]> {
  return (await createTagsRepo(deps.db).list(userId, prefix)).map((t) => ({
    id: t.id,
    name: t.name,
    document_count: t.document_count,
  }));
}

export async function createTag(
  { deps, userId, name }: { deps: Deps; userId: string; name: string },
): Promise<TagRow> {
  return await createTagsRepo(deps.db).findOrCreate(userId, name);
}

/**
 * Rename a tag. When another of the user's tags already has the new name, the two are
 * merged into that one (its documents keep one tag). Returns the surviving tag.
 */
export async function renameTag(
  { deps, userId, id, name }: { deps: Deps; userId: string; id: string; name: string },
): Promise<TagRow> {
  return await deps.db.transaction().execute(async (trx) => {
    const repo = createTagsRepo(trx);
    const tag = await repo.findOwned(userId, id);
    if (!tag) throw new NotFoundError("tags.not_found", "No such tag.");
    const existing = await repo.findByName(userId, name);
    if (existing && existing.id !== tag.id) {
      await repo.merge(tag.id, existing.id);
      return existing;
    }
    return await repo.rename(tag.id, name);
  });
}

export async function deleteTag(
  { deps, userId, id }: { deps: Deps; userId: string; id: string },
): Promise<void> {
  const repo = createTagsRepo(deps.db);
  const tag = await repo.findOwned(userId, id);
  if (!tag) throw new NotFoundError("tags.not_found", "No such tag.");
  await repo.delete(tag.id);
}
