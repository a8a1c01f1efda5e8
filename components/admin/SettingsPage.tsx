/**
 * /admin/settings: the AI provider (with "Test connection"), the classifier's system
 * prompt, and uploads, storage, registration and suggestions. Each card is its own plain
 * form posting to /admin/settings/…, so the page works without JavaScript.
 */
import type { FormState } from "../../lib/app/forms.ts";
import type { LlmProbeResult } from "../../lib/classify/llm/llm_probe.ts";
import { amountIn, sizeInput } from "../../lib/shared/format.ts";
import type {
  AdminSettingsView,
  AiSettingsView,
} from "../../lib/settings/admin_settings_service.ts";
import { Card, Field, FormMessage } from "../forms.tsx";

export const SETTINGS_NOTICES: Record<string, string> = {
  ai_saved: "The AI provider is saved.",
  ai_reset: "The AI provider is back to its default.",
  prompt_saved: "The system prompt is saved. Documents read from now on use it.",
  prompt_reset: "The system prompt is back to the default.",
  uploads_saved: "The settings are saved.",
};

export type AiTestOutcome =
  | { ok: true; result: LlmProbeResult }
  | { ok: false; message: string };

export interface SettingsForms {
  ai?: FormState & { test?: AiTestOutcome };
  prompt?: FormState;
  uploads?: FormState;
}

export interface SettingsPageProps {
  settings: AdminSettingsView;
  /** Whether OPENAI_* variables give a default to go back to. */
  environmentDefault: boolean;
  forms?: SettingsForms;
}

function endpointName(ai: AiSettingsView): string {
  if (!ai.base_url) return "api.openai.com";
  try {
    const url = new URL(ai.base_url);
    return `${url.host}${url.pathname.replace(/\/$/, "")}`;
  } catch {
    return ai.base_url;
  }
}

function aiStatus(ai: AiSettingsView): string {
  const off = "the built-in classifier reads every document, and nothing leaves this server.";
  if (ai.source === "none") return `No AI endpoint is configured: ${off}`;
  if (!ai.base_url && !ai.model) return `The AI endpoint is turned off: ${off}`;
  const where = `Documents are classified by ${ai.model} at ${endpointName(ai)}`;
  return ai.source === "environment"
    ? `${where}, from the OPENAI_* environment variables. Saving here replaces them (type the key again).`
    : `${where}.`;
}

function TestOutcome({ test }: { test?: AiTestOutcome }) {
  if (!test) return null;
  if (!test.ok) {
    return <p class="alert alert--error" role="alert">✗ {test.message}</p>;
  }
  const { latency_ms, model, reply } = test.result;
  return (
    <p class="alert alert--success" role="status">
      ✓ Answered in {latency_ms} ms (model {model}){reply ? `: “${reply}”` : "."}
    </p>
  );
}

function AiCard(
  { ai, environmentDefault, form }: {
    ai: AiSettingsView;
    environmentDefault: boolean;
    form?: SettingsForms["ai"];
  },
) {
  const errors = form?.errors.api_key ?? [];
  const key = ai.api_key;
  const keyHint = !key.set
    ? "None is stored. Local servers (Ollama, LM Studio) need none."
    : key.unreadable
    ? "A key is stored but cannot be decrypted (was ENCRYPTION_KEY changed?). Enter it again."
    : ai.source === "environment"
    ? `The environment's key (${key.masked}) is used until you save here.`
    : `A key is stored: ${key.masked}. Leave this empty to keep it.`;
  return (
    <Card title="AI provider" id="ai">
      <p class="muted">{aiStatus(ai)}</p>
      <form method="post" action="/admin/settings/ai" class="form-grid">
        <FormMessage message={form?.message} />
        <Field
          name="base_url"
          label="Base URL"
          type="url"
          state={form}
          value={ai.base_url}
          maxLength={2000}
          placeholder="https://api.openai.com/v1"
          autoComplete="off"
          hint="Any OpenAI-compatible API, usually ending in /v1 (Ollama: http://localhost:11434/v1). Empty: OpenAI. Leave both fields empty to use only the built-in classifier."
        />
        <Field
          name="model"
          label="Model"
          state={form}
          value={ai.model}
          maxLength={200}
          autoComplete="off"
          hint="For example gpt-4o-mini, or llama3.1:8b on Ollama."
        />
        <div class="field">
          <label for="field-api_key">
            API key<span class="field__optional">optional</span>
          </label>
          <input
            id="field-api_key"
            class="input"
            type="password"
            name="api_key"
            value=""
            autoComplete="off"
            maxLength={1000}
            aria-invalid={errors.length > 0 ? "true" : undefined}
            aria-describedby={`field-api_key-hint${errors.length ? " field-api_key-error" : ""}`}
          />
          <p id="field-api_key-hint" class="field__hint">
            {keyHint} Stored encrypted, and never shown again.
          </p>
          {errors.length > 0 && (
            <p id="field-api_key-error" class="field__error">{errors.join(" ")}</p>
          )}
          {key.set && ai.source === "settings" && (
            <label class="check">
              <input type="checkbox" name="remove_key" value="yes" />
              Remove the stored key
            </label>
          )}
        </div>
        <div class="form-actions">
          <button type="submit" name="intent" value="save" class="button button--primary">
            Save
          </button>
          <button type="submit" name="intent" value="test" class="button">Test connection</button>
          {ai.source === "settings" && (
            <button type="submit" name="intent" value="reset" class="button button--small">
              {environmentDefault ? "Use the environment's settings" : "Forget these settings"}
            </button>
          )}
        </div>
        {form?.test && (
          <div class="form-actions">
            <TestOutcome test={form.test} />
          </div>
        )}
      </form>
    </Card>
  );
}

function PromptCard(
  { prompt, form }: { prompt: AdminSettingsView["system_prompt"]; form?: FormState },
) {
  const errors = form?.errors.value ?? [];
  return (
    <Card title="System prompt" id="prompt">
      <p class="muted">
        {prompt.is_default
          ? <span class="badge">Default</span>
          : <span class="badge badge--accent">Customised</span>}{" "}
        What the AI is told before each document. DocuVault always adds the document, the allowed
        types, the owner's categories and tags, and the exact answer format, so this text shapes the
        judgement and style of the answers but cannot break their format.
      </p>
      <form method="post" action="/admin/settings/system-prompt">
        <FormMessage message={form?.message} />
        <div class="field">
          <label for="field-value">Prompt</label>
          <textarea
            id="field-value"
            class="input input--code"
            name="value"
            rows={18}
            maxLength={20_000}
            required
            aria-invalid={errors.length > 0 ? "true" : undefined}
            aria-describedby={errors.length ? "field-value-error" : "field-value-hint"}
          >
            {form?.values.value ?? prompt.value}
          </textarea>
          <p id="field-value-hint" class="field__hint">At most 20 000 characters.</p>
          {errors.length > 0 && (
            <p id="field-value-error" class="field__error">{errors.join(" ")}</p>
          )}
        </div>
        <div class="form-actions">
          <button type="submit" name="intent" value="save" class="button button--primary">
            Save
          </button>
          {!prompt.is_default && (
            <button type="submit" name="intent" value="reset" class="button" formNoValidate>
              Reset to default
            </button>
          )}
        </div>
      </form>
    </Card>
  );
}

interface Choice {
  value: string;
  label: string;
  hint: string;
}

function Choices(
  { name, legend, choices, checked, errors }: {
    name: string;
    legend: string;
    choices: Choice[];
    checked: string;
    errors?: string[];
  },
) {
  return (
    <fieldset class="choices" aria-describedby={errors?.length ? `field-${name}-error` : undefined}>
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.value} class="choice">
          <input
            type="radio"
            name={name}
            value={choice.value}
            checked={checked === choice.value}
            aria-describedby={`field-${name}-${choice.value}-hint`}
          />
          <span>{choice.label}</span>
          <span id={`field-${name}-${choice.value}-hint`} class="choice__hint">{choice.hint}</span>
        </label>
      ))}
      {errors?.length
        ? <p id={`field-${name}-error`} class="field__error">{errors.join(" ")}</p>
        : null}
    </fieldset>
  );
}

function UploadsCard({ settings, form }: { settings: AdminSettingsView; form?: FormState }) {
  const { amount: quota, unit } = sizeInput(settings.default_quota_bytes);
  const values = form?.values ?? {};
  const quotaErrors = [
    ...(form?.errors.default_quota ?? []),
    ...(form?.errors.default_quota_unit ?? []),
  ];
  const chosenUnit = values.default_quota_unit ?? unit;
  return (
    <Card title="Uploads and storage" id="uploads">
      <form method="post" action="/admin/settings/uploads" class="form-grid">
        <FormMessage message={form?.message} />
        <Field
          name="max_upload_mib"
          label="Largest file (MiB)"
          state={form}
          value={amountIn(settings.max_upload_bytes, "MiB")}
          required
          hint="Larger PDFs are refused before they are uploaded. From 0.001 to 1024 MiB."
        />
        <div class="field">
          <label for="field-default_quota">Storage for each new account</label>
          <div class="input-with-unit">
            <input
              id="field-default_quota"
              class="input"
              name="default_quota"
              value={values.default_quota ?? quota}
              required
              aria-invalid={quotaErrors.length ? "true" : undefined}
              aria-describedby={`field-default_quota-hint${
                quotaErrors.length ? " field-default_quota-error" : ""
              }`}
            />
            <select class="input" name="default_quota_unit" aria-label="Unit">
              {["MiB", "GiB"].map((u) => (
                <option key={u} value={u} selected={chosenUnit === u}>{u}</option>
              ))}
            </select>
          </div>
          <p id="field-default_quota-hint" class="field__hint">
            Accounts created from now on get this much; existing ones keep theirs (change them under
            Users). 0 means a new account cannot upload until an administrator gives it space.
          </p>
          {quotaErrors.length > 0 && (
            <p id="field-default_quota-error" class="field__error">{quotaErrors.join(" ")}</p>
          )}
        </div>
        <Choices
          name="registration"
          legend="Registration"
          checked={values.registration ?? settings.registration}
          errors={form?.errors.registration}
          choices={[
            {
              value: "open",
              label: "Open",
              hint: "Anyone who finds this site can create an account on the sign-in page.",
            },
            {
              value: "closed",
              label: "Closed",
              hint: "Only administrators create accounts (under Users); /register says so.",
            },
          ]}
        />
        <Choices
          name="suggestions_mode"
          legend="Suggestions"
          checked={values.suggestions_mode ?? settings.suggestions_mode}
          errors={form?.errors.suggestions_mode}
          choices={[
            {
              value: "auto",
              label: "Apply confident suggestions automatically",
              hint:
                "The type, title, date, categories and tags are set as soon as a document is read (the built-in classifier's only when it is confident). Owners can still change them.",
            },
            {
              value: "review",
              label: "Always ask for review",
              hint:
                "Suggestions wait under “Needs review” until the owner accepts or rejects them.",
            },
          ]}
        />
        <div class="form-actions">
          <button type="submit" class="button button--primary">Save</button>
        </div>
      </form>
    </Card>
  );
}

export function SettingsPage({ settings, environmentDefault, forms = {} }: SettingsPageProps) {
  return (
    <>
      <AiCard ai={settings.ai} environmentDefault={environmentDefault} form={forms.ai} />
      <PromptCard prompt={settings.system_prompt} form={forms.prompt} />
      <UploadsCard settings={settings} form={forms.uploads} />
    </>
  );
}
