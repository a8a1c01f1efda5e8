/** zod pieces of sharing: whom to share with, and how (one share, or a bulk action). */
import { z } from "zod";
import { emailSchema } from "../auth/auth_schemas.ts";

/** A recipient (an account's e-mail address or a group) and the permission. */
export const shareFields = {
  user_email: emailSchema.optional(),
  group_id: z.uuid().optional(),
  permission: z.enum(["view", "edit"]).default("view"),
};

/** Exactly one recipient: for `.refine(...oneRecipient)`. */
export const oneRecipient = [
  (v: { user_email?: string; group_id?: string }) =>
    (v.user_email === undefined) !== (v.group_id === undefined),
  { message: "Give either user_email or group_id." },
] as const;

/** `POST /api/documents/{id}/shares` */
export const createShareSchema = z.object(shareFields).strict().refine(...oneRecipient);
