/**
 * Themes and the appearance settings (SPEC §4.7, issue #6). Administrators choose the
 * theme everyone sees and the colour mode of whoever has not chosen one, and make their
 * own themes. Built-in themes can be duplicated but never changed or deleted; the active
 * theme cannot be deleted. A theme whose colours miss WCAG AA is accepted with
 * `warnings` naming the pairs that fail. Every change is audited with its actor.
 */
import type { Deps } from "../app/deps.ts";
import { audit, type ClientInfo } from "../audit/audit_service.ts";
import { getSetting, setSetting } from "../settings/settings_service.ts";
import { ConflictError, NotFoundError, ValidationError } from "../shared/errors.ts";
import type { UserRow } from "../users/users_repo.ts";
import { type AppearanceSettings, forgetAppearance } from "./appearance_state.ts";
import { DEFAULT_THEME_ID } from "./themes_css.ts";
import { createThemesRepo, type ThemeRow } from "./themes_repo.ts";
import {
  type AppearanceSettingsInput,
  type CreateThemeInput,
  type PartialThemeTokens,
  RESERVED_THEME_IDS,
  type UpdateThemeInput,
} from "./themes_schemas.ts";
import {
  completeTokens,
  type ContrastWarning,
  contrastWarnings,
  THEME_MODES,
  type ThemeTokens,
} from "./themes_tokens.ts";

export interface PublicTheme {
  id: string;
  label: string;
  is_builtin: boolean;
  /** Whether it is the theme everyone sees now. */
  is_active: boolean;
  tokens: ThemeTokens;
  /** The text/background pairs below WCAG AA (empty when the theme passes). */
  warnings: ContrastWarning[];
  created_at: string;
  updated_at: string;
}

interface Actor {
  deps: Deps;
  actor: UserRow;
  client?: ClientInfo;
}

export const BUILTIN_MESSAGE =
  "Built-in themes cannot be changed or deleted. Duplicate it and change the copy.";
export const ACTIVE_MESSAGE =
  "This theme is the active theme: choose another theme first, then delete it.";

const notFound = () => new NotFoundError("themes.not_found", "No such theme.");

/** The built-in default theme's tokens: what every other theme falls back to. */
async function defaultTokens(deps: Pick<Deps, "db">): Promise<ThemeTokens> {
  const row = await createThemesRepo(deps.db).find(DEFAULT_THEME_ID);
  if (!row) throw new Error('The built-in theme "default" is missing: run the migrations.');
  return completeTokens(row.tokens);
}

function themeJson(row: ThemeRow, fallback: ThemeTokens, activeId: string): PublicTheme {
  const tokens = completeTokens(row.tokens, fallback);
  return {
    id: row.id,
    label: row.label,
    is_builtin: row.is_builtin,
    is_active: row.id === activeId,
    tokens,
    warnings: contrastWarnings(tokens),
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
  };
}

function merge(base: ThemeTokens, changes: PartialThemeTokens | undefined): ThemeTokens {
  const result = { light: { ...base.light }, dark: { ...base.dark } };
  for (const mode of THEME_MODES) Object.assign(result[mode], changes?.[mode] ?? {});
  return result;
}

/** "Ocean at night!" → "ocean-at-night"; "" when nothing usable is left. */
export function slugify(label: string): string {
  return label.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40).replace(/-+$/, "");
}

/** Every theme, built-in first, with the active one marked. */
export async function listThemes(deps: Deps): Promise<PublicTheme[]> {
  const [rows, settings] = await Promise.all([
    createThemesRepo(deps.db).list(),
    getSetting(deps, "appearance"),
  ]);
  const fallbackRow = rows.find((row) => row.id === DEFAULT_THEME_ID);
  if (!fallbackRow) throw new Error('The built-in theme "default" is missing.');
  const fallback = completeTokens(fallbackRow.tokens);
  const active = rows.some((row) => row.id === settings.active_theme)
    ? settings.active_theme
    : DEFAULT_THEME_ID;
  return rows.map((row) => themeJson(row, fallback, active));
}

export async function getTheme(deps: Deps, id: string): Promise<PublicTheme> {
  const row = await createThemesRepo(deps.db).find(id);
  if (!row) throw notFound();
  const settings = await getSetting(deps, "appearance");
  return themeJson(row, await defaultTokens(deps), settings.active_theme);
}

async function freeId(deps: Deps, label: string): Promise<string> {
  const base = slugify(label) || "theme";
  const candidates = [base, ...Array.from({ length: 20 }, (_, i) => `${base}-${i + 2}`)];
  const taken = await createThemesRepo(deps.db).existingIds(candidates);
  return candidates.find((id) => !taken.has(id) && !RESERVED_THEME_IDS.has(id)) ??
    `${base}-${crypto.randomUUID().slice(0, 8)}`;
}

async function assertLabelFree(deps: Deps, label: string, exceptId?: string): Promise<void> {
  if (await createThemesRepo(deps.db).findByLabel(label, exceptId)) {
    throw new ConflictError("themes.label_taken", `A theme named “${label}” exists already.`, {
      details: { fields: [{ path: "label", message: "Another theme has this name." }] },
    });
  }
}

/** `POST /api/admin/themes`: tokens left out come from `based_on` (or "default"). */
export async function createTheme(
  { deps, actor, client }: Actor,
  input: CreateThemeInput,
): Promise<PublicTheme> {
  const repo = createThemesRepo(deps.db);
  const fallback = await defaultTokens(deps);
  let base = fallback;
  if (input.based_on !== undefined) {
    const source = await repo.find(input.based_on);
    if (!source) {
      throw new ValidationError([{ path: "based_on", message: "There is no theme with this id." }]);
    }
    base = completeTokens(source.tokens, fallback);
  }
  if (input.id !== undefined && (await repo.find(input.id))) {
    throw new ConflictError("themes.id_taken", `A theme with the id “${input.id}” exists.`, {
      details: { fields: [{ path: "id", message: "Another theme has this id." }] },
    });
  }
  await assertLabelFree(deps, input.label);
  const id = input.id ?? await freeId(deps, input.label);
  const row = await deps.db.transaction().execute(async (trx) => {
    const created = await createThemesRepo(trx).create({
      id,
      label: input.label,
      tokens: merge(base, input.tokens),
      updatedBy: actor.id,
    });
    await audit(deps, {
      event: "theme_created",
      actorId: actor.id,
      resourceId: created.id,
      client,
      metadata: { label: created.label, ...(input.based_on ? { based_on: input.based_on } : {}) },
    }, trx);
    return created;
  });
  const settings = await getSetting(deps, "appearance");
  return themeJson(row, fallback, settings.active_theme);
}

/** `PATCH /api/admin/themes/{id}`: a new label, and tokens that replace the theme's. */
export async function updateTheme(
  { deps, actor, client }: Actor,
  id: string,
  input: UpdateThemeInput,
): Promise<PublicTheme> {
  const repo = createThemesRepo(deps.db);
  const existing = await repo.find(id);
  if (!existing) throw notFound();
  if (existing.is_builtin) throw new ConflictError("themes.builtin", BUILTIN_MESSAGE);
  if (input.label !== undefined) await assertLabelFree(deps, input.label, id);
  const fallback = await defaultTokens(deps);
  const tokens = input.tokens === undefined
    ? undefined
    : merge(completeTokens(existing.tokens, fallback), input.tokens);
  const changed = THEME_MODES.flatMap((mode) =>
    Object.keys(input.tokens?.[mode] ?? {}).map((name) => `${mode}.${name}`)
  );
  const row = await deps.db.transaction().execute(async (trx) => {
    const updated = await createThemesRepo(trx).update(id, {
      label: input.label,
      tokens,
      updatedBy: actor.id,
    });
    if (!updated) throw notFound();
    await audit(deps, {
      event: "theme_updated",
      actorId: actor.id,
      resourceId: id,
      client,
      metadata: {
        label: updated.label,
        ...(input.label !== undefined && input.label !== existing.label
          ? { old_label: existing.label }
          : {}),
        tokens: changed,
      },
    }, trx);
    return updated;
  });
  const settings = await getSetting(deps, "appearance");
  // The active theme's colours changed: every page must show them at once.
  if (settings.active_theme === id) forgetAppearance(deps);
  return themeJson(row, fallback, settings.active_theme);
}

/** `DELETE /api/admin/themes/{id}`: not a built-in theme, not the active one. */
export async function deleteTheme({ deps, actor, client }: Actor, id: string): Promise<void> {
  const repo = createThemesRepo(deps.db);
  const existing = await repo.find(id);
  if (!existing) throw notFound();
  if (existing.is_builtin) throw new ConflictError("themes.builtin", BUILTIN_MESSAGE);
  const settings = await getSetting(deps, "appearance");
  if (settings.active_theme === id) throw new ConflictError("themes.active", ACTIVE_MESSAGE);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await createThemesRepo(trx).delete(id))) throw notFound();
    await audit(deps, {
      event: "theme_deleted",
      actorId: actor.id,
      resourceId: id,
      client,
      metadata: { label: existing.label },
    }, trx);
  });
}

/** `GET /api/admin/settings/appearance`. */
export async function getAppearanceSettings(deps: Deps): Promise<AppearanceSettings> {
  return await getSetting(deps, "appearance");
}

/** `PUT /api/admin/settings/appearance`: takes effect on everyone's next page. */
export async function setAppearanceSettings(
  { deps, actor, client }: Actor,
  input: AppearanceSettingsInput,
): Promise<AppearanceSettings> {
  if (!(await createThemesRepo(deps.db).find(input.active_theme))) {
    throw new ValidationError([{ path: "active_theme", message: "There is no such theme." }]);
  }
  const before = await getSetting(deps, "appearance");
  const next: AppearanceSettings = {
    active_theme: input.active_theme,
    default_color_mode: input.default_color_mode,
  };
  if (
    before.active_theme === next.active_theme &&
    before.default_color_mode === next.default_color_mode
  ) {
    return next; // nothing changes: nothing to write or audit
  }
  await deps.db.transaction().execute(async (trx) => {
    await setSetting({ db: trx }, "appearance", next, actor.id);
    await audit(deps, {
      event: "settings_change",
      actorId: actor.id,
      client,
      metadata: { keys: ["appearance"], old: { ...before }, new: { ...next } },
    }, trx);
  });
  forgetAppearance(deps);
  return next;
}
