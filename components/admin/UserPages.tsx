/**
 * One account in the administration: its facts (counts and bytes only, never a document)
 * and one plain form per change — role, activation, quota, AI assignment, 2FA reset,
 * password reset, deletion. Each posts to its own page route and comes back here.
 */
import type { ComponentChildren } from "preact";
import type { FormState } from "../../lib/app/forms.ts";
import type { AdminUser } from "../../lib/admin_users/admin_users_service.ts";
import { formatBytes, sizeInput } from "../../lib/shared/format.ts";
import { Card, DateTime, Field, FormMessage } from "../forms.tsx";
import { GeneratedPassword, RoleBadge, StatusBadge } from "./UsersPages.tsx";

export interface UserForms {
  role?: FormState;
  active?: FormState;
  quota?: FormState;
  ai?: FormState;
  two_factor?: FormState;
  password?: FormState;
  delete?: FormState;
}

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="field">
      <p class="field__label">{label}</p>
      <p class="field__static">{children}</p>
    </div>
  );
}

function Facts({ user }: { user: AdminUser }) {
  return (
    <Card title="Account" id="account">
      <div class="form-grid">
        <Fact label="E-mail">{user.email}</Fact>
        <Fact label="Role and status">
          <RoleBadge user={user} /> <StatusBadge user={user} />
        </Fact>
        <Fact label="Two-factor authentication">{user.totp_enabled ? "On" : "Off"}</Fact>
        <Fact label="Created">
          <DateTime iso={user.created_at} />
        </Fact>
        <Fact label="Last sign-in">
          <DateTime iso={user.last_sign_in_at} />
        </Fact>
        <Fact label="Documents">{user.document_count}</Fact>
        <Fact label="Storage">
          {formatBytes(user.quota.used_bytes)} used of {formatBytes(user.quota.limit_bytes)}
        </Fact>
        <Fact label="Groups">{user.group_count}</Fact>
      </div>
    </Card>
  );
}

export interface UserDetailProps {
  user: AdminUser;
  /** The administrator looking at the page: some changes are not theirs to make on themself. */
  self: boolean;
  forms?: UserForms;
  /** A password generated just now (account created or password reset), shown once. */
  generatedPassword?: string;
}

export function UserDetail({ user, self, forms = {}, generatedPassword }: UserDetailProps) {
  const base = `/admin/users/${user.id}`;
  const quota = sizeInput(user.quota.limit_bytes);
  const quotaUnit = forms.quota?.values.quota_unit ?? quota.unit;
  return (
    <>
      <p>
        <a href="/admin/users">← All users</a>
      </p>
      {generatedPassword && <GeneratedPassword email={user.email} password={generatedPassword} />}
      <Facts user={user} />
      <Card title="Role and access" id="access">
        {self && (
          <p class="muted">
            This is your own account: another administrator must change its role or deactivate it.
          </p>
        )}
        <form method="post" action={`${base}/role`} class="admin-toolbar">
          <FormMessage message={forms.role?.message} />
          <div class="field">
            <label for="field-role">Role</label>
            <select id="field-role" name="role" class="input" disabled={self}>
              <option value="user" selected={user.role === "user"}>User</option>
              <option value="admin" selected={user.role === "admin"}>Administrator</option>
            </select>
          </div>
          <button type="submit" class="button" disabled={self}>Change role</button>
        </form>
        <form method="post" action={`${base}/active`} class="admin-toolbar">
          <FormMessage message={forms.active?.message} />
          <input type="hidden" name="is_active" value={user.is_active ? "false" : "true"} />
          <p class="muted">
            {user.is_active
              ? "Deactivating signs the account out everywhere at once; its API tokens stop working and it cannot sign in until activated again."
              : "This account cannot sign in. Activating lets it sign in again; its API tokens work again."}
          </p>
          <button
            type="submit"
            class={user.is_active ? "button button--danger" : "button button--primary"}
            disabled={self}
          >
            {user.is_active ? "Deactivate account" : "Activate account"}
          </button>
        </form>
      </Card>
      <Card
        title="Storage quota"
        id="quota"
        description={`${formatBytes(user.quota.used_bytes)} of ${
          formatBytes(user.quota.limit_bytes)
        } are used. A quota below what is used stops new uploads; nothing is deleted.`}
      >
        <form method="post" action={`${base}/quota`} class="admin-toolbar">
          <FormMessage message={forms.quota?.message} />
          <Field
            name="quota_amount"
            label="Quota"
            value={quota.amount}
            state={forms.quota}
            inputMode="text"
            required
            maxLength={12}
          />
          <div class="field">
            <label for="field-quota_unit">Unit</label>
            <select id="field-quota_unit" name="quota_unit" class="input">
              <option value="MiB" selected={quotaUnit === "MiB"}>MiB</option>
              <option value="GiB" selected={quotaUnit === "GiB"}>GiB</option>
            </select>
          </div>
          <button type="submit" class="button button--primary">Save quota</button>
        </form>
      </Card>
      <Card
        title="AI classification"
        id="ai"
        description="Which endpoint and model classify this account's documents. Leave both empty for the system default."
      >
        <form method="post" action={`${base}/ai`} class="form-grid">
          <FormMessage message={forms.ai?.message} />
          <Field
            name="ai_provider"
            label="Provider"
            value={user.ai_provider ?? ""}
            state={forms.ai}
            maxLength={2048}
            placeholder="system"
            hint="“system” (the default), “builtin” (never leaves the server), or an http(s) URL of an OpenAI-compatible endpoint."
          />
          <Field
            name="ai_model"
            label="Model"
            value={user.ai_model ?? ""}
            state={forms.ai}
            maxLength={200}
            hint="Required for an endpoint URL; otherwise the provider's default model."
          />
          <div class="form-actions">
            <button type="submit" class="button button--primary">Save AI assignment</button>
          </div>
        </form>
      </Card>
      <Card title="Sign-in help" id="sign-in">
        {self ? <p class="muted">Change your own password and 2FA on your profile page.</p> : (
          <>
            <form method="post" action={`${base}/reset-2fa`} class="admin-toolbar">
              <FormMessage message={forms.two_factor?.message} />
              <p class="muted">
                {user.totp_enabled
                  ? "For a user who lost their authenticator and backup codes: 2FA goes off and every session ends."
                  : "Two-factor authentication is off for this account."}
              </p>
              {user.totp_enabled && (
                <button type="submit" class="button">Reset two-factor authentication</button>
              )}
            </form>
            <form method="post" action={`${base}/reset-password`} class="admin-toolbar">
              <FormMessage message={forms.password?.message} />
              <p class="muted">
                A new password is generated and shown to you once; every session of the account
                ends.
              </p>
              <button type="submit" class="button">Reset password</button>
            </form>
          </>
        )}
      </Card>
      <Card title="Delete the account" id="delete">
        {self
          ? <p class="muted">Another administrator must delete your account.</p>
          : (
            <form method="post" action={`${base}/delete`}>
              <FormMessage message={forms.delete?.message} />
              <p>
                This deletes <strong>{user.email}</strong> for good, with its{" "}
                <strong>
                  {user.document_count} document{user.document_count === 1 ? "" : "s"}
                </strong>{" "}
                ({formatBytes(user.quota.used_bytes)}) and their files, its folders, categories,
                tags and shares, its sessions and API tokens. The audit log keeps its history.
              </p>
              <div class="admin-toolbar">
                <Field
                  name="confirm_email"
                  label="Type the account's e-mail address to confirm"
                  type="email"
                  state={forms.delete}
                  required
                  autoComplete="off"
                  maxLength={254}
                />
                <button type="submit" class="button button--danger">Delete account</button>
              </div>
            </form>
          )}
      </Card>
    </>
  );
}
