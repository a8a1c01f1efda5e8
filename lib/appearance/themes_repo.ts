/** All SQL on themes. */
import { type Kysely, type Selectable, sql } from "kysely";
import { isUniqueViolation, jsonb } from "../app/db.ts";
import type { Database, ThemesTable } from "../app/db_schema.ts";
import { AlreadyExistsError } from "../shared/errors.ts";
import type { ThemeTokens } from "./themes_tokens.ts";

export type ThemeRow = Selectable<ThemesTable>;

function taken(error: unknown): never {
  if (isUniqueViolation(error)) {
    throw new AlreadyExistsError("A theme with this name or id exists. Choose another name.");
  }
  throw error;
}

export function createThemesRepo(db: Kysely<Database>) {
  return {
    /** Built-in themes first, then the others by name. */
    async list(): Promise<ThemeRow[]> {
      return await db.selectFrom("themes").selectAll()
        .orderBy("is_builtin", "desc").orderBy(sql`lower(label)`).execute();
    },

    async find(id: string): Promise<ThemeRow | undefined> {
      return await db.selectFrom("themes").selectAll().where("id", "=", id).executeTakeFirst();
    },

    /** The themes among `ids` that exist. */
    async findMany(ids: string[]): Promise<ThemeRow[]> {
      if (ids.length === 0) return [];
      return await db.selectFrom("themes").selectAll().where("id", "in", ids).execute();
    },

    /** The theme whose label is `label` in any case, other than `exceptId`. */
    async findByLabel(label: string, exceptId?: string): Promise<ThemeRow | undefined> {
      return await db.selectFrom("themes").selectAll()
        .where(sql<boolean>`lower(label) = lower(${label})`)
        .$if(exceptId !== undefined, (q) => q.where("id", "<>", exceptId!))
        .executeTakeFirst();
    },

    /** Which of `ids` are taken. */
    async existingIds(ids: string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await db.selectFrom("themes").select("id").where("id", "in", ids).execute();
      return new Set(rows.map((r) => r.id));
    },

    async create(
      input: { id: string; label: string; tokens: ThemeTokens; updatedBy: string | null },
    ): Promise<ThemeRow> {
      return await db.insertInto("themes").values({
        id: input.id,
        label: input.label,
        is_builtin: false,
        tokens: jsonb(input.tokens) as never,
        updated_by: input.updatedBy,
      }).returningAll().executeTakeFirstOrThrow().catch(taken);
    },

    /** Change a custom theme; built-in themes are never touched (undefined). */
    async update(
      id: string,
      changes: { label?: string; tokens?: ThemeTokens; updatedBy: string | null },
    ): Promise<ThemeRow | undefined> {
      return await db.updateTable("themes").set({
        ...(changes.label !== undefined && { label: changes.label }),
        ...(changes.tokens !== undefined && { tokens: jsonb(changes.tokens) as never }),
        updated_by: changes.updatedBy,
        updated_at: sql`now()`,
      }).where("id", "=", id).where("is_builtin", "=", false)
        .returningAll().executeTakeFirst().catch(taken);
    },

    /** Delete a custom theme; built-in themes are never deleted (false). */
    async delete(id: string): Promise<boolean> {
      const result = await db.deleteFrom("themes").where("id", "=", id)
        .where("is_builtin", "=", false).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

export type ThemesRepo = ReturnType<typeof createThemesRepo>;
