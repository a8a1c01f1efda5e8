/**
 * Readiness: can this process serve real traffic? Each dependency is probed with a time
 * limit. The answer names the failing parts; the underlying errors (which may carry
 * host names) are only logged.
 */
import { describeError } from "../shared/errors.ts";
import { pingDatabase } from "./db.ts";
import type { Deps } from "./deps.ts";

export type CheckName = "database" | "storage" | "kv";

export interface CheckResult {
  ok: boolean;
  ms: number;
}

export interface Readiness {
  ok: boolean;
  checks: Record<CheckName, CheckResult>;
  /** Errors by check, for the log only. */
  errors: Partial<Record<CheckName, string>>;
}

async function timed(probe: () => Promise<unknown>, timeoutMs: number) {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, ms: Math.round(performance.now() - started), error: describeError(error) };
  } finally {
    clearTimeout(timer);
  }
}

export async function checkReadiness(deps: Deps, timeoutMs = 2_000): Promise<Readiness> {
  const probes: Record<CheckName, () => Promise<unknown>> = {
    database: () => pingDatabase(deps.db),
    storage: () => deps.storage.check(),
    kv: () => deps.kv.get(["health"]),
  };
  const names = Object.keys(probes) as CheckName[];
  const results = await Promise.all(names.map((name) => timed(probes[name], timeoutMs)));
  const checks = {} as Record<CheckName, CheckResult>;
  const errors: Readiness["errors"] = {};
  names.forEach((name, i) => {
    const { error, ...result } = results[i];
    checks[name] = result;
    if (error) errors[name] = error;
  });
  return { ok: results.every((r) => r.ok), checks, errors };
}
