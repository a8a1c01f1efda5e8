/**
 * Categories (SPEC §4.5): system categories, which admins manage and everyone sees, and
 * each user's own, as one tree. A user may hang personal categories under system ones.
 */
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../app/db_schema.ts";
import type { Deps } from "../app/deps.ts";
import type { UserRow } from "../users/users_repo.ts";
import { BadRequestError, NotFoundError } from "../shared/errors.ts";
import { type CategoryRow, createCategoriesRepo } from "./categories_repo.ts";

export const PATH_SEPARATOR = " / ";

const name = z.string().trim().min(1, "Give the category a name.").max(128).refine(
  (n) => !n.includes("/"),
  "A category name cannot contain “/”.",
);

export const createCategorySchema = z.object({
  name,
  parent_id: z.uuid().nullable().optional(),
  /** Admins only: a system category, visible to everyone. */
  system: z.boolean().optional(),
}).strict();

export const updateCategorySchema = z.object({
  name: name.optional(),
  parent_id: z.uuid().nullable().optional(),
}).strict();

export interface PublicCategory {
  id: string;
  name: string;
  path: string;
  parent_id: string | null;
  system: boolean;
  /** The user's documents in this category. */
  document_count: number;
  /** … and in its sub-categories too. */
  total_count: number;
  children: PublicCategory[];
}

/** Paths ("Finance / Taxes") of categories, from a list that holds their ancestors. */
export function categoryPaths(
  rows: Pick<CategoryRow, "id" | "name" | "parent_id">[],
): Map<string, string> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const paths = new Map<string, string>();
  function pathOf(id: string, depth = 0): string {
    const known = paths.get(id);
    if (known) return known;
    const row = byId.get(id);
    if (!row) return "";
    const parent = row.parent_id && depth < 50 ? pathOf(row.parent_id, depth + 1) : "";
    const path = parent ? `${parent}${PATH_SEPARATOR}${row.name}` : row.name;
    paths.set(id, path);
    return path;
  }
  for (const row of rows) pathOf(row.id);
  return paths;
}

/** One category as the API shows it after a change (without counts and children). */
export async function categoryJson(
  deps: Deps,
  userId: string,
  row: CategoryRow,
): Promise<Omit<PublicCategory, "document_count" | "total_count" | "children">> {
  const paths = categoryPaths(await createCategoriesRepo(deps.db).listVisible(userId));
  return {
    id: row.id,
    name: row.name,
    path: paths.get(row.id) ?? row.name,
    parent_id: row.parent_id,
    system: row.user_id === null,
  };
}

/** The whole tree the user sees, with document counts (own and rolled up). */
export async function categoryTree(deps: Deps, userId: string): Promise<PublicCategory[]> {
  const repo = createCategoriesRepo(deps.db);
  const rows = await repo.listVisible(userId);
  const counts = await repo.countsFor(userId);
  const paths = categoryPaths(rows);
  const nodes = new Map<string, PublicCategory>(rows.map((r) => [r.id, {
    id: r.id,
    name: r.name,
    path: paths.get(r.id)!,
    parent_id: r.parent_id,
    system: r.user_id === null,
    document_count: counts.get(r.id) ?? 0,
    total_count: 0,
    children: [],
  }]));
  const roots: PublicCategory[] = [];
  for (const node of nodes.values()) {
    const parent = node.parent_id ? nodes.get(node.parent_id) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const total = (node: PublicCategory): number =>
    node.total_count = node.document_count + node.children.reduce((sum, c) => sum + total(c), 0);
  roots.forEach(total);
  return roots;
}

/** A category the user may change: their own, or a system one when they are an admin. */
async function findEditable(deps: Deps, user: UserRow, id: string): Promise<CategoryRow> {
  const found = await createCategoriesRepo(deps.db).findVisible(user.id, id);
  if (!found || (found.user_id === null && user.role !== "admin")) {
    throw new NotFoundError("categories.not_found", "No such category.");
  }
  return found;
}

export async function createCategory(
  { deps, user, input }: {
    deps: Deps;
    user: UserRow;
    input: z.output<typeof createCategorySchema>;
  },
): Promise<CategoryRow> {
  const repo = createCategoriesRepo(deps.db);
  const system = input.system === true;
  if (system && user.role !== "admin") {
    throw new NotFoundError("categories.not_found", "No such category.");
  }
  if (input.parent_id) {
    const parent = await repo.findVisible(user.id, input.parent_id);
    if (!parent) {
      throw new NotFoundError("categories.not_found", "The parent category does not exist.");
    }
    if (system && parent.user_id !== null) {
      throw new BadRequestError(
        "categories.bad_parent",
        "A system category can only sit under another system category.",
      );
    }
  }
  return await repo.create({
    userId: system ? null : user.id,
    parentId: input.parent_id ?? null,
    name: input.name,
  });
}

export async function updateCategory(
  { deps, user, id, input }: {
    deps: Deps;
    user: UserRow;
    id: string;
    input: z.output<typeof updateCategorySchema>;
  },
): Promise<CategoryRow> {
  const repo = createCategoriesRepo(deps.db);
  const category = await findEditable(deps, user, id);
  if (input.parent_id) {
    const parent = await repo.findVisible(user.id, input.parent_id);
    if (!parent) {
      throw new NotFoundError("categories.not_found", "The parent category does not exist.");
    }
    if (category.user_id === null && parent.user_id !== null) {
      throw new BadRequestError(
        "categories.bad_parent",
        "A system category can only sit under another system category.",
      );
    }
    if (await repo.isSelfOrDescendant(category.id, parent.id)) {
      throw new BadRequestError(
        "categories.cycle",
        "A category cannot move into itself or one of its sub-categories.",
      );
    }
  }
  return await repo.update(category.id, { name: input.name, parentId: input.parent_id });
}

/** Delete a category: its sub-categories move up a level, documents simply lose it. */
export async function deleteCategory(
  { deps, user, id }: { deps: Deps; user: UserRow; id: string },
) {
  const category = await findEditable(deps, user, id);
  await deps.db.transaction().execute(async (trx) => {
    await createCategoriesRepo(trx).deleteReparenting(category.id, category.parent_id);
  });
}

/**
 * The id of the category at `path` ("Finance / Taxes") as the user sees it, creating the
 * missing levels in the user's own namespace (accepted AI suggestions do this).
 */
export async function ensureCategoryPath(
  db: Kysely<Database>,
  userId: string,
  path: string,
): Promise<string> {
  const repo = createCategoriesRepo(db);
  const names = path.split("/").map((s) => s.trim()).filter(Boolean).map((s) => s.slice(0, 128));
  if (names.length === 0) throw new BadRequestError("categories.bad_path", "Empty category path.");
  const visible = await repo.listVisible(userId);
  let parentId: string | null = null;
  for (const segment of names) {
    const matches: CategoryRow[] = visible.filter((c) =>
      c.parent_id === parentId && c.name.toLowerCase() === segment.toLowerCase()
    );
    const existing = matches.find((c) => c.user_id === userId) ?? matches[0];
    if (existing) {
      parentId = existing.id;
      continue;
    }
    const created: CategoryRow = await repo.create({ userId, parentId, name: segment });
    visible.push(created);
    parentId = created.id;
  }
  return parentId!;
}
