import { AppError, ForbiddenError, RateLimitedError, UnauthorizedError } from "../shared/errors.ts";

/** One message for a wrong password and an unknown e-mail: no account enumeration. */
export class InvalidCredentialsError extends AppError {
  constructor() {
    super("auth.invalid_credentials", 401, "The e-mail address or password is not right.");
  }
}

export class InvalidCodeError extends AppError {
  constructor() {
    super("auth.invalid_code", 401, "That code is not right, was already used, or has expired.");
  }
}

/**
 * A wrong code from a user who is signed in (turning 2FA on or off): a problem with the
 * field, not with the session — 401 would tell the client it was signed out.
 */
export class WrongCodeError extends AppError {
  constructor() {
    const message = "That code is not right, was already used, or has expired.";
    super("auth.invalid_code", 422, message, { details: { fields: [{ path: "code", message }] } });
  }
}

export class AccountDisabledError extends AppError {
  constructor() {
    super(
      "auth.account_disabled",
      403,
      "This account has been deactivated. Please contact your administrator.",
    );
  }
}

export class RegistrationClosedError extends ForbiddenError {
  constructor() {
    super(
      "auth.registration_closed",
      "Registration is closed on this DocuVault. Ask an administrator for an account.",
    );
  }
}

export class SessionEndedError extends UnauthorizedError {
  constructor() {
    super("Your session has ended. Please sign in again.", {});
  }
}

export class WrongPasswordError extends AppError {
  constructor() {
    super("auth.wrong_password", 422, "Your current password is not right.", {
      details: {
        fields: [{ path: "current_password", message: "This is not your current password." }],
      },
    });
  }
}

export class TooManyAttemptsError extends RateLimitedError {
  constructor(retryAfterSeconds: number) {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    super(
      `Too many failed attempts. Try again in ${
        retryAfterSeconds < 90 ? `${Math.ceil(retryAfterSeconds)} seconds` : `${minutes} minutes`
      }.`,
      retryAfterSeconds,
    );
  }
}

export class CsrfError extends ForbiddenError {
  constructor() {
    super("csrf.origin_mismatch", "This request did not come from DocuVault's own pages.");
  }
}
