/**
 * Brute-force protection. Failed sign-ins (wrong password, unknown e-mail, wrong 2FA
 * code) count against the e-mail address and against the client's IP, in the database so
 * that every web process sees the same counts. Past a few failures the account key is
 * locked with a back-off that doubles (30 s, 1 min, 2 min … 15 min); an IP that fails
 * very often is locked for 15 minutes. Unknown e-mails are counted like real ones, so a
 * lockout says nothing about whether an account exists.
 */
import type { Deps } from "../app/deps.ts";
import { TooManyAttemptsError } from "./auth_errors.ts";
import { createThrottleRepo, type ThrottleRow } from "./throttle_repo.ts";
import { sha256Hex } from "./tokens.ts";

interface Policy {
  /** Failures allowed before a lock. */
  free: number;
  /**
   * A failure more than this after the previous one starts the count over (failures keep
   * counting while they come closer together than this; see throttle_repo.addFailure).
   */
  windowMs: number;
  lockMs(failures: number): number;
}

export const ACCOUNT_POLICY: Policy = {
  free: 5,
  windowMs: 60 * 60_000,
  lockMs: (failures) => Math.min(15 * 60_000, 30_000 * 2 ** (failures - 5)),
};

export const IP_POLICY: Policy = {
  free: 30,
  windowMs: 15 * 60_000,
  lockMs: () => 15 * 60_000,
};

/**
 * The counters' keys. The e-mail is hashed: what someone typed into the e-mail field (a
 * password, by mistake) must not be stored in clear.
 */
async function keysFor(
  email: string,
  ip: string | null,
): Promise<{ key: string; policy: Policy }[]> {
  const keys = [{ key: `account:${await sha256Hex(email)}`, policy: ACCOUNT_POLICY }];
  if (ip) keys.push({ key: `ip:${ip}`, policy: IP_POLICY });
  return keys;
}

function secondsLeft(row: ThrottleRow, now: Date): number {
  return row.locked_until ? (row.locked_until.getTime() - now.getTime()) / 1000 : 0;
}

/** Throw 429 (with the wait) when the account or the IP is locked now. */
export async function assertNotLocked(
  { deps, email, ip }: { deps: Deps; email: string; ip: string | null },
): Promise<void> {
  const now = deps.clock.now();
  const rows = await createThrottleRepo(deps.db).get((await keysFor(email, ip)).map((k) => k.key));
  const wait = Math.max(0, ...rows.map((row) => secondsLeft(row, now)));
  if (wait > 0) throw new TooManyAttemptsError(wait);
}

/** Count a failure for the account and the IP, locking them when past their limit. */
export async function recordFailure(
  { deps, email, ip }: { deps: Deps; email: string; ip: string | null },
): Promise<void> {
  const repo = createThrottleRepo(deps.db);
  const now = deps.clock.now();
  for (const { key, policy } of await keysFor(email, ip)) {
    const row = await repo.addFailure(key, now, new Date(now.getTime() - policy.windowMs));
    if (row.failures >= policy.free) {
      await repo.setLock(key, new Date(now.getTime() + policy.lockMs(row.failures)));
    }
  }
}

/** A successful sign-in forgives the account's failures (never the IP's). */
export async function clearAccountFailures({ deps, email }: { deps: Deps; email: string }) {
  await createThrottleRepo(deps.db).clear(`account:${await sha256Hex(email)}`);
}
