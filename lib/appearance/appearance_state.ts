/**
 * What every page needs of the appearance settings — the active theme's stylesheet (with
 * its ETag) and the default colour mode — kept in memory, so that a page or /theme.css
 * costs no query.
 *
 * How a change reaches everyone: this process drops its copy the moment an admin changes
 * the settings or the active theme (`forgetAppearance`, called by the services); other
 * processes of a cluster re-read after at most APPEARANCE_CACHE_MS. /theme.css is served
 * with `Cache-Control: no-cache` and an ETag made from its content, so browsers revalidate
 * it on every page load: the next page anyone loads shows the new theme (a 304 otherwise).
 */
import type { Kysely } from "kysely";
import type { Database } from "../app/db_schema.ts";
import type { Deps } from "../app/deps.ts";
import { getSetting, type SettingValue } from "../settings/settings_service.ts";
import { DEFAULT_THEME_ID, themeCss } from "./themes_css.ts";
import { createThemesRepo } from "./themes_repo.ts";
import { completeTokens } from "./themes_tokens.ts";

/** How long another process's change may take to show here. */
export const APPEARANCE_CACHE_MS = 5_000;

export type AppearanceSettings = SettingValue<"appearance">;

export interface AppearanceState {
  settings: AppearanceSettings;
  /** The theme in use: the setting's, or "default" if that theme is gone. */
  themeId: string;
  css: string;
  /** A strong ETag of `css`, quoted. */
  etag: string;
}

type StateDeps = Pick<Deps, "db" | "clock">;

interface Entry {
  state?: AppearanceState;
  loadedAt: number;
  loading?: Promise<AppearanceState>;
  /** Bumped by `forgetAppearance`: a load begun before it must not be kept. */
  generation: number;
}

// Keyed by database: each test has its own, and a process has one.
const entries = new WeakMap<Kysely<Database>, Entry>();

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function load(deps: StateDeps): Promise<AppearanceState> {
  const settings = await getSetting(deps, "appearance");
  const rows = await createThemesRepo(deps.db).findMany(
    [...new Set([settings.active_theme, DEFAULT_THEME_ID])],
  );
  const fallback = rows.find((row) => row.id === DEFAULT_THEME_ID);
  if (!fallback) throw new Error('The built-in theme "default" is missing: run the migrations.');
  const active = rows.find((row) => row.id === settings.active_theme) ?? fallback;
  const defaultTokens = completeTokens(fallback.tokens);
  const css = themeCss(active.id, completeTokens(active.tokens, defaultTokens));
  return { settings, themeId: active.id, css, etag: `"${(await sha256Hex(css)).slice(0, 32)}"` };
}

/** The appearance as this process knows it, re-read when older than the cache time. */
export function currentAppearance(deps: StateDeps): Promise<AppearanceState> {
  let entry = entries.get(deps.db);
  if (!entry) entries.set(deps.db, entry = { loadedAt: 0, generation: 0 });
  const now = deps.clock.now().getTime();
  const fresh = entry.state && now - entry.loadedAt < APPEARANCE_CACHE_MS && now >= entry.loadedAt;
  if (fresh) return Promise.resolve(entry.state!);
  if (entry.loading) return entry.loading;
  const current = entry;
  const generation = current.generation;
  current.loading = load(deps).then((state) => {
    if (current.generation === generation) {
      current.state = state;
      current.loadedAt = now;
    }
    return state;
  }).finally(() => {
    if (current.generation === generation) current.loading = undefined;
  });
  return current.loading;
}

/** Drop this process's copy (after changing the settings or a theme). */
export function forgetAppearance(deps: Pick<Deps, "db">): void {
  const entry = entries.get(deps.db);
  if (!entry) return;
  entry.generation += 1;
  entry.state = undefined;
  entry.loading = undefined;
}
