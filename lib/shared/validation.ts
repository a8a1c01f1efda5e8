/**
 * Validation at the edge: one helper per input kind. Each returns the parsed, typed data
 * or throws — 422 with field errors when the data is wrong, 400 when the body is not
 * JSON at all, 415 when it is not JSON or a form. Services only ever see parsed data.
 */
import type { Context } from "hono";
import { z } from "zod";
import {
  AppError,
  BadRequestError,
  type FieldError,
  UnsupportedMediaTypeError,
  ValidationError,
} from "./errors.ts";

/** Turn zod issues into `{ path, message }` pairs with dotted paths. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
}

export function parseOrThrow<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw new ValidationError(fieldErrors(result.error));
  return result.data;
}

function mediaType(c: Context): string {
  return (c.req.header("content-type") ?? "").split(";")[0].trim().toLowerCase();
}

/** Read the body as text; a body-limit breach surfaces as the AppError it is. */
async function readText(c: Context): Promise<string> {
  try {
    return await c.req.text();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new BadRequestError("request.unreadable_body", "The request body could not be read.");
  }
}

export async function validateJson<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<z.output<S>> {
  const type = mediaType(c);
  if (type !== "application/json" && !type.endsWith("+json")) {
    throw new UnsupportedMediaTypeError(
      "request.unsupported_media_type",
      "Send the request body as JSON (Content-Type: application/json).",
    );
  }
  const text = await readText(c);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BadRequestError(
      "request.malformed_json",
      `The request body is not valid JSON: ${(error as Error).message}`,
    );
  }
  return parseOrThrow(schema, data);
}

/**
 * Query parameters: a key given once is a string, a key given several times an array
 * (`?tag=a&tag=b`). Schemas coerce numbers and booleans themselves.
 */
export function validateQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const query: Record<string, string | string[]> = {};
  for (const [key, values] of Object.entries(c.req.queries())) {
    query[key] = values.length === 1 ? values[0] : values;
  }
  return parseOrThrow(schema, query);
}

export function validateParams<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  return parseOrThrow(schema, c.req.param());
}

/** An url-encoded or multipart form. Repeated fields become arrays; files stay File objects. */
export async function validateForm<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<z.output<S>> {
  const type = mediaType(c);
  if (type !== "application/x-www-form-urlencoded" && type !== "multipart/form-data") {
    throw new UnsupportedMediaTypeError(
      "request.unsupported_media_type",
      "Send the request body as a form.",
    );
  }
  let body: Record<string, unknown>;
  try {
    body = await c.req.parseBody({ all: true });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new BadRequestError("request.malformed_form", "The form data could not be read.");
  }
  return parseOrThrow(schema, body);
}
