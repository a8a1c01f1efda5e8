/** The signed-out pages: register, sign in (two steps) and first-admin setup. */
import PasswordField from "../../islands/PasswordField.tsx";
import type { FormState } from "../../lib/app/forms.ts";
import { Field, FormMessage } from "../forms.tsx";
import { Layout } from "../Layout.tsx";

function withNext(path: string, next: string): string {
  return next === "/" ? path : `${path}?next=${encodeURIComponent(next)}`;
}

export function RegisterPage({ state, next }: { state: FormState; next: string }) {
  return (
    <Layout narrow>
      <div class="auth">
        <h1>Create your account</h1>
        <p class="muted">
          Already have one? <a href={withNext("/login", next)}>Sign in</a>
        </p>
        <FormMessage message={state.message} />
        <form method="post" action={withNext("/register", next)} class="card auth__card">
          <Field
            name="full_name"
            label="Full name"
            autoComplete="name"
            required
            maxLength={128}
            state={state}
          />
          <Field
            name="email"
            label="E-mail address"
            type="email"
            autoComplete="email"
            required
            maxLength={254}
            state={state}
          />
          <PasswordField
            name="password"
            label="Password"
            autoComplete="new-password"
            showRules
            errors={state.errors.password}
          />
          <button type="submit" class="button button--primary button--block">Create account</button>
        </form>
      </div>
    </Layout>
  );
}

export function LoginPage(
  { state, next, registrationOpen, notice }: {
    state: FormState;
    next: string;
    registrationOpen: boolean;
    notice?: string;
  },
) {
  return (
    <Layout narrow>
      <div class="auth">
        <h1>Sign in</h1>
        {registrationOpen && (
          <p class="muted">
            New here? <a href={withNext("/register", next)}>Create an account</a>
          </p>
        )}
        <FormMessage message={notice} tone="success" />
        <FormMessage message={state.message} />
        <form method="post" action={withNext("/login", next)} class="card auth__card">
          <Field
            name="email"
            label="E-mail address"
            type="email"
            autoComplete="username"
            required
            maxLength={254}
            state={state}
            autoFocus
          />
          <PasswordField
            name="password"
            label="Password"
            autoComplete="current-password"
            errors={state.errors.password}
          />
          <button type="submit" class="button button--primary button--block">Sign in</button>
        </form>
      </div>
    </Layout>
  );
}

export function SecondStepPage(
  { state, next, mfaToken }: { state: FormState; next: string; mfaToken: string },
) {
  const useBackup = Boolean(state.values.backup_code);
  return (
    <Layout narrow>
      <div class="auth">
        <h1>Two-factor authentication</h1>
        <p class="muted">Enter the 6-digit code from your authenticator app.</p>
        <FormMessage message={state.message} />
        <form method="post" action={withNext("/login/2fa", next)} class="card auth__card">
          <input type="hidden" name="mfa_token" value={mfaToken} />
          <Field
            name="code"
            label="Authentication code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            maxLength={8}
            state={state}
            autoFocus
            required={false}
            noOptionalMark
          />
          <details class="disclosure" open={useBackup}>
            <summary>Use a backup code</summary>
            <Field
              name="backup_code"
              label="Backup code"
              autoComplete="off"
              maxLength={32}
              placeholder="XXXX-XXXX-XXXX-XXXX"
              hint="One of the codes you saved when you turned on two-factor authentication. Each works once."
              state={state}
              required={false}
              noOptionalMark
            />
          </details>
          <button type="submit" class="button button--primary button--block">
            Verify and sign in
          </button>
        </form>
        <p class="muted">
          <a href={withNext("/login", next)}>Start again</a>
        </p>
      </div>
    </Layout>
  );
}

export function SetupPage({ state }: { state: FormState }) {
  return (
    <Layout narrow>
      <div class="auth">
        <h1>Set up DocuVault</h1>
        <p class="muted">
          Create the administrator account. The one-time setup token is in the server's log (look
          for “No administrator yet”).
        </p>
        <FormMessage message={state.message} />
        <form method="post" action="/setup" class="card auth__card">
          <Field
            name="setup_token"
            label="Setup token"
            autoComplete="off"
            required
            maxLength={200}
            state={state}
          />
          <Field
            name="full_name"
            label="Full name"
            autoComplete="name"
            required
            maxLength={128}
            state={state}
          />
          <Field
            name="email"
            label="E-mail address"
            type="email"
            autoComplete="email"
            required
            maxLength={254}
            state={state}
          />
          <PasswordField
            name="password"
            label="Password"
            autoComplete="new-password"
            showRules
            errors={state.errors.password}
          />
          <button type="submit" class="button button--primary button--block">
            Create administrator
          </button>
        </form>
      </div>
    </Layout>
  );
}
