/**
 * Whether anyone may create an account: the admin's `registration` setting, or the
 * REGISTRATION variable while the admin has never set it.
 *
 * Every page shows (or hides) a "Create an account" link, so the pages read a copy kept in
 * this process instead of asking the database on each render. The copy is replaced at once
 * when this process changes the setting, and re-read after a few seconds otherwise (another
 * process may have changed it). Registration itself always reads the database.
 */
import type { Kysely } from "kysely";
import type { Database } from "../app/db_schema.ts";
import type { Deps } from "../app/deps.ts";
import { getSetting } from "./settings_service.ts";

export type RegistrationMode = "open" | "closed";

type RegistrationDeps = Pick<Deps, "db" | "config">;

/** How long another process's change may take to show on this process's pages. */
export const REGISTRATION_CACHE_MS = 5_000;

interface Cached {
  mode: RegistrationMode;
  at: number;
}

// Keyed by database: each test has its own, and a process has one.
const cache = new WeakMap<Kysely<Database>, Cached>();

/** The mode from the database (never cached), remembered for the pages. */
export async function loadRegistrationMode(deps: RegistrationDeps): Promise<RegistrationMode> {
  const mode = (await getSetting(deps, "registration")) ?? deps.config.registration;
  rememberRegistrationMode(deps, mode);
  return mode;
}

/** The mode, from the copy when it is fresh enough. */
export async function registrationMode(deps: RegistrationDeps): Promise<RegistrationMode> {
  const cached = cache.get(deps.db);
  if (cached && performance.now() - cached.at < REGISTRATION_CACHE_MS) return cached.mode;
  return await loadRegistrationMode(deps);
}

/**
 * The copy as it is, without waiting (the pages' renderer is synchronous): the middleware in
 * app.ts keeps it fresh before each page. The REGISTRATION variable before the first read.
 */
export function cachedRegistrationMode(deps: RegistrationDeps): RegistrationMode {
  return cache.get(deps.db)?.mode ?? deps.config.registration;
}

/** Replace the copy (after this process changed the setting). */
export function rememberRegistrationMode(deps: RegistrationDeps, mode: RegistrationMode): void {
  cache.set(deps.db, { mode, at: performance.now() });
}
