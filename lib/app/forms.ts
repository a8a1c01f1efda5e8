/**
 * HTML forms that work without JavaScript: the handler validates with the same zod schema
 * as the JSON API, calls the same service, and on a user error renders the form again
 * with the submitted values and the messages next to their fields.
 */
import type { z } from "zod";
import { AppError, type FieldError } from "../shared/errors.ts";
import { fieldErrors } from "../shared/validation.ts";
import type { AppContext } from "./routing.ts";

export interface FormState {
  /** What the user typed (never passwords: those are not sent back). */
  values: Record<string, string>;
  /** Messages by field name. */
  errors: Record<string, string[]>;
  /** A message for the form as a whole. */
  message?: string;
}

export const EMPTY_FORM: FormState = { values: {}, errors: {} };

const SECRET_FIELDS = /pass(word)?|code|token/i;

/** The submitted text fields (files and repeated fields ignored). */
export async function readForm(c: AppContext): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === "string") values[key] = value;
  }
  return values;
}

function byField(errors: FieldError[]): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const { path, message } of errors) (map[path || "_form"] ??= []).push(message);
  return map;
}

function kept(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !SECRET_FIELDS.test(key)));
}

/**
 * Run a form submission: parse with `schema`, then `action`. A validation failure or a
 * user-facing AppError (4xx) renders the form again through `render` with its status.
 */
export async function handleForm<S extends z.ZodType>(
  c: AppContext,
  schema: S,
  action: (input: z.output<S>, values: Record<string, string>) => Promise<Response>,
  render: (
    state: FormState,
    status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
  ) => Response | Promise<Response>,
): Promise<Response> {
  const values = await readForm(c);
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const errors = byField(fieldErrors(parsed.error));
    return await render({ values: kept(values), errors, message: errors._form?.join(" ") }, 422);
  }
  try {
    return await action(parsed.data, values);
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    const fields = (error.details as { fields?: FieldError[] } | undefined)?.fields;
    if (error.retryAfterSeconds !== undefined) {
      c.header("Retry-After", String(Math.ceil(error.retryAfterSeconds)));
    }
    return await render(
      {
        values: kept(values),
        errors: fields ? byField(fields) : {},
        message: fields ? undefined : error.message,
      },
      error.status as 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    );
  }
}
