/**
 * Who-is-signed-in caches, so that an authenticated request costs about what an
 * anonymous one does. Two maps:
 * - verified access tokens → their claims. A token's signature never changes, so this
 *   is safe for as long as the token is valid; expiry is checked on every hit. Claims
 *   only say who the token was issued to: the session is still checked below.
 * - session (or API token) → the signed-in user, for a few seconds. Dropped at once when
 *   the account changes: by the services that change it (this process), and by the
 *   `docuvault_auth` NOTIFY that database triggers send on every change (all processes).
 */
import type { Clock } from "../shared/clock.ts";
import type { UserRow } from "../users/users_repo.ts";
import type { AccessClaims } from "./jwt.ts";

export const AUTH_CHANNEL = "docuvault_auth";

interface CachedUser {
  user: UserRow;
  cachedAt: number;
}

export interface AuthCache {
  claims(token: string): AccessClaims | undefined;
  rememberClaims(token: string, claims: AccessClaims, expiresAt: Date): void;
  /** The user behind a session id or API token hash, when cached and fresh. */
  user(key: string): UserRow | undefined;
  rememberUser(key: string, user: UserRow): void;
  /** Forget everything cached for this account. */
  invalidateUser(userId: string): void;
  clear(): void;
}

export function createAuthCache(
  { clock, ttlMs = 5_000, maxEntries = 10_000 }: {
    clock: Clock;
    ttlMs?: number;
    maxEntries?: number;
  },
): AuthCache {
  const claims = new Map<string, { claims: AccessClaims; expiresAt: number }>();
  const users = new Map<string, CachedUser>();
  const keysByUser = new Map<string, Set<string>>();

  function bound<K, V>(map: Map<K, V>) {
    // Maps keep insertion order: the first key is the oldest.
    while (map.size > maxEntries) map.delete(map.keys().next().value!);
  }

  return {
    claims(token) {
      const entry = claims.get(token);
      if (!entry) return undefined;
      if (entry.expiresAt <= clock.now().getTime()) {
        claims.delete(token);
        return undefined;
      }
      return entry.claims;
    },
    rememberClaims(token, value, expiresAt) {
      claims.set(token, { claims: value, expiresAt: expiresAt.getTime() });
      bound(claims);
    },
    user(key) {
      const entry = users.get(key);
      if (!entry) return undefined;
      if (clock.now().getTime() - entry.cachedAt >= ttlMs) {
        users.delete(key);
        return undefined;
      }
      return entry.user;
    },
    rememberUser(key, user) {
      users.set(key, { user, cachedAt: clock.now().getTime() });
      let keys = keysByUser.get(user.id);
      if (!keys) keysByUser.set(user.id, keys = new Set());
      keys.add(key);
      bound(users);
    },
    invalidateUser(userId) {
      for (const key of keysByUser.get(userId) ?? []) users.delete(key);
      keysByUser.delete(userId);
    },
    clear() {
      claims.clear();
      users.clear();
      keysByUser.clear();
    },
  };
}
