/**
 * zod schemas of the user administration (SPEC §4.2): the JSON API and the HTML forms of
 * /admin/users, which send strings and are mapped onto the same shapes.
 */
import { z } from "zod";
import { emailSchema, fullNameSchema, newPasswordSchema } from "../auth/auth_schemas.ts";
import { GiB, SIZE_UNITS } from "../shared/format.ts";
/** 1 PiB: far beyond any real quota, and exact as a JS number. */
export const MAX_QUOTA_BYTES = 1024 * 1024 * GiB;

const roleSchema = z.enum(["user", "admin"], "Choose user or admin.");

export const listUsersSchema = z.object({
  q: z.string().trim().max(254, "Search for at most 254 characters.").optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100, "At most 100 users a page.").default(50),
}).strict();

export const createUserSchema = z.object({
  email: emailSchema,
  full_name: fullNameSchema,
  /** Omitted: a password is generated and returned once. */
  password: newPasswordSchema.optional(),
  role: roleSchema.default("user"),
}).strict();

/**
 * `ai_provider` as stored: null (the system default), "builtin", a configured provider's
 * name, or an http(s) base URL (see lib/classify/llm/llm_settings.ts). "" and "system"
 * mean the system default and are stored as null.
 */
export const aiProviderSchema = z.string().trim().max(2048, "At most 2048 characters.")
  .nullable()
  .transform((value) => (value === null || value === "" || value === "system" ? null : value))
  .superRefine((value, ctx) => {
    if (value === null || value === "builtin" || !/^[a-z]+:/i.test(value)) return;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "Enter a valid http(s) URL." });
      return;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      ctx.addIssue({ code: "custom", message: "Only http and https endpoints are supported." });
    } else if (url.username || url.password) {
      ctx.addIssue({
        code: "custom",
        message: "Leave credentials out of the URL: it is stored in plain text.",
      });
    }
  });

export const aiModelSchema = z.string().trim().max(200, "At most 200 characters.").nullable()
  .transform((value) => value || null);

export const quotaBytesSchema = z.number().int("Give a whole number of bytes.")
  .min(0, "The quota cannot be negative.")
  .max(MAX_QUOTA_BYTES, "At most 1 PiB.");

export const updateUserSchema = z.object({
  role: roleSchema.optional(),
  is_active: z.boolean().optional(),
  quota_limit_bytes: quotaBytesSchema.optional(),
  ai_provider: aiProviderSchema.optional(),
  ai_model: aiModelSchema.optional(),
}).strict().refine((input) => Object.keys(input).length > 0, "Say what to change.");

export type UpdateUserInput = z.output<typeof updateUserSchema>;

export const deleteUserSchema = z.object({
  confirm_email: z.string().trim().toLowerCase().max(254),
}).strict();

// HTML forms ---------------------------------------------------------------------------

/** The "Create user" form: an empty password means "generate one"; a checkbox for admin. */
export const createUserFormSchema = z.preprocess((form) => {
  const { email, full_name, password, admin } = form as Record<string, string | undefined>;
  return {
    email: email ?? "",
    full_name: full_name ?? "",
    ...(password ? { password } : {}),
    role: admin ? "admin" : "user",
  };
}, createUserSchema);

export const roleFormSchema = z.object({ role: roleSchema });

export const activeFormSchema = z.object({
  is_active: z.enum(["true", "false"]).transform((value) => value === "true"),
});

/** "1.5" "GiB" → bytes; the form names the unit, the API speaks bytes. */
export const quotaFormSchema = z.object({
  quota_amount: z.string().trim().min(1, "Enter a size.")
    .regex(/^\d+([.,]\d+)?$/, "Enter a number, such as 500 or 1.5.")
    .transform((value) => Number(value.replace(",", "."))),
  quota_unit: z.enum(["MiB", "GiB"], "Choose MiB or GiB."),
}).transform(({ quota_amount, quota_unit }, ctx) => {
  const bytes = Math.round(quota_amount * SIZE_UNITS[quota_unit]);
  if (bytes > MAX_QUOTA_BYTES) {
    ctx.addIssue({ code: "custom", path: ["quota_amount"], message: "At most 1 PiB." });
    return z.NEVER;
  }
  return { quota_limit_bytes: bytes };
});

/** The AI form: empty fields mean "the system default" and "no model of its own". */
export const aiFormSchema = z.preprocess((form) => {
  const { ai_provider, ai_model } = form as Record<string, string | undefined>;
  return { ai_provider: ai_provider ?? "", ai_model: ai_model ?? "" };
}, z.object({ ai_provider: aiProviderSchema, ai_model: aiModelSchema }));

export const deleteFormSchema = deleteUserSchema.strip();
