/**
 * Sign-in sessions. A session gets a 15-minute access JWT and a 30-day opaque refresh
 * token (stored as SHA-256). Every refresh rotates the refresh token. Using a rotated
 * token again means it was copied: the whole session is revoked and audited — except
 * within a few seconds of the rotation, when it is the browser's own parallel requests
 * racing, which are let through without new tokens.
 */
import type { Deps } from "../app/deps.ts";
import { audit, type ClientInfo } from "../audit/audit_service.ts";
import { SessionEndedError } from "./auth_errors.ts";
import { createSessionsRepo } from "./sessions_repo.ts";
import { randomToken, sha256Hex } from "./tokens.ts";

export const SESSION_TTL_MS = 30 * 24 * 60 * 60_000;
/** How long after a rotation the old token may still be presented by the same browser. */
export const REUSE_GRACE_MS = 20_000;

export interface IssuedSession {
  sessionId: string;
  userId: string;
  access: { token: string; expiresAt: Date };
  refresh: { token: string; expiresAt: Date };
}

/** New access and refresh tokens for a session that ends at `sessionExpiresAt`. */
async function issueTokens(
  deps: Deps,
  { userId, sessionId, sessionExpiresAt }: {
    userId: string;
    sessionId: string;
    sessionExpiresAt: Date;
  },
): Promise<IssuedSession & { refreshTokenId: string }> {
  const now = deps.clock.now();
  const refreshToken = randomToken(32);
  // Rotation does not extend a session: it ends 30 days after sign-in.
  const refreshExpiresAt = sessionExpiresAt;
  const refreshTokenId = await createSessionsRepo(deps.db).addRefreshToken({
    userId,
    familyId: sessionId,
    tokenHash: await sha256Hex(refreshToken),
    expiresAt: refreshExpiresAt,
    now,
  });
  return {
    sessionId,
    userId,
    refreshTokenId,
    access: await deps.jwt.signAccess({ userId, sessionId }),
    refresh: { token: refreshToken, expiresAt: refreshExpiresAt },
  };
}

/** Start a new session (a successful sign-in). */
export async function startSession(
  { deps, userId, client }: { deps: Deps; userId: string; client: ClientInfo },
): Promise<IssuedSession> {
  const now = deps.clock.now();
  const session = await createSessionsRepo(deps.db).create({
    userId,
    userAgent: client.userAgent,
    ip: client.ip,
    now,
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
  });
  const { refreshTokenId: _, ...issued } = await issueTokens(deps, {
    userId,
    sessionId: session.id,
    sessionExpiresAt: session.expires_at,
  });
  return issued;
}

export type RefreshOutcome =
  | { kind: "rotated"; session: IssuedSession }
  /** The token was rotated a moment ago by a parallel request: valid, no new tokens. */
  | { kind: "grace"; sessionId: string; userId: string };

/** Exchange a refresh token for new tokens. Throws SessionEndedError (401). */
export async function refreshSession(
  { deps, refreshToken, client }: { deps: Deps; refreshToken: string; client: ClientInfo },
): Promise<RefreshOutcome> {
  const repo = createSessionsRepo(deps.db);
  const now = deps.clock.now();
  const found = await repo.findRefreshToken(await sha256Hex(refreshToken));
  if (!found) throw new SessionEndedError();
  const valid = found.token_revoked_at === null && found.session_revoked_at === null &&
    found.token_expires_at > now && found.session_expires_at > now && found.user_is_active;
  if (!valid) throw new SessionEndedError();

  if (found.rotated_at) {
    if (now.getTime() - found.rotated_at.getTime() <= REUSE_GRACE_MS) {
      return { kind: "grace", sessionId: found.family_id, userId: found.user_id };
    }
    await revokeForReuse(deps, found.user_id, found.family_id, client);
    throw new SessionEndedError();
  }

  const issued = await issueTokens(deps, {
    userId: found.user_id,
    sessionId: found.family_id,
    sessionExpiresAt: found.session_expires_at,
  });
  if (!(await repo.markRotated(found.token_id, issued.refreshTokenId, now))) {
    // A parallel request rotated it between our read and our write: same as the grace case.
    await repo.revokeToken(issued.refreshTokenId, now);
    return { kind: "grace", sessionId: found.family_id, userId: found.user_id };
  }
  await repo.touch(found.family_id, now, client.ip);
  const { refreshTokenId: _, ...session } = issued;
  return { kind: "rotated", session };
}

async function revokeForReuse(deps: Deps, userId: string, sessionId: string, client: ClientInfo) {
  await createSessionsRepo(deps.db).revoke(
    userId,
    sessionId,
    "refresh_token_reuse",
    deps.clock.now(),
  );
  deps.authCache.invalidateUser(userId);
  await audit(deps, {
    event: "refresh_reuse",
    userId,
    resourceId: sessionId,
    client,
    metadata: { action: "session revoked" },
  });
  deps.logger.warn("refresh token reused: session revoked", {
    user_id: userId,
    session_id: sessionId,
  });
}

/** End one of a user's sessions. Returns false when it was not theirs or already ended. */
export async function revokeSession(
  { deps, userId, sessionId, reason, client, event }: {
    deps: Deps;
    userId: string;
    sessionId: string;
    reason: string;
    client: ClientInfo;
    event: "logout" | "session_revoked";
  },
): Promise<boolean> {
  const revoked = await createSessionsRepo(deps.db).revoke(
    userId,
    sessionId,
    reason,
    deps.clock.now(),
  );
  deps.authCache.invalidateUser(userId);
  if (revoked) {
    await audit(deps, { event, userId, resourceId: sessionId, client, metadata: { reason } });
  }
  return revoked;
}

/**
 * End every session of a user but `keep` (password and 2FA changes, "sign out elsewhere",
 * an administrator's reset or deactivation — then `actorId` names the administrator).
 */
export async function revokeOtherSessions(
  { deps, userId, keep, reason, client, actorId }: {
    deps: Deps;
    userId: string;
    keep: string | null;
    reason: string;
    client: ClientInfo;
    actorId?: string | null;
  },
): Promise<number> {
  const ids = await createSessionsRepo(deps.db).revokeAll(
    userId,
    reason,
    deps.clock.now(),
    keep ?? undefined,
  );
  deps.authCache.invalidateUser(userId);
  for (const id of ids) {
    await audit(deps, {
      event: "session_revoked",
      userId,
      actorId,
      resourceId: id,
      client,
      metadata: { reason },
    });
  }
  return ids.length;
}
