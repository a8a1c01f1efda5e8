/**
 * The administrator's settings (SPEC §4.7, issue #6): the AI provider with its "test
 * connection", the classifier's system prompt, upload and quota limits, registration and
 * how suggestions are applied. Every change is audited as `settings_change` with the
 * changed keys and their old and new values — except the API key, which is stored
 * encrypted, only ever shown masked, and audited as "changed" or "cleared".
 */
import type { Kysely } from "kysely";
import type { Database } from "../app/db_schema.ts";
import type { Deps } from "../app/deps.ts";
import { audit, type AuditValue, type ClientInfo } from "../audit/audit_service.ts";
import { DEFAULT_SYSTEM_PROMPT } from "../classify/llm/default_prompt.ts";
import { DEFAULT_BASE_URL } from "../classify/llm/llm_client.ts";
import { type LlmProbeResult, probeLlmEndpoint } from "../classify/llm/llm_probe.ts";
import type { LlmSettings } from "../classify/llm/llm_settings.ts";
import { AppError, ValidationError } from "../shared/errors.ts";
import type { UserRow } from "../users/users_repo.ts";
import type {
  AiProviderInput,
  AiTestInput,
  SystemPromptInput,
  UpdateSettingsInput,
} from "./admin_settings_schemas.ts";
import {
  loadRegistrationMode,
  type RegistrationMode,
  rememberRegistrationMode,
} from "./registration_mode.ts";
import { getSetting, resetSetting, setSetting, type SettingValue } from "./settings_service.ts";

export interface ApiKeyView {
  set: boolean;
  /** "••••••••3f9a" (the last four only for keys of 12 characters or more). */
  masked: string | null;
  /** Present when a stored key cannot be decrypted (ENCRYPTION_KEY changed). */
  unreadable?: true;
}

export interface AiSettingsView {
  base_url: string | null;
  model: string | null;
  api_key: ApiKeyView;
  /** Where these come from: saved here, the OPENAI_* variables, or nowhere (built-in only). */
  source: "settings" | "environment" | "none";
}

export interface SystemPromptView {
  value: string;
  is_default: boolean;
  default: string;
}

export interface AdminSettingsView {
  ai: AiSettingsView;
  system_prompt: SystemPromptView;
  max_upload_bytes: number;
  default_quota_bytes: number;
  registration: RegistrationMode;
  suggestions_mode: "auto" | "review";
}

export interface SettingsActor {
  deps: Deps;
  actor: UserRow;
  client?: ClientInfo;
}

type StoredAi = NonNullable<SettingValue<"ai_provider">>;

const MASK = "••••••••";

/** A key as it may be shown: never more than its last four characters. */
export function maskApiKey(key: string): string {
  return key.length >= 12 ? `${MASK}${key.slice(-4)}` : MASK;
}

async function keyView(deps: Deps, encrypted: string | null): Promise<ApiKeyView> {
  if (!encrypted) return { set: false, masked: null };
  try {
    return { set: true, masked: maskApiKey(await deps.secrets.encryptor.decrypt(encrypted)) };
  } catch (error) {
    deps.logger.warn("the stored AI API key cannot be decrypted", { error: String(error) });
    return { set: true, masked: MASK, unreadable: true };
  }
}

/** The AI provider as it applies now, with the key masked. */
export async function getAiSettings(deps: Deps): Promise<AiSettingsView> {
  const stored = await getSetting(deps, "ai_provider");
  if (stored) {
    return {
      base_url: stored.base_url,
      model: stored.model,
      api_key: await keyView(deps, stored.api_key_encrypted),
      source: "settings",
    };
  }
  const env = deps.config.openai;
  if (env) {
    return {
      base_url: env.baseUrl ?? null,
      model: env.model,
      api_key: env.apiKey ? { set: true, masked: maskApiKey(env.apiKey) } : {
        set: false,
        masked: null,
      },
      source: "environment",
    };
  }
  return { base_url: null, model: null, api_key: { set: false, masked: null }, source: "none" };
}

export async function getSystemPrompt(deps: Pick<Deps, "db">): Promise<SystemPromptView> {
  const stored = await getSetting(deps, "llm_system_prompt");
  return {
    value: stored ?? DEFAULT_SYSTEM_PROMPT,
    is_default: stored === null,
    default: DEFAULT_SYSTEM_PROMPT,
  };
}

/** Every setting of the settings page (`GET /api/admin/settings`). */
export async function getAdminSettings(deps: Deps): Promise<AdminSettingsView> {
  const [ai, systemPrompt, maxUpload, defaultQuota, registration, suggestions] = await Promise
    .all([
      getAiSettings(deps),
      getSystemPrompt(deps),
      getSetting(deps, "max_upload_bytes"),
      getSetting(deps, "default_quota_bytes"),
      loadRegistrationMode(deps),
      getSetting(deps, "suggestions_mode"),
    ]);
  return {
    ai,
    system_prompt: systemPrompt,
    max_upload_bytes: maxUpload,
    default_quota_bytes: defaultQuota,
    registration,
    suggestions_mode: suggestions,
  };
}

function auditChange(
  { deps, actor, client }: SettingsActor,
  metadata: { keys: string[] } & Record<string, AuditValue>,
  db: Kysely<Database> = deps.db,
) {
  return audit(deps, { event: "settings_change", actorId: actor.id, client, metadata }, db);
}

/** `PATCH /api/admin/settings`: writes (and audits) only the values that change. */
export async function updateSettings(
  who: SettingsActor,
  input: UpdateSettingsInput,
): Promise<AdminSettingsView> {
  const { deps, actor } = who;
  const current = await getAdminSettings(deps);
  const keys =
    (["max_upload_bytes", "default_quota_bytes", "registration", "suggestions_mode"] as const)
      .filter((key) => input[key] !== undefined && input[key] !== current[key]);
  if (keys.length === 0) return current;
  const old: Record<string, AuditValue> = {};
  const next: Record<string, AuditValue> = {};
  await deps.db.transaction().execute(async (trx) => {
    for (const key of keys) {
      old[key] = current[key];
      next[key] = input[key]!;
      await setSetting({ db: trx }, key, input[key]!, actor.id);
    }
    await auditChange(who, { keys: [...keys], old, new: next }, trx);
  });
  if (input.registration && keys.includes("registration")) {
    rememberRegistrationMode(deps, input.registration);
  }
  return await getAdminSettings(deps);
}

async function decryptStoredKey(deps: Deps, stored: StoredAi | null): Promise<string | null> {
  if (!stored?.api_key_encrypted) return null;
  try {
    return await deps.secrets.encryptor.decrypt(stored.api_key_encrypted);
  } catch {
    return null; // unreadable: any new key is a change
  }
}

/**
 * `PUT /api/admin/settings/ai`: the system-default endpoint, model and key. The key left
 * out is kept, null removes it, a string replaces it (stored encrypted).
 */
export async function saveAiSettings(
  who: SettingsActor,
  input: AiProviderInput,
): Promise<AiSettingsView> {
  const { deps, actor } = who;
  const stored = await getSetting(deps, "ai_provider");
  const before = { base_url: stored?.base_url ?? null, model: stored?.model ?? null };
  const after = { base_url: input.base_url, model: input.model };
  let encrypted = stored?.api_key_encrypted ?? null;
  const aiOff = input.base_url === null && input.model === null;
  if (input.api_key === undefined && encrypted && !aiOff) {
    assertSameEndpoint(stored?.base_url, input.base_url);
  }
  let keyChange: "changed" | "cleared" | null = null;
  if (input.api_key === null && encrypted) {
    encrypted = null;
    keyChange = "cleared";
  } else if (typeof input.api_key === "string") {
    if ((await decryptStoredKey(deps, stored)) !== input.api_key) {
      encrypted = await deps.secrets.encryptor.encrypt(input.api_key);
      keyChange = "changed";
    }
  }
  const keys = (["base_url", "model"] as const).filter((key) => before[key] !== after[key])
    .map((key) => `ai.${key}`);
  if (keyChange) keys.push("ai.api_key");
  // Saving the values the environment gives also counts: from now on they are the settings.
  if (keys.length === 0 && stored) return await getAiSettings(deps);
  await deps.db.transaction().execute(async (trx) => {
    await setSetting(
      { db: trx },
      "ai_provider",
      { ...after, api_key_encrypted: encrypted },
      actor.id,
    );
    await auditChange(who, {
      keys: keys.length ? keys : ["ai"],
      old: before,
      new: after,
      ...(keyChange ? { api_key: keyChange } : {}),
    }, trx);
  });
  return await getAiSettings(deps);
}

/** `DELETE /api/admin/settings/ai`: back to the OPENAI_* variables, or the built-in classifier. */
export async function resetAiSettings(who: SettingsActor): Promise<AiSettingsView> {
  const { deps } = who;
  const stored = await getSetting(deps, "ai_provider");
  if (!stored) return await getAiSettings(deps);
  await deps.db.transaction().execute(async (trx) => {
    await resetSetting({ db: trx }, "ai_provider");
    await auditChange(who, {
      keys: ["ai"],
      reset: true,
      old: { base_url: stored.base_url, model: stored.model },
      ...(stored.api_key_encrypted ? { api_key: "cleared" } : {}),
    }, trx);
  });
  return await getAiSettings(deps);
}

function origin(baseUrl: string | null | undefined): string {
  try {
    return new URL(baseUrl || DEFAULT_BASE_URL).origin;
  } catch {
    return "";
  }
}

/**
 * A stored key is only ever sent to the server it was entered for: otherwise anyone who
 * gets hold of an admin session could point the endpoint at their own server and receive
 * the key the app never shows. Another server needs its key typed in again.
 */
function assertSameEndpoint(keyFor: string | null | undefined, next: string | null | undefined) {
  const known = origin(keyFor);
  if (known === origin(next)) return;
  const host = known ? new URL(known).host : "the server it was entered for";
  throw new ValidationError([{
    path: "api_key",
    message: `The stored key is only sent to ${host}. ` +
      "Enter the key for this server, or remove the stored key.",
  }]);
}

/** The saved endpoint (decrypted key), or a 422 naming the key when it cannot be read. */
async function effectiveAi(deps: Deps): Promise<LlmSettings | null> {
  try {
    return await deps.classifiers.systemDefault();
  } catch (error) {
    if (error instanceof AppError && error.code === "crypto.unreadable") {
      throw new ValidationError([{
        path: "api_key",
        message: "The stored key cannot be read (was ENCRYPTION_KEY changed?). Enter it again.",
      }]);
    }
    throw error;
  }
}

/**
 * `POST /api/admin/settings/ai/test`: one real question to the endpoint, with the values
 * given, the saved ones filling what is left out — so a provider can be tried before it is
 * saved. Errors are the classifier's (502 unreachable or key refused, 504 timeout); 422
 * when there is no model to ask.
 */
export async function testAiConnection(
  deps: Deps,
  input: AiTestInput,
  { timeoutMs = deps.config.aiTestTimeoutMs }: { timeoutMs?: number } = {},
): Promise<LlmProbeResult> {
  const needsSaved = input.base_url === undefined || input.model === undefined ||
    input.api_key === undefined;
  const saved = needsSaved ? await effectiveAi(deps) : null;
  const baseUrl = input.base_url === undefined ? saved?.baseUrl : input.base_url ?? undefined;
  const model = input.model === undefined ? saved?.model : input.model ?? undefined;
  if (input.api_key === undefined && saved?.apiKey && input.base_url !== undefined) {
    assertSameEndpoint(saved.baseUrl, input.base_url);
  }
  const apiKey = input.api_key === undefined ? saved?.apiKey : input.api_key ?? undefined;
  if (!model) {
    throw new ValidationError(
      [{ path: "model", message: "Give the model to ask (and the endpoint's base URL)." }],
      "Nothing to test: no AI endpoint is configured. Enter a base URL and a model.",
    );
  }
  const logger = deps.logger.child({ component: "ai_test" });
  try {
    const result = await probeLlmEndpoint({ baseUrl, apiKey, model, timeoutMs, logger });
    logger.info("AI connection test passed", { latency_ms: result.latency_ms });
    return result;
  } catch (error) {
    logger.info("AI connection test failed", {
      code: error instanceof AppError ? error.code : "unknown",
    });
    throw error;
  }
}

/** `PUT /api/admin/settings/system-prompt`; the default text itself is stored as "default". */
export async function saveSystemPrompt(
  who: SettingsActor,
  input: SystemPromptInput,
): Promise<SystemPromptView> {
  const value = input.value === DEFAULT_SYSTEM_PROMPT.trim() ? null : input.value;
  return await changeSystemPrompt(who, value);
}

/** `DELETE /api/admin/settings/system-prompt`: back to the built-in prompt. */
export async function resetSystemPrompt(who: SettingsActor): Promise<SystemPromptView> {
  return await changeSystemPrompt(who, null);
}

async function changeSystemPrompt(
  who: SettingsActor,
  value: string | null,
): Promise<SystemPromptView> {
  const { deps, actor } = who;
  const before = await getSetting(deps, "llm_system_prompt");
  if (before !== value) {
    await deps.db.transaction().execute(async (trx) => {
      if (value === null) await resetSetting({ db: trx }, "llm_system_prompt");
      else await setSetting({ db: trx }, "llm_system_prompt", value, actor.id);
      // null: the built-in default prompt.
      await auditChange(who, {
        keys: ["system_prompt"],
        old: { system_prompt: before },
        new: { system_prompt: value },
      }, trx);
    });
  }
  return await getSystemPrompt(deps);
}
