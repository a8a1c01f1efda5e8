/**
 * Which LLM endpoint and model classify a user's documents.
 *
 * An admin may assign a provider and a model to a user (`users.ai_provider`, `users.ai_model`);
 * otherwise the system default applies, and without one the built-in classifier does.
 * `ai_provider` holds one of:
 * - null, "" or "system": the system default endpoint (with the user's model if one is set);
 * - "builtin": always the built-in classifier, e.g. for users whose papers must not leave the
 *   server even though a cloud endpoint is configured;
 * - the name of a provider in `providers` (endpoints the admin configured by name);
 * - an http(s) base URL: a keyless endpoint such as a local Ollama (the model is then required).
 *
 * An assignment that cannot be honoured is an error, not a silent fall back to the system
 * default: an admin who routes a user to a local model may do so precisely so that their
 * documents never reach a cloud endpoint.
 */
import { ServiceUnavailableError } from "../../shared/errors.ts";

/** An endpoint and model to classify with; null means the built-in classifier. */
export interface LlmSettings {
  baseUrl?: string;
  apiKey?: string;
  model: string;
}

/** A named endpoint the admin configured; its model is the default for users assigned to it. */
export interface LlmProvider {
  baseUrl?: string;
  apiKey?: string;
  model?: string;
}

export interface ResolveLlmSettingsInput {
  user: { ai_provider: string | null; ai_model: string | null };
  /** The system default endpoint; null when none is configured. */
  systemDefault: LlmSettings | null;
  providers?: Record<string, LlmProvider>;
}

const SYSTEM = "system";
const BUILTIN = "builtin";

/** Pick the endpoint and model for one user, or null for the built-in classifier. */
export function resolveLlmSettings(
  { user, systemDefault, providers = {} }: ResolveLlmSettingsInput,
): LlmSettings | null {
  const provider = user.ai_provider?.trim() ?? "";
  const model = user.ai_model?.trim() || undefined;

  if (provider === "" || provider === SYSTEM) {
    return systemDefault && { ...systemDefault, model: model ?? systemDefault.model };
  }
  if (provider === BUILTIN) return null;

  if (Object.hasOwn(providers, provider)) {
    const named = providers[provider];
    const chosen = model ?? named.model;
    if (!chosen) throw missingModel(`the provider "${provider}"`);
    return { baseUrl: named.baseUrl, apiKey: named.apiKey, model: chosen };
  }
  if (/^https?:\/\//i.test(provider)) {
    if (!model) throw missingModel("the endpoint assigned to this account");
    return { baseUrl: provider, model };
  }
  throw new ServiceUnavailableError(
    "classify.provider_unknown",
    `The AI provider "${provider}" assigned to this account is not configured. ` +
      "Ask an administrator to assign another one.",
  );
}

function missingModel(what: string) {
  return new ServiceUnavailableError(
    "classify.not_configured",
    `No AI model is set for ${what}. Ask an administrator to assign one.`,
  );
}
