/** All SQL of the apps registry: app rows and settings, grants, and pinned apps. */
import { type Kysely, sql } from "kysely";
import { jsonb } from "../app/db.ts";
import type { Database } from "../app/db_schema.ts";

export interface GrantRow {
  app_id: string;
  group_id: string | null;
}

export interface AppRegistration {
  id: string;
  /** Groups to create when missing (the admin group, required groups). */
  groups: { name: string; description: string }[];
  /** Grant the app to everyone when this call registers it for the first time. */
  grantEveryone: boolean;
}

export function createAppsRepo(db: Kysely<Database>) {
  return {
    /**
     * Make the app's row and groups exist. Safe when several processes start at once:
     * every insert is `on conflict do nothing`, and the default grant is added in the
     * same transaction as the app's row, by whoever created that row — so it is added
     * once, ever, and a grant an administrator removed later is never added back.
     * Returns whether the app was new.
     */
    async register(app: AppRegistration): Promise<boolean> {
      return await db.transaction().execute(async (tx) => {
        const created = await tx.insertInto("apps").values({ id: app.id })
          .onConflict((oc) => oc.doNothing()).returning("id").executeTakeFirst();
        for (const group of app.groups) {
          // groups.name is unique in any case (an expression index): no conflict target.
          await tx.insertInto("groups").values(group).onConflict((oc) => oc.doNothing())
            .execute();
        }
        if (created && app.grantEveryone) {
          await tx.insertInto("app_permissions").values({ app_id: app.id, group_id: null })
            .onConflict((oc) => oc.doNothing()).execute();
        }
        return created !== undefined;
      });
    },

    /** Everything the access check keeps in memory: settings, grants, named groups. */
    async accessData(groupNames: string[]) {
      const [apps, grants, groups] = await Promise.all([
        db.selectFrom("apps").select(["id", "settings"]).execute(),
        db.selectFrom("app_permissions").select(["app_id", "group_id"]).execute(),
        groupNames.length
          ? db.selectFrom("groups").select(["id", sql<string>`lower(name)`.as("name")])
            .where(sql<boolean>`lower(name) in (${sql.join(groupNames)})`).execute()
          : Promise.resolve([]),
      ]);
      return { apps, grants: grants as GrantRow[], groups };
    },

    /** The ids of the groups a user is in (group_members_user_idx). */
    async groupIdsOf(userId: string): Promise<string[]> {
      const rows = await db.selectFrom("group_members").select("group_id")
        .where("user_id", "=", userId).execute();
      return rows.map((r) => r.group_id);
    },

    /** Every grant with its group's name, for the admin page. */
    async grantsWithGroups() {
      return await db.selectFrom("app_permissions as p")
        .leftJoin("groups as g", "g.id", "p.group_id")
        .select(["p.app_id", "p.group_id", "g.name as group_name"])
        .orderBy(sql`lower(g.name)`).execute();
    },

    /** Which of these group ids exist. */
    async existingGroupIds(ids: string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await db.selectFrom("groups").select("id").where("id", "in", ids).execute();
      return new Set(rows.map((r) => r.id));
    },

    /** Replace the app's grants (one transaction: never a moment with none by accident). */
    async replaceGrants(appId: string, everyone: boolean, groupIds: string[]): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await tx.deleteFrom("app_permissions").where("app_id", "=", appId).execute();
        const rows = [
          ...(everyone ? [{ app_id: appId, group_id: null }] : []),
          ...groupIds.map((id) => ({ app_id: appId, group_id: id })),
        ];
        if (rows.length) {
          await tx.insertInto("app_permissions").values(rows)
            .onConflict((oc) => oc.doNothing()).execute();
        }
      });
    },

    async settings(appId: string): Promise<Record<string, unknown> | undefined> {
      const row = await db.selectFrom("apps").select("settings").where("id", "=", appId)
        .executeTakeFirst();
      return row?.settings;
    },

    async saveSettings(appId: string, settings: Record<string, unknown>): Promise<boolean> {
      const result = await db.updateTable("apps")
        .set({ settings: jsonb(settings) as never, updated_at: sql`now()` })
        .where("id", "=", appId).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /**
     * Pin an app, unless it is pinned already or `max` are pinned: one statement, so two
     * pins at once cannot pass the limit. Returns the list, or null when it is full.
     */
    async pin(userId: string, appId: string, max: number): Promise<string[] | null> {
      const pinned = await db.updateTable("users")
        .set({
          pinned_app_ids: sql`pinned_app_ids || jsonb_build_array(${appId}::text)`,
          updated_at: sql`now()`,
        })
        .where("id", "=", userId)
        .where(sql<boolean>`not (pinned_app_ids @> jsonb_build_array(${appId}::text))`)
        .where(sql<boolean>`jsonb_array_length(pinned_app_ids) < ${max}`)
        .returning("pinned_app_ids").executeTakeFirst();
      if (pinned) return pinned.pinned_app_ids;
      const current = await this.pinned(userId);
      return current.includes(appId) ? current : null;
    },

    async unpin(userId: string, appId: string): Promise<string[]> {
      const row = await db.updateTable("users")
        .set({ pinned_app_ids: sql`pinned_app_ids - ${appId}::text`, updated_at: sql`now()` })
        .where("id", "=", userId)
        .where(sql<boolean>`pinned_app_ids @> jsonb_build_array(${appId}::text)`)
        .returning("pinned_app_ids").executeTakeFirst();
      return row?.pinned_app_ids ?? await this.pinned(userId);
    },

    async pinned(userId: string): Promise<string[]> {
      const row = await db.selectFrom("users").select("pinned_app_ids").where("id", "=", userId)
        .executeTakeFirst();
      return row?.pinned_app_ids ?? [];
    },
  };
}
