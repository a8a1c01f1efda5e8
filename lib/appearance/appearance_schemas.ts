import { z } from "zod";
import { COLOR_MODES } from "./color_modes.ts";

export const colorModeSchema = z.enum(COLOR_MODES, {
  error: () => `Choose one of: ${COLOR_MODES.join(", ")}.`,
});

/** `POST /api/preferences` */
export const preferencesSchema = z.object({ color_mode: colorModeSchema }).strict();

/** A path on this site to send the browser back to; never another origin. */
export const localPathSchema = z.string().max(2048).regex(
  /^\/(?![/\\])[^\s]*$/,
  "Must be a path on this site.",
);

/** `POST /preferences` (the no-JavaScript form of the colour-mode switch). */
export const preferencesFormSchema = z.object({
  color_mode: colorModeSchema,
  return_to: localPathSchema.optional(),
});
