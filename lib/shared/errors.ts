/**
 * One error type for the whole application. Handlers and services only throw;
 * the app's `onError` turns an `AppError` into the SPEC §5 JSON shape (or the
 * error page for HTML routes). Anything that is not an `AppError` is treated as
 * a bug: logged with the request id and answered with a generic 500.
 */

/** The HTTP statuses SPEC §5 allows errors to carry. */
export type ErrorStatus =
  | 400
  | 401
  | 403
  | 404
  | 409
  | 413
  | 415
  | 416
  | 422
  | 429
  | 500
  | 502
  | 503
  | 504;

export interface AppErrorOptions {
  /** Extra machine-readable data for the client (field errors, quota figures …). */
  details?: unknown;
  /** Whether `message` may be shown to the client. Defaults to true for statuses < 500. */
  expose?: boolean;
  /** Seconds the client should wait before retrying (sets `Retry-After`). */
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: string;
  readonly status: ErrorStatus;
  readonly details?: unknown;
  readonly expose: boolean;
  readonly retryAfterSeconds?: number;

  constructor(code: string, status: ErrorStatus, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.status = status;
    this.details = options.details;
    this.expose = options.expose ?? status < 500;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export class BadRequestError extends AppError {
  constructor(code: string, message: string, options?: AppErrorOptions) {
    super(code, 400, message, options);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = "Sign in to continue.", options?: AppErrorOptions) {
    super("auth.unauthorized", 401, message, options);
  }
}

export class ForbiddenError extends AppError {
  constructor(code: string, message: string, options?: AppErrorOptions) {
    super(code, 403, message, options);
  }
}

export class NotFoundError extends AppError {
  constructor(code = "not_found", message = "Not found.", options?: AppErrorOptions) {
    super(code, 404, message, options);
  }
}

export class ConflictError extends AppError {
  constructor(code: string, message: string, options?: AppErrorOptions) {
    super(code, 409, message, options);
  }
}

/** A unique constraint was violated; repositories translate SQLSTATE 23505 into this. */
export class AlreadyExistsError extends ConflictError {
  constructor(message = "That already exists.", options?: AppErrorOptions) {
    super("already_exists", message, options);
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(code: string, message: string, options?: AppErrorOptions) {
    super(code, 413, message, options);
  }
}

export class UnsupportedMediaTypeError extends AppError {
  constructor(code: string, message: string, options?: AppErrorOptions) {
    super(code, 415, message, options);
  }
}

/** One field-level problem in a request, as returned under `details.fields`. */
export interface FieldError {
  /** Dotted path of the field (`address.city`, `items.0.name`); empty for the whole input. */
  path: string;
  message: string;
}

export class ValidationError extends AppError {
  readonly fields: FieldError[];

  constructor(fields: FieldError[], message = "Some fields are not valid.") {
    super("validation_failed", 422, message, { details: { fields } });
    this.fields = fields;
  }
}

export class RateLimitedError extends AppError {
  constructor(message: string, retryAfterSeconds: number, options?: AppErrorOptions) {
    super("rate_limited", 429, message, { ...options, retryAfterSeconds });
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(code: string, message: string, options?: AppErrorOptions) {
    super(code, 503, message, { expose: true, ...options });
  }
}

/** The JSON body SPEC §5 prescribes for every error answer. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** The generic answer for anything that is not a known, exposable error. */
export const INTERNAL_ERROR_MESSAGE = "Something went wrong on our side. Please try again.";

/** Build the SPEC §5 error body for an error, hiding what must not reach the client. */
export function toErrorBody(error: AppError): ErrorBody {
  const message = error.expose ? error.message : INTERNAL_ERROR_MESSAGE;
  const body: ErrorBody = { error: { code: error.code, message } };
  if (error.expose && error.details !== undefined) body.error.details = error.details;
  return body;
}

/** A readable one-line description of any thrown value, for logs and job records. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === "string") return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}
