/**
 * Who is asking. For every request (not static files or probes): a personal API token
 * (`Authorization: Bearer dv_…`), or the access cookie (a JWT whose session is checked
 * in the database, so a revoked session or a deactivated account stops at once), or —
 * when the access token has expired — the refresh cookie, rotated transparently so that
 * server-rendered pages keep working. Also the CSRF check on state-changing requests.
 */
import type { AppContext, AppMiddleware } from "../app/routing.ts";
import { clientInfo } from "../app/client_info.ts";
import type { Deps } from "../app/deps.ts";
import type { UserRow } from "../users/users_repo.ts";
import type { AccessClaims } from "./jwt.ts";
import { ForbiddenError, NotFoundError, UnauthorizedError } from "../shared/errors.ts";
import { authenticateApiToken } from "./api_tokens_service.ts";
import { CsrfError, SessionEndedError } from "./auth_errors.ts";
import { clearSessionCookies, readSessionCookies, setSessionCookies } from "./auth_cookies.ts";
import { createSessionsRepo } from "./sessions_repo.ts";
import { refreshSession } from "./sessions_service.ts";

export interface Auth {
  user: UserRow;
  /** The sign-in session (cookie auth); null for API tokens. */
  sessionId: string | null;
  apiTokenId: string | null;
  via: "session" | "api_token";
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const NO_AUTH_PREFIXES = ["/static/", "/files/"];
// The refresh endpoint rotates the refresh cookie itself; resolving here would rotate it
// first and leave the handler holding a used token.
// /theme.css is the same for everyone, and a stylesheet must never rotate a session.
const NO_AUTH_PATHS = new Set(["/health", "/ready", "/api/auth/refresh", "/theme.css"]);

function bearerToken(c: AppContext): string | null | undefined {
  const header = c.req.header("authorization");
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : null;
}

/**
 * Cookie-authenticated state changes must come from our own pages: the Origin (or, when
 * a browser sends none, the Referer) must be PUBLIC_URL. Bearer requests are exempt —
 * a cross-site page cannot set that header — and so are signed /files/ URLs.
 */
export function csrfMiddleware(): AppMiddleware {
  return async (c, next) => {
    if (
      UNSAFE_METHODS.has(c.req.method) && !c.req.path.startsWith("/files/") &&
      bearerToken(c) === undefined
    ) {
      const expected = new URL(c.var.deps.config.publicUrl).origin;
      const origin = c.req.header("origin");
      const referer = c.req.header("referer");
      const fromUs = origin !== undefined && origin !== "null"
        ? origin === expected
        : referer !== undefined && (referer === expected || referer.startsWith(expected + "/"));
      if (!fromUs) throw new CsrfError();
    }
    await next();
  };
}

/** An access token's claims, verifying its signature only the first time it is seen. */
async function verifiedClaims(deps: Deps, token: string): Promise<AccessClaims | null> {
  const cached = deps.authCache.claims(token);
  if (cached) return cached;
  const claims = await deps.jwt.verifyAccess(token);
  if (claims) deps.authCache.rememberClaims(token, claims, claims.expiresAt);
  return claims;
}

/** The active user of an active session: from the cache, or one query. */
async function sessionUser(deps: Deps, sessionId: string, userId: string): Promise<UserRow | null> {
  const cached = deps.authCache.user(sessionId);
  if (cached) return cached.id === userId ? cached : null;
  const found = await createSessionsRepo(deps.db).findActiveSessionUser(
    sessionId,
    userId,
    deps.clock.now(),
  );
  if (!found) return null;
  const { session_id: _, ...user } = found;
  deps.authCache.rememberUser(sessionId, user);
  return user;
}

async function resolveAuth(c: AppContext): Promise<Auth | null> {
  const { deps } = c.var;
  const bearer = bearerToken(c);
  if (bearer !== undefined) {
    const user = bearer ? await authenticateApiToken(deps, bearer) : null;
    if (!user) {
      throw new UnauthorizedError("The API token is not valid, has expired, or was revoked.");
    }
    return { user, sessionId: null, apiTokenId: user.api_token_id, via: "api_token" };
  }
  const cookies = readSessionCookies(c, deps.config);
  const now = deps.clock.now();
  const sessions = createSessionsRepo(deps.db);
  if (cookies.access) {
    const claims = await verifiedClaims(deps, cookies.access);
    if (claims) {
      const user = await sessionUser(deps, claims.sessionId, claims.userId);
      if (user) return { user, sessionId: claims.sessionId, apiTokenId: null, via: "session" };
    }
  }
  if (cookies.refresh) {
    try {
      const outcome = await refreshSession({
        deps,
        refreshToken: cookies.refresh,
        client: clientInfo(c, deps.config.trustProxy),
      });
      const { sessionId, userId } = outcome.kind === "rotated" ? outcome.session : outcome;
      if (outcome.kind === "rotated") setSessionCookies(c, deps.config, outcome.session);
      const user = await sessions.findActiveSessionUser(sessionId, userId, now);
      if (user) return { user, sessionId, apiTokenId: null, via: "session" };
    } catch (error) {
      if (!(error instanceof SessionEndedError)) throw error;
    }
  }
  if (cookies.access || cookies.refresh) clearSessionCookies(c, deps.config);
  return null;
}

export function authMiddleware(): AppMiddleware {
  return async (c, next) => {
    const path = c.req.path;
    if (NO_AUTH_PATHS.has(path) || NO_AUTH_PREFIXES.some((p) => path.startsWith(p))) {
      c.set("auth", null);
    } else {
      const auth = await resolveAuth(c);
      c.set("auth", auth);
      if (auth?.user.color_mode) c.set("colorMode", auth.user.color_mode);
    }
    await next();
  };
}

/**
 * The signed-in user, or 401. On pages the error handler turns the 401 into a redirect
 * to /login?next=… that brings the visitor back after signing in.
 */
export function requireUser(c: AppContext): Auth {
  const auth = c.var.auth;
  if (!auth) throw new UnauthorizedError();
  return auth;
}

/** An administrator; anyone else gets 404, as if the route did not exist (SPEC §4.2). */
export function requireAdmin(c: AppContext): Auth {
  const auth = requireUser(c);
  if (auth.user.role !== "admin") throw new NotFoundError();
  return auth;
}

/**
 * A signed-in browser session, not an API token: for changing credentials and sessions.
 * A leaked token must not be able to lock its owner out or outlive its revocation.
 */
export function requireSession(c: AppContext): Auth & { sessionId: string } {
  const auth = requireUser(c);
  if (!auth.sessionId) {
    throw new ForbiddenError(
      "auth.session_required",
      "API tokens cannot change credentials or sessions; sign in with your password for this.",
    );
  }
  return auth as Auth & { sessionId: string };
}
