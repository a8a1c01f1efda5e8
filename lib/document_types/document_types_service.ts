/** Document types (SPEC §3): one list for everyone, seeded; admins add, rename and remove. */
import { sql } from "kysely";
import { z } from "zod";
import { isUniqueViolation } from "../app/db.ts";
import type { Deps } from "../app/deps.ts";
import { AlreadyExistsError, BadRequestError, NotFoundError } from "../shared/errors.ts";

export const createDocumentTypeSchema = z.object({
  slug: z.string().regex(/^[a-z][a-z0-9_]{1,48}$/, "Use lower-case letters, digits and _ (2–49)."),
  label: z.string().trim().min(1).max(100),
}).strict();
export const updateDocumentTypeSchema = z.object({ label: z.string().trim().min(1).max(100) })
  .strict();

export interface PublicDocumentType {
  slug: string;
  label: string;
  system: boolean;
}

export async function listDocumentTypes(deps: Deps): Promise<PublicDocumentType[]> {
  const rows = await deps.db.selectFrom("document_types").select(["slug", "label", "is_system"])
    .orderBy("sort_order").orderBy("label").execute();
  return rows.map((r) => ({ slug: r.slug, label: r.label, system: r.is_system }));
}

export async function createDocumentType(
  deps: Deps,
  input: z.output<typeof createDocumentTypeSchema>,
) {
  try {
    await deps.db.insertInto("document_types").values({ slug: input.slug, label: input.label })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AlreadyExistsError("A document type with this slug exists.");
    }
    throw error;
  }
}

export async function updateDocumentType(deps: Deps, slug: string, label: string) {
  const result = await deps.db.updateTable("document_types").set({ label, updated_at: sql`now()` })
    .where("slug", "=", slug).executeTakeFirst();
  if (result.numUpdatedRows === 0n) {
    throw new NotFoundError("document_types.not_found", "No such document type.");
  }
}

/** Remove a type; its documents keep everything else and lose their type. "other" stays. */
export async function deleteDocumentType(deps: Deps, slug: string) {
  if (slug === "other") {
    throw new BadRequestError("document_types.protected", "The type “other” cannot be removed.");
  }
  const result = await deps.db.deleteFrom("document_types").where("slug", "=", slug)
    .executeTakeFirst();
  if (result.numDeletedRows === 0n) {
    throw new NotFoundError("document_types.not_found", "No such document type.");
  }
}
