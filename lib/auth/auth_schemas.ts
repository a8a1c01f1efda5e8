/**
 * zod schemas for accounts and sessions. The same schemas validate the JSON API and the
 * HTML forms (which send strings), and the password rules they apply are the ones the
 * PasswordField island shows live.
 */
import { z } from "zod";
import { PASSWORD_MAX, PASSWORD_RULES } from "./password_policy.ts";

const MESSAGES: Record<string, string> = {
  length: "Use 8 to 128 characters.",
  upper: "Add an upper-case letter.",
  lower: "Add a lower-case letter.",
  digit: "Add a digit.",
  special: "Add a special character, such as ! ? # or -.",
  common: "Avoid common words such as password, admin or qwerty.",
};

export const emailSchema = z.string().trim().toLowerCase().max(
  254,
  "That e-mail address is too long.",
)
  .pipe(z.email("Enter a valid e-mail address."));

/** A new password: every rule of the policy, each failure its own message. */
export const newPasswordSchema = z.string().max(PASSWORD_MAX * 4).superRefine((password, ctx) => {
  for (const rule of PASSWORD_RULES) {
    if (!rule.test(password)) ctx.addIssue({ code: "custom", message: MESSAGES[rule.id] });
  }
});

/** A password being checked (not set): any non-empty string of sane length. */
export const passwordSchema = z.string().min(1, "Enter your password.").max(1024);

export const fullNameSchema = z.string().trim().min(1, "Enter your name.").max(
  128,
  "Use at most 128 characters.",
);

export const registerSchema = z.object({
  email: emailSchema,
  password: newPasswordSchema,
  full_name: fullNameSchema,
}).strict();

export const loginSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter your e-mail address.").max(254),
  password: passwordSchema,
}).strict();

/** The second step: a 6-digit code from the app, or a backup code. */
export const secondFactorSchema = z.string().trim().min(1, "Enter the code.").max(64);

export const loginSecondStepSchema = z.object({
  mfa_token: z.string().min(1).max(4096),
  code: secondFactorSchema,
}).strict();

/** The HTML form of the second step: the app's code, or a backup code from the disclosure. */
export const loginSecondStepFormSchema = z.object({
  mfa_token: z.string().min(1).max(4096),
  code: z.string().trim().max(64).optional(),
  backup_code: z.string().trim().max(64).optional(),
}).transform((form, ctx) => {
  const code = form.backup_code || form.code;
  if (!code) {
    ctx.addIssue({
      code: "custom",
      path: ["code"],
      message: "Enter the 6-digit code from your app.",
    });
    return z.NEVER;
  }
  return { mfa_token: form.mfa_token, code };
});

export const changePasswordSchema = z.object({
  current_password: passwordSchema,
  new_password: newPasswordSchema,
}).strict();

export const totpCodeSchema = z.string().trim().regex(
  /^\d{6}$/,
  "Enter the 6-digit code from your app.",
);

/** Starting enrolment needs the password: a stolen session must not lock the owner out. */
export const startTwoFactorSchema = z.object({ password: passwordSchema }).strict();

export const enableTwoFactorSchema = z.object({ code: totpCodeSchema }).strict();

export const disableTwoFactorSchema = z.object({
  password: passwordSchema,
  code: secondFactorSchema,
}).strict();

export const regenerateBackupCodesSchema = z.object({ password: passwordSchema }).strict();

/** From JSON a number or null; from a form "30" or "" (never expires). */
const expiresInDays = z.preprocess(
  (
    value,
  ) => (value === "" || value === undefined
    ? null
    : typeof value === "string"
    ? Number(value)
    : value),
  z.number().int("Choose a whole number of days.").min(1).max(3650).nullable(),
);

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, "Give the token a name.").max(100, "Use at most 100 characters."),
  expires_in_days: expiresInDays.optional(),
}).strict();

export const setupSchema = registerSchema.extend({
  setup_token: z.string().trim().min(1, "Enter the setup token from the server log.").max(200),
}).strict();

/** `next=` after sign-in: a path on this site, never another origin. */
export const nextPathSchema = z.string().max(2048).regex(/^\/(?![/\\])[^\s]*$/).catch("/");
