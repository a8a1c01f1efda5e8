/**
 * Who may use which app, fast. A user may use an app when they are an administrator, or
 * the app is granted to everyone or to a group they are in — and they are in each of the
 * app's required groups. The gate middleware answers 404 on an app's paths to everyone
 * else, exactly as if the page or endpoint did not exist.
 *
 * The check sits in front of hot endpoints (GET /api/documents), so it costs no query for
 * an app granted to everyone: the grants, the apps' settings and the ids of the groups
 * that matter are kept in memory per process — dropped at once when this process changes
 * them, reloaded at most every few seconds for changes made by other processes. When a
 * group grant does matter, the user's group ids cost one indexed query, kept for a few
 * seconds and dropped when this process changes memberships (lib/groups/groups_service.ts).
 */
import type { Deps } from "../app/deps.ts";
import type { AppMiddleware } from "../app/routing.ts";
import { NotFoundError } from "../shared/errors.ts";
import type { UserRow } from "../users/users_repo.ts";
import {
  adminGroupName,
  APP_MANIFESTS,
  appForPath,
  type AppManifest,
  DOCUMENTS_APP_ID,
  type DocumentsSettings,
  documentsSettings,
  findManifest,
  type NavApp,
  navApp,
} from "./app_manifests.ts";
import { effectiveSettings, type Settings } from "./app_settings_schema.ts";
import { type AppRegistration, createAppsRepo } from "./apps_repo.ts";

/** How long another process's change to grants or settings may take to reach this one. */
export const GRANTS_TTL_MS = 5_000;
/** How long a user's group ids are trusted (changes in this process drop them at once). */
export const MEMBERSHIP_TTL_MS = 5_000;
const MAX_CACHED_USERS = 10_000;

interface AppAccessData {
  everyone: boolean;
  groupIds: Set<string>;
  settings: Settings;
}

interface Snapshot {
  loadedAt: number;
  apps: Map<string, AppAccessData>;
  /** Group ids by lower-cased name: the admin groups and the required groups. */
  groupIds: Map<string, string>;
}

interface AccessState {
  /** The registration of this process (the ids of the apps it added). */
  registered: Promise<string[]> | null;
  snapshot: Snapshot | null;
  loading: Promise<Snapshot> | null;
  /** Bumped by every change: a load that started before it is not kept. */
  generation: number;
  memberships: Map<string, { groupIds: Set<string>; at: number }>;
}

const states = new WeakMap<Deps, AccessState>();

function stateOf(deps: Deps): AccessState {
  let state = states.get(deps);
  if (!state) {
    state = {
      registered: null,
      snapshot: null,
      loading: null,
      generation: 0,
      memberships: new Map(),
    };
    states.set(deps, state);
  }
  return state;
}

/** What start-up registers for one app. */
export function registrationOf(app: AppManifest): AppRegistration {
  return {
    id: app.id,
    groups: [
      {
        name: adminGroupName(app.id),
        description: `Members administer the settings of the ${app.name} app.`,
      },
      ...app.required_groups.map((name) => ({
        name,
        description: `Members may use the ${app.name} app (when it is granted to them).`,
      })),
    ],
    grantEveryone: app.default_grant === "everyone",
  };
}

/**
 * Register every app (idempotent). Start-up does it (main.ts via `ensureApps`); the first
 * access check of a process does it too when nothing has yet — so that every way of
 * building the app (tests, tasks) has Documents granted as it would be in production.
 */
export function registerApps(
  deps: Deps,
  options: { again?: boolean } = {},
): Promise<string[]> {
  const state = stateOf(deps);
  if (!state.registered || options.again) {
    const registering = (async () => {
      const repo = createAppsRepo(deps.db);
      const added: string[] = [];
      for (const app of APP_MANIFESTS) {
        if (await repo.register(registrationOf(app))) added.push(app.id);
      }
      return added;
    })();
    registering.catch(() => {
      if (state.registered === registering) state.registered = null;
    });
    state.registered = registering;
  }
  return state.registered;
}

function groupNamesOfInterest(): string[] {
  return [
    ...new Set(
      APP_MANIFESTS.flatMap((app) => [adminGroupName(app.id), ...app.required_groups])
        .map((name) => name.toLowerCase()),
    ),
  ];
}

async function loadSnapshot(deps: Deps): Promise<Snapshot> {
  await registerApps(deps);
  const data = await createAppsRepo(deps.db).accessData(groupNamesOfInterest());
  const apps = new Map<string, AppAccessData>();
  for (const row of data.apps) {
    const manifest = findManifest(row.id);
    if (!manifest) continue; // an app no longer in the registry
    apps.set(row.id, {
      everyone: false,
      groupIds: new Set(),
      settings: effectiveSettings(manifest.settings_schema, row.settings),
    });
  }
  for (const grant of data.grants) {
    const app = apps.get(grant.app_id);
    if (!app) continue;
    if (grant.group_id === null) app.everyone = true;
    else app.groupIds.add(grant.group_id);
  }
  return {
    loadedAt: deps.clock.now().getTime(),
    apps,
    groupIds: new Map(data.groups.map((g) => [g.name, g.id])),
  };
}

async function snapshot(deps: Deps): Promise<Snapshot> {
  const state = stateOf(deps);
  const now = deps.clock.now().getTime();
  if (state.snapshot && now - state.snapshot.loadedAt < GRANTS_TTL_MS) return state.snapshot;
  if (!state.loading) {
    const generation = state.generation;
    const loading: Promise<Snapshot> = loadSnapshot(deps).then((loaded) => {
      if (state.generation === generation) state.snapshot = loaded;
      return loaded;
    }).finally(() => {
      if (state.loading === loading) state.loading = null;
    });
    state.loading = loading;
  }
  return await state.loading;
}

async function groupIdsOf(deps: Deps, userId: string): Promise<Set<string>> {
  const { memberships } = stateOf(deps);
  const now = deps.clock.now().getTime();
  const cached = memberships.get(userId);
  if (cached && now - cached.at < MEMBERSHIP_TTL_MS) return cached.groupIds;
  const groupIds = new Set(await createAppsRepo(deps.db).groupIdsOf(userId));
  memberships.delete(userId);
  memberships.set(userId, { groupIds, at: now });
  // Maps keep insertion order: the first key is the oldest.
  while (memberships.size > MAX_CACHED_USERS) memberships.delete(memberships.keys().next().value!);
  return groupIds;
}

/**
 * Forget what is cached after a change made in this process: grants, settings or groups
 * (no `userId`: everything), or one user's memberships.
 */
export function appAccessChanged(deps: Deps, options: { userId?: string } = {}): void {
  const state = states.get(deps);
  if (!state) return;
  if (options.userId) {
    state.memberships.delete(options.userId);
    return;
  }
  state.generation++;
  state.snapshot = null;
  state.loading = null; // a load that began before the change may have missed it
  state.memberships.clear();
}

type Who = Pick<UserRow, "id" | "role">;

function allowed(app: AppManifest, data: AppAccessData | undefined, snap: Snapshot) {
  return async (groupIds: () => Promise<Set<string>>): Promise<boolean> => {
    if (!data) return false;
    if (data.everyone && app.required_groups.length === 0) return true;
    const mine = await groupIds();
    if (!data.everyone && ![...data.groupIds].some((id) => mine.has(id))) return false;
    return app.required_groups.every((name) => {
      const id = snap.groupIds.get(name.toLowerCase());
      return id !== undefined && mine.has(id);
    });
  };
}

/** Whether `user` may use the app (unknown apps: no one). */
export async function canUseApp(deps: Deps, user: Who, appId: string): Promise<boolean> {
  const app = findManifest(appId);
  if (!app) return false;
  if (user.role === "admin") return true;
  const snap = await snapshot(deps);
  return await allowed(app, snap.apps.get(app.id), snap)(() => groupIdsOf(deps, user.id));
}

/** The apps `user` may use, in registry order. */
export async function usableApps(deps: Deps, user: Who): Promise<AppManifest[]> {
  if (user.role === "admin") return [...APP_MANIFESTS];
  const snap = await snapshot(deps);
  let mine: Promise<Set<string>> | null = null;
  const groupIds = () => (mine ??= groupIdsOf(deps, user.id));
  const usable: AppManifest[] = [];
  for (const app of APP_MANIFESTS) {
    if (await allowed(app, snap.apps.get(app.id), snap)(groupIds)) usable.push(app);
  }
  return usable;
}

/** Whether `user` administers the app's settings: admins, and members of `{id}-admin`. */
export async function canConfigureApp(deps: Deps, user: Who, appId: string): Promise<boolean> {
  if (!findManifest(appId)) return false;
  if (user.role === "admin") return true;
  const snap = await snapshot(deps);
  const groupId = snap.groupIds.get(adminGroupName(appId).toLowerCase());
  return groupId !== undefined && (await groupIdsOf(deps, user.id)).has(groupId);
}

/** The settings in effect for an app (from memory; see the module comment). */
export async function appSettings(deps: Deps, appId: string): Promise<Settings> {
  const app = findManifest(appId);
  if (!app) throw new Error(`unknown app: ${appId}`);
  const data = (await snapshot(deps)).apps.get(appId);
  return data?.settings ?? effectiveSettings(app.settings_schema, {});
}

/** The Documents app's settings in effect (from memory: no query on the hot path). */
export async function documentsAppSettings(deps: Deps): Promise<DocumentsSettings> {
  return documentsSettings(await appSettings(deps, DOCUMENTS_APP_ID));
}

/** The sidebar's apps: Documents when usable, then the user's pinned apps they may use. */
export function sidebarApps(usable: AppManifest[], pinned: readonly string[]): NavApp[] {
  const usableIds = new Map(usable.map((app) => [app.id, app]));
  const documents = usableIds.get(DOCUMENTS_APP_ID);
  const list = documents ? [documents] : [];
  for (const id of pinned) {
    const app = usableIds.get(id);
    if (app && !list.includes(app)) list.push(app);
  }
  return list.map(navApp);
}

const JSON_PREFIXES = ["/api/", "/files/", "/static/"];

/**
 * The gate: on an app's paths, a signed-in user who may not use the app gets the normal
 * 404 (the not-found page, or the JSON error under /api/). Signed-out visitors pass on
 * to the route, which asks them to sign in. On pages it also puts the user's sidebar
 * apps in `c.var.apps` for AppFrame.
 */
export function appsGate(): AppMiddleware {
  return async (c, next) => {
    const user = c.var.auth?.user;
    if (!user) return await next();
    const { deps } = c.var;
    const path = c.req.path;
    const app = appForPath(path);
    if (app && !(await canUseApp(deps, user, app.id))) {
      throw path.startsWith("/api/")
        ? new NotFoundError("not_found", "There is nothing at this address.")
        : new NotFoundError("not_found", "We could not find that page.");
    }
    if (!JSON_PREFIXES.some((prefix) => path.startsWith(prefix))) {
      c.set("apps", sidebarApps(await usableApps(deps, user), user.pinned_app_ids ?? []));
    }
    await next();
  };
}
