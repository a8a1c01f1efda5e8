/**
 * Admin settings with their defaults (the admin pages of a later issue edit them). Each
 * key has a zod schema: a stored value that no longer fits falls back to the default
 * instead of breaking uploads or the pipeline.
 */
import { z } from "zod";
import type { Deps } from "../app/deps.ts";
import { MiB } from "../shared/format.ts";
import { createSettingsRepo } from "./settings_repo.ts";

export const SETTINGS = {
  /** Largest PDF accepted (SPEC §4.3: default 50 MiB). */
  max_upload_bytes: { schema: z.number().int().min(1024).max(1024 * MiB), default: 50 * MiB },
  /** Quota of a new account. */
  default_quota_bytes: { schema: z.number().int().min(0), default: 100 * MiB },
  /** "auto": apply suggestions (the built-in classifier's only when confident); "review": always ask. */
  suggestions_mode: { schema: z.enum(["auto", "review"]), default: "auto" as "auto" | "review" },
  /**
   * Whether anyone may create an account. Unset (null) follows the REGISTRATION variable;
   * read it through lib/settings/registration_mode.ts, which caches it for the pages.
   */
  registration: {
    schema: z.enum(["open", "closed"]),
    default: null as "open" | "closed" | null,
  },
  /** The built-in classifier's answers below this confidence wait for review. */
  builtin_auto_apply_confidence: { schema: z.number().min(0).max(1), default: 0.6 },
  /** Replaces the LLM classifier's default system prompt when set. */
  llm_system_prompt: {
    schema: z.string().min(1).max(20_000).nullable(),
    default: null as string | null,
  },
  /**
   * The system-default AI endpoint, replacing the OPENAI_* variables when set; the API key
   * is stored encrypted (AES-GCM with the instance key). `model: null` with no base URL
   * turns the LLM off: the built-in classifier answers then.
   */
  ai_provider: {
    schema: z.object({
      base_url: z.url().nullable(),
      model: z.string().trim().min(1).max(200).nullable(),
      api_key_encrypted: z.string().nullable(),
    }).nullable(),
    default: null as
      | { base_url: string | null; model: string | null; api_key_encrypted: string | null }
      | null,
  },
  /** The theme everyone sees, and the colour mode of whoever has not chosen one. */
  appearance: {
    schema: z.object({
      active_theme: z.string().min(1).max(48),
      default_color_mode: z.enum(["light", "dark", "system"]),
    }),
    default: { active_theme: "default", default_color_mode: "system" } as {
      active_theme: string;
      default_color_mode: "light" | "dark" | "system";
    },
  },
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = (typeof SETTINGS)[K]["default"];

export async function getSetting<K extends SettingKey>(
  deps: Pick<Deps, "db">,
  key: K,
): Promise<SettingValue<K>> {
  const stored = await createSettingsRepo(deps.db).get(key);
  if (stored === undefined) return SETTINGS[key].default;
  const parsed = SETTINGS[key].schema.safeParse(stored);
  return (parsed.success ? parsed.data : SETTINGS[key].default) as SettingValue<K>;
}

export async function setSetting<K extends SettingKey>(
  deps: Pick<Deps, "db">,
  key: K,
  value: SettingValue<K>,
  actorId: string | null,
): Promise<void> {
  await createSettingsRepo(deps.db).set(key, SETTINGS[key].schema.parse(value), actorId);
}

/** Forget the stored value, so that the default applies again; false if none was stored. */
export async function resetSetting(deps: Pick<Deps, "db">, key: SettingKey): Promise<boolean> {
  return await createSettingsRepo(deps.db).delete(key);
}
