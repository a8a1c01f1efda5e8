/**
 * Apps (SPEC §4.7, issue #6 point 5): the apps a user may use and pins to their sidebar,
 * each app's settings (for administrators and the app's `{id}-admin` group), and the
 * grants administrators give. An app someone may not use (or configure) does not exist
 * for them: 404.
 */
import { z } from "zod";
import { sqlState } from "../app/db.ts";
import type { Deps } from "../app/deps.ts";
import { audit, type ClientInfo } from "../audit/audit_service.ts";
import { NotFoundError, ValidationError } from "../shared/errors.ts";
import { MAX_PINNED_APPS } from "../users/users_schemas.ts";
import type { UserRow } from "../users/users_repo.ts";
import {
  adminGroupName,
  APP_MANIFESTS,
  type AppFacts,
  appFacts,
  type AppManifest,
  findManifest,
} from "./app_manifests.ts";
import {
  effectiveSettings,
  type Settings,
  type SettingsSchema,
  validateSettings,
} from "./app_settings_schema.ts";
import {
  appAccessChanged,
  canConfigureApp,
  canUseApp,
  registerApps,
  usableApps,
} from "./apps_access.ts";
import { createAppsRepo } from "./apps_repo.ts";

export const setGrantsSchema = z.object({
  everyone: z.boolean({ error: "Say whether everyone may use the app (true or false)." }),
  group_ids: z.array(z.uuid("Give group ids.")).max(500, "At most 500 groups."),
}).strict();

export interface PublicApp extends AppFacts {
  pinned: boolean;
  can_configure: boolean;
}

export interface AppSettingsView {
  app_id: string;
  settings: Settings;
  schema: SettingsSchema;
}

export interface AdminAppView extends AppFacts {
  admin_group: string;
  grants: { everyone: boolean; groups: { id: string; name: string }[] };
}

interface Actor {
  deps: Deps;
  actor: UserRow;
  client?: ClientInfo;
}

const notFound = () => new NotFoundError("apps.not_found", "No such app.");

/**
 * At start-up: one `apps` row per manifest, its `{id}-admin` group (and required groups),
 * and the default grant of a new app. Idempotent, and safe when processes start at once.
 */
export async function ensureApps(deps: Deps): Promise<void> {
  const added = await registerApps(deps, { again: true });
  if (added.length) deps.logger.info("registered new apps", { apps: added });
  appAccessChanged(deps);
}

/** An app `user` may use, or 404. */
async function usable(deps: Deps, user: UserRow, appId: string): Promise<AppManifest> {
  const app = findManifest(appId);
  if (!app || !(await canUseApp(deps, user, app.id))) throw notFound();
  return app;
}

/** An app whose settings `user` administers, or 404 (checked before a body is read). */
export async function configurableApp(
  deps: Deps,
  user: UserRow,
  appId: string,
): Promise<AppManifest> {
  const app = findManifest(appId);
  if (!app || !(await canConfigureApp(deps, user, app.id))) throw notFound();
  return app;
}

function publicApp(app: AppManifest, pinned: boolean, canConfigure: boolean): PublicApp {
  return { ...appFacts(app), pinned, can_configure: canConfigure };
}

/** `GET /api/apps`: the apps the user may use, with whether each is pinned. */
export async function listMyApps(deps: Deps, user: UserRow): Promise<PublicApp[]> {
  const pinned = new Set(await createAppsRepo(deps.db).pinned(user.id));
  const apps = await usableApps(deps, user);
  return await Promise.all(
    apps.map(async (app) =>
      publicApp(app, pinned.has(app.id), await canConfigureApp(deps, user, app.id))
    ),
  );
}

/** Pin an app to the user's sidebar (idempotent); at most MAX_PINNED_APPS. */
export async function pinApp(deps: Deps, user: UserRow, appId: string): Promise<PublicApp> {
  const app = await usable(deps, user, appId);
  const pinned = await createAppsRepo(deps.db).pin(user.id, app.id, MAX_PINNED_APPS);
  if (!pinned) {
    const message = `You can pin at most ${MAX_PINNED_APPS} apps. Unpin one first.`;
    throw new ValidationError([{ path: "pinned_app_ids", message }], message);
  }
  deps.authCache.invalidateUser(user.id);
  return publicApp(app, true, await canConfigureApp(deps, user, app.id));
}

/** Unpin an app (idempotent). */
export async function unpinApp(deps: Deps, user: UserRow, appId: string): Promise<PublicApp> {
  const app = await usable(deps, user, appId);
  await createAppsRepo(deps.db).unpin(user.id, app.id);
  deps.authCache.invalidateUser(user.id);
  return publicApp(app, false, await canConfigureApp(deps, user, app.id));
}

/** `GET /api/apps/{id}/settings`: admins and the app's admin group only. */
export async function getAppSettings(
  deps: Deps,
  user: UserRow,
  appId: string,
): Promise<AppSettingsView & { app: AppManifest }> {
  const app = await configurableApp(deps, user, appId);
  const saved = await createAppsRepo(deps.db).settings(app.id);
  return {
    app_id: app.id,
    settings: effectiveSettings(app.settings_schema, saved),
    schema: app.settings_schema,
    app,
  };
}

/**
 * `PUT /api/apps/{id}/settings`: the whole settings object, checked against the app's
 * schema (left-out settings take their defaults). Audited with the actor.
 */
export async function updateAppSettings(
  { deps, actor, client }: Actor,
  appId: string,
  input: unknown,
): Promise<AppSettingsView> {
  const app = await configurableApp(deps, actor, appId);
  const checked = validateSettings(app.settings_schema, input);
  if (!checked.ok) throw new ValidationError(checked.errors);
  const repo = createAppsRepo(deps.db);
  await registerApps(deps); // the app's row must exist for its settings
  const before = effectiveSettings(app.settings_schema, await repo.settings(app.id));
  if (!(await repo.saveSettings(app.id, checked.value))) throw notFound();
  appAccessChanged(deps);
  const changed = Object.keys(checked.value).filter((key) => before[key] !== checked.value[key]);
  await audit(deps, {
    event: "app_settings_change",
    actorId: actor.id,
    resourceId: app.id,
    client,
    metadata: { app_id: app.id, changed: changed.join(",") },
  });
  return { app_id: app.id, settings: checked.value, schema: app.settings_schema };
}

/** `GET /api/admin/apps`: every app with its grants. */
export async function listAppsForAdmin(deps: Deps): Promise<AdminAppView[]> {
  await registerApps(deps); // done at start-up; here for processes that skipped it
  const grants = await createAppsRepo(deps.db).grantsWithGroups();
  return APP_MANIFESTS.map((app) => {
    const mine = grants.filter((g) => g.app_id === app.id);
    return {
      ...appFacts(app),
      admin_group: adminGroupName(app.id),
      grants: {
        everyone: mine.some((g) => g.group_id === null),
        groups: mine.filter((g) => g.group_id !== null)
          .map((g) => ({ id: g.group_id!, name: g.group_name ?? "" })),
      },
    };
  });
}

export async function getAppForAdmin(deps: Deps, appId: string): Promise<AdminAppView> {
  const app = (await listAppsForAdmin(deps)).find((a) => a.id === appId);
  if (!app) throw notFound();
  return app;
}

/**
 * `PUT /api/admin/apps/{id}/grants`: who may use the app — everyone, and/or these groups
 * (replacing the grants it had). An unknown group is a 422 naming it. Audited.
 */
export async function setAppGrants(
  { deps, actor, client }: Actor,
  appId: string,
  input: z.output<typeof setGrantsSchema>,
): Promise<AdminAppView> {
  const app = findManifest(appId);
  if (!app) throw notFound();
  const repo = createAppsRepo(deps.db);
  const existing = await repo.existingGroupIds(input.group_ids);
  const unknown = input.group_ids.flatMap((id, i) => existing.has(id) ? [] : [i]);
  if (unknown.length) {
    throw new ValidationError(
      unknown.map((i) => ({ path: `group_ids.${i}`, message: "There is no such group." })),
    );
  }
  await registerApps(deps); // the app's row must exist for its grants
  const groupIds = [...new Set(input.group_ids)];
  await repo.replaceGrants(app.id, input.everyone, groupIds).catch((error) => {
    // A group deleted since it was checked.
    if (sqlState(error) === "23503") {
      throw new ValidationError([{ path: "group_ids", message: "A group no longer exists." }]);
    }
    throw error;
  });
  appAccessChanged(deps);
  await audit(deps, {
    event: "app_grants_change",
    actorId: actor.id,
    resourceId: app.id,
    client,
    metadata: {
      app_id: app.id,
      everyone: input.everyone,
      groups: groupIds.length,
      group_ids: groupIds.join(","),
    },
  });
  return await getAppForAdmin(deps, app.id);
}
