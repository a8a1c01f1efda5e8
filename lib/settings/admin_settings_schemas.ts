/**
 * What the administrator may send to the settings API and the settings page. The page's
 * forms are turned into the API's inputs here, so both go through the same service.
 */
import { z } from "zod";
import { GiB, KiB, MiB, SIZE_UNITS } from "../shared/format.ts";

export const MIN_UPLOAD_BYTES = KiB;
export const MAX_UPLOAD_BYTES = GiB;
export const MAX_SYSTEM_PROMPT_CHARS = 20_000;

/** `""` counts as not given (JSON clients and forms both send it for "nothing"). */
const emptyToNull = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? null : value;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

const baseUrl = z.preprocess(
  emptyToNull,
  z.string({ error: "Give an http(s) address, or null for OpenAI's." }).trim()
    .max(2000, "At most 2000 characters.").refine(
      isHttpUrl,
      "Give an http:// or https:// address, e.g. http://localhost:11434/v1.",
    ).nullable(),
);

const model = z.preprocess(
  emptyToNull,
  z.string({ error: "Give the model's name, or null." }).trim()
    .max(200, "At most 200 characters.").nullable(),
);

const apiKey = z.string().trim().min(1, "Give the key, or null to remove the stored one.")
  .max(1000, "At most 1000 characters.")
  .regex(/^[\x21-\x7e]+$/, "An API key is made of printable characters without spaces.");

const modelNeeded = "Give the model's name, e.g. gpt-4o-mini or llama3.1:8b.";

/**
 * `PUT /api/admin/settings/ai`. `base_url: null` is OpenAI's endpoint; base URL and model
 * both null turn the AI off (the built-in classifier answers). `api_key` left out keeps the
 * stored key, null removes it, a string replaces it.
 */
export const aiProviderSchema = z.object({
  base_url: baseUrl,
  model,
  api_key: apiKey.nullable().optional(),
}).strict().superRefine((value, ctx) => {
  if (value.base_url !== null && value.model === null) {
    ctx.addIssue({ code: "custom", path: ["model"], message: modelNeeded });
  }
});
export type AiProviderInput = z.output<typeof aiProviderSchema>;

/** `POST /api/admin/settings/ai/test`: what is left out comes from the saved settings. */
export const aiTestSchema = z.object({
  base_url: baseUrl.optional(),
  model: model.optional(),
  api_key: apiKey.nullable().optional(),
}).strict();
export type AiTestInput = z.output<typeof aiTestSchema>;

/** The page's AI form: its fields always hold the values to save or test. */
const aiFormFields = z.object({
  base_url: z.string().default(""),
  model: z.string().default(""),
  api_key: z.string().default(""),
  remove_key: z.string().optional(),
}).transform((form): { base_url?: unknown; model?: unknown; api_key?: string | null } => ({
  base_url: form.base_url,
  model: form.model,
  // The password field is always empty when the page is shown: empty means "keep".
  api_key: form.remove_key ? null : form.api_key.trim() === "" ? undefined : form.api_key,
}));
export const aiProviderFormSchema = aiFormFields.pipe(aiProviderSchema);
export const aiTestFormSchema = aiFormFields.pipe(aiTestSchema);

/** `PATCH /api/admin/settings`: any of the scalar settings. */
export const updateSettingsSchema = z.object({
  max_upload_bytes: z.number({ error: "Give a number of bytes." })
    .int("Give a whole number of bytes.")
    .min(MIN_UPLOAD_BYTES, "At least 1 KiB (1024 bytes).")
    .max(MAX_UPLOAD_BYTES, "At most 1 GiB (1073741824 bytes).")
    .optional(),
  default_quota_bytes: z.number({ error: "Give a number of bytes." })
    .int("Give a whole number of bytes.")
    .min(0, "Give 0 or more bytes.")
    .optional(),
  registration: z.enum(["open", "closed"], { error: 'Either "open" or "closed".' }).optional(),
  suggestions_mode: z.enum(["auto", "review"], { error: 'Either "auto" or "review".' })
    .optional(),
}).strict().refine((value) => Object.values(value).some((v) => v !== undefined), {
  message: "Give at least one setting to change.",
  // Not on top of an unknown key's error.
  when: (payload) => payload.issues.length === 0,
});
export type UpdateSettingsInput = z.output<typeof updateSettingsSchema>;

/** A decimal number typed in a form ("1.5" or "1,5"). */
function decimal(message: string) {
  return z.string({ error: message }).trim().transform((text, ctx) => {
    const value = Number(text.replace(",", "."));
    if (text === "" || !Number.isFinite(value)) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return value;
  });
}

/** The page's "Uploads and storage" form, in MiB and GiB. */
export const uploadsFormSchema = z.object({
  max_upload_mib: decimal("Give a size in MiB, e.g. 50.").refine(
    (mib) => Math.round(mib * MiB) >= MIN_UPLOAD_BYTES && mib <= MAX_UPLOAD_BYTES / MiB,
    "Give a size from 0.001 to 1024 MiB.",
  ),
  default_quota: decimal("Give a size, e.g. 100.").refine(
    (value) => value >= 0,
    "Give 0 or more.",
  ),
  default_quota_unit: z.enum(["MiB", "GiB"], { error: "Choose MiB or GiB." }),
  registration: z.enum(["open", "closed"], { error: "Choose open or closed." }),
  suggestions_mode: z.enum(["auto", "review"], { error: "Choose one." }),
}).superRefine((form, ctx) => {
  if (!Number.isSafeInteger(Math.round(form.default_quota * SIZE_UNITS[form.default_quota_unit]))) {
    ctx.addIssue({ code: "custom", path: ["default_quota"], message: "That is too large." });
  }
}).transform((form): UpdateSettingsInput => ({
  max_upload_bytes: Math.round(form.max_upload_mib * MiB),
  default_quota_bytes: Math.round(form.default_quota * SIZE_UNITS[form.default_quota_unit]),
  registration: form.registration,
  suggestions_mode: form.suggestions_mode,
}));

const promptText = z.string({ error: "Give the prompt's text." })
  // Browsers send a textarea's line breaks as CRLF.
  .transform((text) => text.replaceAll("\r\n", "\n"))
  .pipe(
    z.string().trim().min(1, "The prompt cannot be empty.").max(
      MAX_SYSTEM_PROMPT_CHARS,
      "At most 20 000 characters.",
    ),
  );

/** `PUT /api/admin/settings/system-prompt`. */
export const systemPromptSchema = z.object({ value: promptText }).strict();
export type SystemPromptInput = z.output<typeof systemPromptSchema>;
/** The page's prompt form (which also sends the button pressed). */
export const systemPromptFormSchema = z.object({ value: promptText });
