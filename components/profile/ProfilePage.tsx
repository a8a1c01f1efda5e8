/** /profile: personal data, appearance, password, two-factor, API tokens, sessions. */
import ColorModeSwitch from "../../islands/ColorModeSwitch.tsx";
import PasswordField from "../../islands/PasswordField.tsx";
import type { FormState } from "../../lib/app/forms.ts";
import type { PublicApiToken } from "../../lib/auth/api_tokens_service.ts";
import type { PublicSession } from "../../lib/auth/sessions_view.ts";
import type { PublicProfile, PublicUser } from "../../lib/users/users_service.ts";
import { Card, DateTime, Field, FormMessage } from "../forms.tsx";
import { Layout } from "../Layout.tsx";

export type ProfileSection =
  | "personal"
  | "password"
  | "twofa_disable"
  | "backup_codes"
  | "tokens"
  | "twofa_setup";

export interface ProfileView {
  user: PublicUser;
  profile: PublicProfile;
  tokens: PublicApiToken[];
  sessions: PublicSession[];
  notice?: string;
  /** The form that was just submitted with an error, by section. */
  forms?: Partial<Record<ProfileSection, FormState>>;
}

const SECTIONS = [
  ["personal", "Personal data"],
  ["appearance", "Appearance"],
  ["password", "Password"],
  ["two-factor", "Two-factor authentication"],
  ["tokens", "API tokens"],
  ["sessions", "Sessions"],
] as const;

function Personal(
  { user, profile, state }: { user: PublicUser; profile: PublicProfile; state?: FormState },
) {
  return (
    <Card id="personal" title="Personal data">
      <FormMessage message={state?.message} />
      <form method="post" action="/profile/personal" class="form-grid">
        <Field
          name="full_name"
          label="Full name"
          autoComplete="name"
          required
          maxLength={128}
          value={user.full_name}
          state={state}
        />
        <div class="field">
          <span class="field__label">E-mail address</span>
          <p class="field__static">{user.email}</p>
        </div>
        <Field
          name="phone"
          label="Phone"
          type="tel"
          autoComplete="tel"
          maxLength={20}
          value={profile.phone}
          state={state}
        />
        <Field
          name="date_of_birth"
          label="Date of birth"
          type="date"
          autoComplete="bday"
          value={profile.date_of_birth}
          state={state}
        />
        <Field
          name="position"
          label="Position"
          autoComplete="organization-title"
          maxLength={128}
          value={profile.position}
          state={state}
        />
        <Field
          name="address"
          label="Address"
          autoComplete="street-address"
          maxLength={255}
          value={profile.address}
          state={state}
        />
        <div class="form-actions">
          <button type="submit" class="button button--primary">Save personal data</button>
        </div>
      </form>
    </Card>
  );
}

function Appearance({ user, path }: { user: PublicUser; path: string }) {
  return (
    <Card
      id="appearance"
      title="Appearance"
      description="Light, dark, or following your device. Applied at once and remembered on your account."
    >
      <ColorModeSwitch mode={user.color_mode ?? "system"} returnTo={path} />
    </Card>
  );
}

function Password({ state }: { state?: FormState }) {
  return (
    <Card
      id="password"
      title="Password"
      description="Changing your password signs you out on your other devices."
    >
      <FormMessage message={state?.message} />
      <form method="post" action="/profile/password">
        <PasswordField
          name="current_password"
          label="Current password"
          autoComplete="current-password"
          errors={state?.errors.current_password}
        />
        <PasswordField
          name="new_password"
          label="New password"
          autoComplete="new-password"
          showRules
          errors={state?.errors.new_password}
        />
        <div class="form-actions">
          <button type="submit" class="button button--primary">Change password</button>
        </div>
      </form>
    </Card>
  );
}

function TwoFactor({ user, forms }: { user: PublicUser; forms?: ProfileView["forms"] }) {
  if (!user.totp_enabled) {
    return (
      <Card
        id="two-factor"
        title="Two-factor authentication"
        description="Protect your account with a code from an authenticator app (such as Aegis, Google Authenticator or 1Password) in addition to your password."
      >
        <p>
          <span class="badge">Off</span>
        </p>
        <FormMessage message={forms?.twofa_setup?.message} />
        <form method="post" action="/profile/2fa/setup" class="narrow-form">
          <PasswordField
            name="password"
            label="Your password"
            autoComplete="current-password"
            errors={forms?.twofa_setup?.errors.password}
          />
          <button type="submit" class="button button--primary">
            Set up two-factor authentication
          </button>
        </form>
      </Card>
    );
  }
  const left = user.backup_codes_remaining;
  return (
    <Card id="two-factor" title="Two-factor authentication">
      <p>
        <span class="badge badge--success">On</span>{" "}
        Signing in asks for a code from your authenticator app.
      </p>
      <p class={left <= 3 ? "alert alert--warning" : "muted"} data-testid="backup-codes-left">
        Backup codes left: <strong>{left}</strong> of 10.
        {left <= 3 && " Make new ones before you run out."}
      </p>
      <div class="subsections">
        <form method="post" action="/profile/2fa/backup-codes" class="subsection">
          <h3>New backup codes</h3>
          <p class="muted">The old codes stop working.</p>
          <FormMessage message={forms?.backup_codes?.message} />
          <PasswordField
            name="password"
            label="Your password"
            autoComplete="current-password"
            errors={forms?.backup_codes?.errors.password}
          />
          <button type="submit" class="button">Make new backup codes</button>
        </form>
        <form method="post" action="/profile/2fa/disable" class="subsection">
          <h3>Turn off</h3>
          <p class="muted">Your other devices will be signed out.</p>
          <FormMessage message={forms?.twofa_disable?.message} />
          <PasswordField
            name="password"
            label="Your password"
            autoComplete="current-password"
            errors={forms?.twofa_disable?.errors.password}
          />
          <Field
            name="code"
            label="Code from your app, or a backup code"
            autoComplete="one-time-code"
            maxLength={32}
            required
            state={forms?.twofa_disable}
          />
          <button type="submit" class="button button--danger">
            Turn off two-factor authentication
          </button>
        </form>
      </div>
    </Card>
  );
}

function Tokens({ tokens, state }: { tokens: PublicApiToken[]; state?: FormState }) {
  return (
    <Card
      id="tokens"
      title="API tokens"
      description="Personal tokens let scripts use the API as you: send them as “Authorization: Bearer dv_…”. Each is shown once."
    >
      <FormMessage message={state?.message} />
      <form method="post" action="/profile/tokens" class="inline-fields">
        <Field
          name="name"
          label="Token name"
          maxLength={100}
          required
          placeholder="e.g. Backup script"
          state={state}
        />
        <div class="field">
          <label for="field-expires_in_days">Expires</label>
          <select id="field-expires_in_days" name="expires_in_days" class="input">
            <option value="30">In 30 days</option>
            <option value="90" selected>In 90 days</option>
            <option value="365">In a year</option>
            <option value="">Never</option>
          </select>
        </div>
        <div class="field field--action">
          <button type="submit" class="button button--primary">Create token</button>
        </div>
      </form>
      {tokens.length === 0 ? <p class="empty">No tokens yet.</p> : (
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Token</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  <td>
                    <code>{token.prefix}…</code>
                  </td>
                  <td>
                    <DateTime iso={token.created_at} />
                  </td>
                  <td>
                    <DateTime iso={token.last_used_at} />
                  </td>
                  <td>
                    {token.expires_at
                      ? <DateTime iso={token.expires_at} />
                      : <span class="muted">never</span>}
                  </td>
                  <td class="table__actions">
                    <form method="post" action={`/profile/tokens/${token.id}/revoke`}>
                      <button
                        type="submit"
                        class="button button--small"
                        aria-label={`Revoke token ${token.name}`}
                      >
                        Revoke
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

function Sessions({ sessions }: { sessions: PublicSession[] }) {
  const others = sessions.filter((s) => !s.current).length;
  return (
    <Card id="sessions" title="Sessions" description="Where you are signed in.">
      <ul class="session-list">
        {sessions.map((session) => (
          <li key={session.id} class="session-list__item">
            <div>
              <strong>{session.device}</strong>
              {session.current && <span class="badge badge--accent">This device</span>}
              <p class="muted">
                {session.ip ?? "unknown address"} · signed in <DateTime iso={session.created_at} />
                {" "}
                · last active <DateTime iso={session.last_used_at} />
              </p>
            </div>
            {!session.current && (
              <form method="post" action={`/profile/sessions/${session.id}/revoke`}>
                <button
                  type="submit"
                  class="button button--small"
                  aria-label={`Sign out ${session.device}`}
                >
                  Sign out
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      {others > 0 && (
        <form method="post" action="/profile/sessions/revoke-others">
          <button type="submit" class="button">Sign out everywhere else</button>
        </form>
      )}
    </Card>
  );
}

export function ProfilePage({ view, path }: { view: ProfileView; path: string }) {
  return (
    <Layout>
      <div class="page-header">
        <h1>Your profile</h1>
        <p class="muted">{view.user.email}</p>
      </div>
      <FormMessage message={view.notice} tone="success" />
      <div class="with-sidebar">
        <nav class="toc" aria-label="Profile sections">
          <ul>
            {SECTIONS.map(([id, label]) => (
              <li key={id}>
                <a href={`#${id}`}>{label}</a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="stack">
          <Personal user={view.user} profile={view.profile} state={view.forms?.personal} />
          <Appearance user={view.user} path={path} />
          <Password state={view.forms?.password} />
          <TwoFactor user={view.user} forms={view.forms} />
          <Tokens tokens={view.tokens} state={view.forms?.tokens} />
          <Sessions sessions={view.sessions} />
        </div>
      </div>
    </Layout>
  );
}
