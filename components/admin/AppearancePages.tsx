/**
 * The appearance pages of the administration: the active theme and default colour mode
 * with the list of themes (/admin/appearance), and the theme editor around the
 * ThemeEditor island (/admin/appearance/themes/…). Swatches and previews take their
 * colours from /admin/appearance/themes.css (no inline styles: CSP).
 */
import type { FormState } from "../../lib/app/forms.ts";
import type { AppearanceSettings } from "../../lib/appearance/appearance_state.ts";
import { COLOR_MODES, type ColorMode } from "../../lib/appearance/color_modes.ts";
import type { PublicTheme } from "../../lib/appearance/themes_service.ts";
import { THEME_MODES, type TokenName } from "../../lib/appearance/themes_tokens.ts";
import ThemeEditor, { type ThemeEditorProps } from "../../islands/ThemeEditor.tsx";
import { Card, FormMessage } from "../forms.tsx";

export const APPEARANCE_NOTICES: Record<string, string> = {
  saved: "Saved. Everyone sees the theme on their next page.",
  created: "The theme is created. Choose it under “Theme” to show it to everyone.",
  theme_saved: "The theme is saved.",
  deleted: "The theme is deleted.",
  builtin: "Built-in themes cannot be changed or deleted. Duplicate it and change the copy.",
  active: "This theme is the active theme: choose another theme first, then delete it.",
};

export const THEME_TOKENS_CSS = "/admin/appearance/themes.css";

const MODE_TEXT: Record<ColorMode, { label: string; hint: string }> = {
  light: { label: "Light", hint: "Light colours, whatever the device prefers." },
  dark: { label: "Dark", hint: "Dark colours, whatever the device prefers." },
  system: { label: "Follow the device", hint: "Light or dark as the device is set." },
};

const SWATCH_TOKENS: TokenName[] = [
  "color-bg",
  "color-surface",
  "color-text",
  "color-accent",
  "color-success",
  "color-warning",
  "color-danger",
];

/** A strip of a theme's main colours in one mode. */
export function Swatches({ theme, mode }: { theme: string; mode: "light" | "dark" }) {
  return (
    <span class="theme-swatches theme-tokens" data-theme={theme} data-mode={mode}>
      <span class="theme-swatches__mode">{mode === "light" ? "Light" : "Dark"}</span>
      {SWATCH_TOKENS.map((token) => (
        <span key={token} class={`theme-swatch theme-swatch--${token}`} aria-hidden="true" />
      ))}
    </span>
  );
}

function ContrastBadge({ theme }: { theme: PublicTheme }) {
  return theme.warnings.length === 0
    ? <span class="badge badge--success">Meets AA</span>
    : (
      <span class="badge badge--review" title={theme.warnings.map((w) => w.message).join("\n")}>
        {theme.warnings.length} contrast warning{theme.warnings.length === 1 ? "" : "s"}
      </span>
    );
}

export interface AppearancePageProps {
  themes: PublicTheme[];
  settings: AppearanceSettings;
  form?: FormState;
}

export function AppearancePage({ themes, settings, form }: AppearancePageProps) {
  const chosenTheme = form?.values.active_theme ?? settings.active_theme;
  const chosenMode = form?.values.default_color_mode ?? settings.default_color_mode;
  const errors = form?.errors ?? {};
  return (
    <>
      <link rel="stylesheet" href={THEME_TOKENS_CSS} />
      <Card title="Theme and colour mode" id="appearance">
        <form method="post" action="/admin/appearance" class="appearance-form">
          <FormMessage message={form?.message} />
          <fieldset class="theme-choices">
            <legend>Theme everyone sees</legend>
            {errors.active_theme && <p class="field__error">{errors.active_theme.join(" ")}</p>}
            <div class="theme-choices__grid">
              {themes.map((theme) => (
                <label key={theme.id} class="theme-choice">
                  <input
                    type="radio"
                    name="active_theme"
                    value={theme.id}
                    checked={theme.id === chosenTheme}
                    required
                  />
                  <span class="theme-choice__name">
                    {theme.label}
                    {theme.is_active && <span class="badge badge--accent">Active</span>}
                  </span>
                  {THEME_MODES.map((mode) => <Swatches key={mode} theme={theme.id} mode={mode} />)}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset class="choices">
            <legend>Default colour mode</legend>
            <p class="field__hint">
              For visitors and users who have not chosen a mode themselves; their own choice always
              wins.
            </p>
            {errors.default_color_mode && (
              <p class="field__error">{errors.default_color_mode.join(" ")}</p>
            )}
            {COLOR_MODES.map((mode) => (
              <label key={mode} class="choice">
                <input
                  type="radio"
                  name="default_color_mode"
                  value={mode}
                  checked={mode === chosenMode}
                  required
                />
                <span>{MODE_TEXT[mode].label}</span>
                <span class="choice__hint">{MODE_TEXT[mode].hint}</span>
              </label>
            ))}
          </fieldset>
          <div class="form-actions">
            <button type="submit" class="button button--primary">Save</button>
          </div>
        </form>
      </Card>
      <ThemesTable themes={themes} />
    </>
  );
}

function ThemesTable({ themes }: { themes: PublicTheme[] }) {
  return (
    <Card
      title="Themes"
      id="themes"
      description="Built-in themes can be duplicated; your own themes can also be changed and deleted."
    >
      <div class="admin-toolbar">
        <a href="/admin/appearance/themes/new" class="button button--primary">New theme</a>
      </div>
      <div class="admin-table-wrap">
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">Theme</th>
              <th scope="col">Kind</th>
              <th scope="col">Contrast</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {themes.map((theme) => (
              <tr key={theme.id}>
                <td>
                  <a href={`/admin/appearance/themes/${theme.id}`}>{theme.label}</a>
                  {theme.is_active && <span class="badge badge--accent">Active</span>}
                </td>
                <td>{theme.is_builtin ? "Built-in" : "Custom"}</td>
                <td>
                  <ContrastBadge theme={theme} />
                </td>
                <td>
                  <div class="admin-actions">
                    {!theme.is_builtin && (
                      <a href={`/admin/appearance/themes/${theme.id}`} class="button button--small">
                        Edit
                      </a>
                    )}
                    <a
                      href={`/admin/appearance/themes/new?from=${theme.id}`}
                      class="button button--small"
                      aria-label={`Duplicate ${theme.label}`}
                    >
                      Duplicate
                    </a>
                    {!theme.is_builtin && !theme.is_active && <DeleteTheme theme={theme} />}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

/** Delete behind a disclosure and a confirmation box (no JavaScript needed). */
function DeleteTheme({ theme }: { theme: PublicTheme }) {
  return (
    <details class="theme-delete">
      <summary class="button button--small button--danger">Delete…</summary>
      <form
        method="post"
        action={`/admin/appearance/themes/${theme.id}/delete`}
        class="theme-delete__form"
      >
        <label class="check">
          <input type="checkbox" name="confirm" value="yes" required />
          Yes, delete “{theme.label}”
        </label>
        <button type="submit" class="button button--small button--danger">Delete theme</button>
      </form>
    </details>
  );
}

export interface ThemeEditorPageProps {
  editor: ThemeEditorProps;
  /** The theme shown, when it is built-in: it can only be duplicated. */
  builtin?: { id: string; label: string };
}

export function ThemeEditorPage({ editor, builtin }: ThemeEditorPageProps) {
  return (
    <>
      <link rel="stylesheet" href={THEME_TOKENS_CSS} />
      <p>
        <a href="/admin/appearance">← Appearance</a>
      </p>
      {builtin && (
        <div class="alert alert--warning theme-builtin-note">
          <p>
            “{builtin.label}” is built in: it cannot be changed. Duplicate it to make a theme of
            your own from it.
          </p>
          <a href={`/admin/appearance/themes/new?from=${builtin.id}`} class="button button--small">
            Duplicate “{builtin.label}”
          </a>
        </div>
      )}
      <section class="card section-card">
        <ThemeEditor {...editor} />
      </section>
    </>
  );
}
