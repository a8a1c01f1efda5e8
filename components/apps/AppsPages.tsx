/**
 * The Apps page (the apps a user may use, to open and pin), an app's settings form
 * generated from its schema, and the administrators' grants page. Plain HTML forms: all
 * of it works without JavaScript.
 */
import type { SettingsField } from "../../lib/apps/app_settings_schema.ts";
import type { AdminAppView, PublicApp } from "../../lib/apps/apps_service.ts";
import type { PublicGroup } from "../../lib/groups/groups_service.ts";

export interface Notice {
  tone: "success" | "error";
  message: string;
}

export function AppIcon({ d, size = 18 }: { d: string; size?: number }) {
  return (
    <svg class="icon" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true">
      <path d={d} />
    </svg>
  );
}

function NoticeBanner({ notice }: { notice: Notice | null | undefined }) {
  if (!notice) return null;
  return (
    <p class={`alert alert--${notice.tone}`} role={notice.tone === "error" ? "alert" : "status"}>
      {notice.message}
    </p>
  );
}

/** `/apps`: a card per app with Open, Pin/Unpin and (for its administrators) Settings. */
export function AppsPage({ apps, notice }: { apps: PublicApp[]; notice?: Notice | null }) {
  return (
    <main id="main" class="apps-page" tabIndex={-1}>
      <header class="page-header">
        <h1>Apps</h1>
        <p>The apps you may use. Pin an app to keep it in your sidebar.</p>
      </header>
      <NoticeBanner notice={notice} />
      {apps.length === 0
        ? (
          <p class="card empty">
            No app is available to you yet. Ask an administrator to give you access.
          </p>
        )
        : (
          <ul class="app-cards" role="list">
            {apps.map((app) => (
              <li key={app.id} class="card app-card" data-app={app.id}>
                <div class="app-card__head">
                  <span class="app-card__icon">
                    <AppIcon d={app.icon} size={24} />
                  </span>
                  <h2 class="app-card__name">{app.name}</h2>
                  {app.pinned && <span class="badge badge--accent">Pinned</span>}
                </div>
                <p class="muted app-card__text">{app.description}</p>
                <div class="app-card__actions">
                  <a class="button button--primary button--small" href={app.href}>Open</a>
                  <form
                    method="post"
                    action={`/apps/${app.id}/${app.pinned ? "unpin" : "pin"}`}
                    class="inline-form"
                  >
                    <button
                      type="submit"
                      class="button button--small"
                      aria-label={app.pinned
                        ? `Unpin ${app.name} from the sidebar`
                        : `Pin ${app.name} to the sidebar`}
                    >
                      {app.pinned ? "Unpin" : "Pin"}
                    </button>
                  </form>
                  {app.can_configure && (
                    <a
                      class="button button--small"
                      href={`/apps/${app.id}/settings`}
                      aria-label={`${app.name} settings`}
                    >
                      Settings
                    </a>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
    </main>
  );
}

function SettingsInput({ field }: { field: SettingsField }) {
  const id = `setting-${field.name}`;
  const hintId = field.hint ? `${id}-hint` : undefined;
  const errorId = field.error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const invalid = field.error ? "true" : undefined;
  const messages = (
    <>
      {field.hint && <p id={hintId} class="field__hint">{field.hint}</p>}
      {field.error && <p id={errorId} class="field__error">{field.error}</p>}
    </>
  );
  if (field.kind === "checkbox") {
    return (
      <div class="field">
        <label class="check" for={id}>
          <input
            id={id}
            type="checkbox"
            name={field.name}
            value="on"
            checked={field.checked}
            aria-invalid={invalid}
            aria-describedby={describedBy}
          />
          {field.label}
        </label>
        {messages}
      </div>
    );
  }
  return (
    <div class="field">
      <label for={id}>{field.label}</label>
      {field.kind === "select"
        ? (
          <select
            id={id}
            name={field.name}
            class="input"
            aria-invalid={invalid}
            aria-describedby={describedBy}
          >
            {field.options.map((option) => (
              <option
                key={option.value}
                value={option.value}
                selected={option.value === field.value}
              >
                {option.label}
              </option>
            ))}
          </select>
        )
        : (
          <input
            id={id}
            name={field.name}
            class="input"
            // Preact types <input> as a union keyed on `type`; both take these attributes.
            type={(field.kind === "number" ? "number" : "text") as "text"}
            value={field.value}
            min={field.min}
            max={field.max}
            step={field.step}
            maxLength={field.maxLength}
            minLength={field.minLength}
            required={field.required}
            inputMode={field.kind === "number"
              ? (field.step === "1" ? "numeric" : "decimal")
              : undefined}
            aria-invalid={invalid}
            aria-describedby={describedBy}
          />
        )}
      {messages}
    </div>
  );
}

/** `/apps/{id}/settings`: the form generated from the app's settings schema. */
export function AppSettingsPage(
  { app, fields, notice }: {
    app: { id: string; name: string; icon: string };
    fields: SettingsField[];
    notice?: Notice | null;
  },
) {
  return (
    <main id="main" class="apps-page" tabIndex={-1}>
      <p class="apps-page__back">
        <a href="/apps">← Apps</a>
      </p>
      <header class="page-header">
        <h1>{app.name} settings</h1>
        <p>These settings apply to everyone who uses {app.name}.</p>
      </header>
      <NoticeBanner notice={notice} />
      <form method="post" action={`/apps/${app.id}/settings`} class="card section-card" noValidate>
        {fields.length === 0
          ? <p class="muted">{app.name} has no settings.</p>
          : (
            <div class="form-grid">
              {fields.map((field) => <SettingsInput key={field.name} field={field} />)}
            </div>
          )}
        <div class="form-actions">
          <button type="submit" class="button button--primary" disabled={fields.length === 0}>
            Save settings
          </button>
          <a class="button" href="/apps">Cancel</a>
        </div>
      </form>
    </main>
  );
}

/** `/admin/apps`: per app, who may use it — everyone and/or groups — and its settings. */
export function AdminAppsContent(
  { apps, groups }: { apps: AdminAppView[]; groups: PublicGroup[] },
) {
  return (
    <>
      {apps.map((app) => {
        const granted = new Set(app.grants.groups.map((g) => g.id));
        return (
          <section
            key={app.id}
            class="card section-card"
            aria-labelledby={`app-${app.id}-title`}
            data-app={app.id}
          >
            <div class="app-card__head">
              <span class="app-card__icon">
                <AppIcon d={app.icon} size={24} />
              </span>
              <h2 id={`app-${app.id}-title`} class="app-card__name">{app.name}</h2>
              <span class="badge">
                {app.grants.everyone
                  ? "Everyone"
                  : app.grants.groups.length === 0
                  ? "Administrators only"
                  : `${app.grants.groups.length} group${app.grants.groups.length === 1 ? "" : "s"}`}
              </span>
            </div>
            <p class="muted">{app.description}</p>
            <form method="post" action={`/admin/apps/${app.id}/grants`}>
              <fieldset class="app-grants">
                <legend class="field__label">Who may use {app.name}</legend>
                <label class="check">
                  <input type="checkbox" name="everyone" value="on" checked={app.grants.everyone} />
                  Everyone
                </label>
                {groups.length === 0
                  ? (
                    <p class="field__hint">
                      There are no groups yet: <a href="/admin/groups">create one</a>{" "}
                      to give the app to some people only.
                    </p>
                  )
                  : (
                    <ul class="app-grants__groups" role="list">
                      {groups.map((group) => (
                        <li key={group.id}>
                          <label class="check">
                            <input
                              type="checkbox"
                              name="group_ids"
                              value={group.id}
                              checked={granted.has(group.id)}
                            />
                            <span>
                              {group.name}
                              {group.member_count !== undefined && (
                                <span class="muted">
                                  {` · ${group.member_count} member${
                                    group.member_count === 1 ? "" : "s"
                                  }`}
                                </span>
                              )}
                            </span>
                          </label>
                        </li>
                      ))}
                    </ul>
                  )}
                <p class="field__hint">
                  Administrators may always use every app. Members of the{" "}
                  <strong>{app.admin_group}</strong> group change its settings.
                </p>
              </fieldset>
              <div class="admin-actions">
                <button type="submit" class="button button--primary button--small">
                  Save access
                </button>
                <a class="button button--small" href={`/apps/${app.id}/settings`}>
                  {app.name} settings
                </a>
              </div>
            </form>
          </section>
        );
      })}
    </>
  );
}
