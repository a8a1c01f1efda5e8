import { z } from "zod";
import { COLOR_MODES } from "../appearance/color_modes.ts";
import { fullNameSchema } from "../auth/auth_schemas.ts";

export const MAX_PINNED_APPS = 50;

const appIdSchema = z.string().regex(
  /^[a-z0-9][a-z0-9_-]{0,63}$/i,
  "App ids are letters, digits, - and _.",
);

/** `PATCH /api/users/me` */
export const updateMeSchema = z.object({
  full_name: fullNameSchema.optional(),
  color_mode: z.enum(COLOR_MODES).nullable().optional(),
  pinned_app_ids: z.array(appIdSchema).max(MAX_PINNED_APPS, `Pin at most ${MAX_PINNED_APPS} apps.`)
    .refine((ids) => new Set(ids).size === ids.length, "Each app can be pinned once.").optional(),
}).strict();

/** Blank form fields mean "not given". */
function optionalText(max: number, what: string) {
  return z.preprocess(
    (
      value,
    ) => (typeof value === "string" && value.trim() === ""
      ? null
      : typeof value === "string"
      ? value.trim()
      : value),
    z.string().max(max, `${what} can be at most ${max} characters.`).nullable(),
  ).default(null);
}

/**
 * `PUT /api/profile/me` (SPEC §3 limits). A factory because "not in the future" depends
 * on today's date, which comes from the injected clock.
 */
export function profileSchema(today: string) {
  return z.object({
    phone: z.preprocess(
      (
        value,
      ) => (typeof value === "string" && value.trim() === ""
        ? null
        : typeof value === "string"
        ? value.trim()
        : value),
      z.string().max(20, "A phone number can be at most 20 characters.")
        .regex(/^\+?[0-9][0-9 ()./-]{2,}$/, "Use digits, spaces and + ( ) - . / only.").nullable(),
    ).default(null),
    date_of_birth: z.preprocess(
      (value) => (value === "" ? null : value),
      z.iso.date({ error: "Use the form yyyy-mm-dd.", abort: true })
        .refine((d) => d >= "1900-01-01", "Enter a date from 1900 on.")
        .refine((d) => d <= today, "The date of birth cannot be in the future.")
        .nullable(),
    ).default(null),
    position: optionalText(128, "The position"),
    address: optionalText(255, "The address"),
  }).strict();
}
