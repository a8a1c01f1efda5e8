/** Pages that show a secret once: 2FA enrolment, backup codes, a new API token. */
import CopyButton from "../../islands/CopyButton.tsx";
import type { FormState } from "../../lib/app/forms.ts";
import { Field, FormMessage } from "../forms.tsx";
import { Layout } from "../Layout.tsx";

export function TwoFactorSetupPage(
  { secret, qrSvg, state }: { secret: string; qrSvg: string; state: FormState },
) {
  const grouped = secret.match(/.{1,4}/g)!.join(" ");
  const qr = `data:image/svg+xml;base64,${btoa(qrSvg)}`;
  return (
    <Layout narrow>
      <div class="page-header">
        <h1>Set up two-factor authentication</h1>
        <p class="muted">Two steps, and your account is safer.</p>
      </div>
      <ol class="steps">
        <li class="card">
          <h2>Add DocuVault to your authenticator app</h2>
          <p>Scan this QR code with the app, or type the key by hand.</p>
          <div class="qr-block">
            <img
              src={qr}
              width={200}
              height={200}
              alt="QR code to add DocuVault to an authenticator app"
              class="qr"
            />
            <div>
              <p class="field__label">Key for manual entry</p>
              <p>
                <code class="secret" data-testid="totp-secret">{grouped}</code>
              </p>
              <CopyButton text={secret} label="Copy key" small />
              <p class="muted">Time-based, 6 digits, every 30 seconds.</p>
            </div>
          </div>
        </li>
        <li class="card">
          <h2>Enter the code the app shows</h2>
          <FormMessage message={state.message} />
          <form method="post" action="/profile/2fa/enable">
            <Field
              name="code"
              label="6-digit code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9 ]*"
              maxLength={8}
              required
              state={state}
            />
            <div class="form-actions">
              <button type="submit" class="button button--primary">
                Turn on two-factor authentication
              </button>
              <a class="button" href="/profile#two-factor">Cancel</a>
            </div>
          </form>
        </li>
      </ol>
    </Layout>
  );
}

export function BackupCodesPage({ codes, fresh }: { codes: string[]; fresh: boolean }) {
  const text = codes.join("\n");
  const download = `data:text/plain;charset=utf-8,${
    encodeURIComponent(`DocuVault backup codes\n\n${text}\n`)
  }`;
  return (
    <Layout narrow>
      <div class="page-header">
        <h1>{fresh ? "Two-factor authentication is on" : "Your new backup codes"}</h1>
        <p class="muted">
          Save these backup codes somewhere safe. Each one lets you sign in once if you lose your
          phone. <strong>You will not see them again.</strong>
        </p>
      </div>
      <div class="card">
        <ul class="backup-codes" data-testid="backup-codes">
          {codes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <div class="form-actions">
          <CopyButton text={text} label="Copy all" />
          <a class="button" href={download} download="docuvault-backup-codes.txt">Download</a>
          <a class="button button--primary" href="/profile#two-factor">I have saved them</a>
        </div>
      </div>
    </Layout>
  );
}

export function NewTokenPage(
  { token, name, publicUrl }: { token: string; name: string; publicUrl: string },
) {
  return (
    <Layout narrow>
      <div class="page-header">
        <h1>Your new API token</h1>
        <p class="muted">
          “{name}” is ready. Copy it now: <strong>it is shown only this once</strong>.
        </p>
      </div>
      <div class="card">
        <p>
          <code class="secret secret--block" data-testid="new-token">{token}</code>
        </p>
        <div class="form-actions">
          <CopyButton text={token} label="Copy token" />
          <a class="button button--primary" href="/profile#tokens">Done</a>
        </div>
        <p class="muted">Use it like this:</p>
        <pre class="code-block"><code>curl -H "Authorization: Bearer {token}" {publicUrl}/api/users/me</code></pre>
      </div>
    </Layout>
  );
}
