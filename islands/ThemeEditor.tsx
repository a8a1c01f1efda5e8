import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import {
  contrastWarnings,
  normaliseHex,
  THEME_MODES,
  type ThemeMode,
  type ThemeTokens,
  TOKEN_GROUPS,
  TOKEN_NAMES,
} from "../lib/appearance/themes_tokens.ts";

export interface ThemeEditorProps {
  /** Where the form posts (a page route: works without JavaScript). */
  action: string;
  submitLabel: string;
  /** Built-in themes are shown, not edited. */
  readOnly: boolean;
  label: string;
  /** The theme whose saved colours the preview shows before JavaScript runs. */
  previewTheme: string;
  /** Its colours: what an unreadable field falls back to for the preview. */
  saved: ThemeTokens;
  /** What the fields hold, by field name (`tokens.light.color-bg`): typed text after a refused post. */
  values: Record<string, string>;
  /** Messages by field name (`label`, `tokens.light.color-bg`). */
  errors: Record<string, string[]>;
  /** A message for the whole form. */
  message?: string;
  cancelHref: string;
}

const MODE_LABEL: Record<ThemeMode, string> = { light: "Light", dark: "Dark" };

const fieldName = (mode: ThemeMode, token: string) => `tokens.${mode}.${token}`;
const fieldId = (name: string) => `field-${name.replaceAll(".", "-")}`;

/** The colours to preview: each readable field, else the saved colour. */
function previewTokens(values: Record<string, string>, saved: ThemeTokens): ThemeTokens {
  const tokens = { light: { ...saved.light }, dark: { ...saved.dark } };
  for (const mode of THEME_MODES) {
    for (const name of TOKEN_NAMES) {
      const value = normaliseHex(values[fieldName(mode, name)] ?? "");
      if (value) tokens[mode][name] = value;
    }
  }
  return tokens;
}

/** A mini page in the theme's colours: what the tokens are used for, side by side. */
function Preview(
  { mode, theme, panelRef }: {
    mode: ThemeMode;
    theme: string;
    panelRef: { current: HTMLDivElement | null };
  },
) {
  return (
    <figure class="theme-preview">
      <figcaption class="theme-preview__caption">{MODE_LABEL[mode]}</figcaption>
      <div
        class="theme-preview__page theme-tokens"
        data-theme={theme}
        data-mode={mode}
        ref={panelRef}
      >
        <div class="theme-preview__card">
          <p class="theme-preview__title">Invoice March 2026</p>
          <p>
            Text on a card. <span class="muted">Secondary text, like dates and hints.</span>
          </p>
          <p>
            <a href="#theme-preview" tabIndex={-1}>A link</a>
            <span class="badge badge--accent">Badge</span>
            <span class="badge badge--success">Ready</span>
          </p>
          <div class="theme-preview__actions">
            <button type="button" class="button button--primary" tabIndex={-1}>Primary</button>
            <button type="button" class="button" tabIndex={-1}>Secondary</button>
            <button type="button" class="button button--danger" tabIndex={-1}>Delete</button>
          </div>
          <p class="alert alert--error">Something went wrong.</p>
          <p class="alert alert--success">Saved.</p>
        </div>
      </div>
    </figure>
  );
}

/**
 * The theme editor: a plain form (label, and a colour per token for light and dark) that
 * posts to a page route, with a live preview. Before JavaScript runs the colour pickers
 * are inert (the hex fields are what the form sends) and the preview shows the saved
 * theme through a stylesheet; hydrated, every change repaints the preview at once —
 * through CSSOM `style.setProperty`, which the Content-Security-Policy allows.
 */
export default function ThemeEditor(props: ThemeEditorProps) {
  const [values, setValues] = useState<Record<string, string>>(props.values);
  const [live, setLive] = useState(false);
  const panels: Record<ThemeMode, { current: HTMLDivElement | null }> = {
    light: useRef<HTMLDivElement>(null),
    dark: useRef<HTMLDivElement>(null),
  };
  const tokens = useMemo(() => previewTokens(values, props.saved), [values, props.saved]);
  const warnings = useMemo(() => contrastWarnings(tokens), [tokens]);

  useEffect(() => setLive(true), []);
  useEffect(() => {
    if (!live) return;
    for (const mode of THEME_MODES) {
      const panel = panels[mode].current;
      if (!panel) continue;
      for (const name of TOKEN_NAMES) panel.style.setProperty(`--${name}`, tokens[mode][name]);
    }
  }, [tokens, live]);

  const set = (name: string, value: string) => setValues((old) => ({ ...old, [name]: value }));
  const labelErrors = props.errors.label ?? [];

  return (
    <form method="post" action={props.action} class="theme-editor">
      {props.message && <div class="alert alert--error" role="alert">{props.message}</div>}
      <div class="field">
        <label for="field-label">Name</label>
        <input
          id="field-label"
          class="input"
          name="label"
          value={props.label}
          required
          maxLength={64}
          readOnly={props.readOnly}
          aria-invalid={labelErrors.length > 0 ? "true" : undefined}
          aria-describedby={labelErrors.length > 0 ? "field-label-error" : undefined}
        />
        {labelErrors.length > 0 && (
          <p id="field-label-error" class="field__error">{labelErrors.join(" ")}</p>
        )}
      </div>

      <div class="theme-editor__body">
        <div class="theme-editor__tokens">
          {TOKEN_GROUPS.map((group) => (
            <fieldset key={group.title} class="theme-tokens-group">
              <legend>{group.title}</legend>
              <div class="theme-token theme-token--head" aria-hidden="true">
                <span />
                {THEME_MODES.map((mode) => <span key={mode}>{MODE_LABEL[mode]}</span>)}
              </div>
              {group.tokens.map((token) => (
                <div key={token.name} class="theme-token">
                  <span class="theme-token__label">
                    {token.label} <code>{token.name}</code>
                  </span>
                  {THEME_MODES.map((mode) => {
                    const name = fieldName(mode, token.name);
                    const id = fieldId(name);
                    const errors = props.errors[name] ?? [];
                    const hex = tokens[mode][token.name];
                    return (
                      <div key={mode} class="theme-token__input">
                        <input
                          type="color"
                          class="theme-token__picker"
                          value={hex}
                          disabled={!live || props.readOnly}
                          aria-label={`${token.label}, ${mode}: colour picker`}
                          onInput={(e) => set(name, (e.currentTarget as HTMLInputElement).value)}
                        />
                        <input
                          id={id}
                          type="text"
                          class="input theme-token__hex"
                          name={name}
                          value={values[name] ?? hex}
                          required
                          maxLength={7}
                          size={8}
                          spellcheck={false}
                          autoComplete="off"
                          pattern="#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})"
                          readOnly={props.readOnly}
                          aria-label={`${token.label}, ${mode} (#rrggbb)`}
                          aria-invalid={errors.length > 0 ? "true" : undefined}
                          aria-describedby={errors.length > 0 ? `${id}-error` : undefined}
                          onInput={(e) => set(name, (e.currentTarget as HTMLInputElement).value)}
                        />
                        {errors.length > 0 && (
                          <p id={`${id}-error`} class="field__error">{errors.join(" ")}</p>
                        )}
                      </div>
                    );
                  })}
                </div>
              ))}
            </fieldset>
          ))}
        </div>

        <div class="theme-editor__aside" id="theme-preview">
          <h2 class="theme-editor__heading">Preview</h2>
          <div class="theme-preview-pair">
            {THEME_MODES.map((mode) => (
              <Preview key={mode} mode={mode} theme={props.previewTheme} panelRef={panels[mode]} />
            ))}
          </div>
          <div aria-live="polite">
            {warnings.length === 0
              ? (
                <p class="alert alert--success">
                  Every text colour meets WCAG AA contrast (4.5:1) in both modes.
                </p>
              )
              : (
                <div class="alert alert--warning">
                  <p>
                    {warnings.length === 1 ? "One colour pair" : `${warnings.length} colour pairs`}
                    {" "}
                    may be hard to read (the theme can still be saved):
                  </p>
                  <ul class="theme-warnings">
                    {warnings.map((w) => (
                      <li key={`${w.mode}-${w.foreground}-${w.background}`}>{w.message}</li>
                    ))}
                  </ul>
                </div>
              )}
          </div>
        </div>
      </div>

      <div class="form-actions">
        {!props.readOnly && (
          <button type="submit" class="button button--primary">{props.submitLabel}</button>
        )}
        <a href={props.cancelHref} class="button">{props.readOnly ? "Back" : "Cancel"}</a>
      </div>
    </form>
  );
}
