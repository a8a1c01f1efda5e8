/**
 * The services page (SPEC §4.7): is each part of this installation working — the
 * database, the storage, the job queue and the AI endpoint — and what is it. Secrets
 * (API keys, credentials in URLs) are never part of the answer.
 */
import { sql } from "kysely";
import type { Deps } from "../app/deps.ts";
import { checkReadiness } from "../app/health.ts";
import { createJobsRepo } from "../jobs/jobs_repo.ts";
import { audit, type ClientInfo } from "../audit/audit_service.ts";
import { describeError, NotFoundError } from "../shared/errors.ts";
import type { UserRow } from "../users/users_repo.ts";

export interface ServiceStatus {
  name: string;
  ok: boolean;
  /** What it is, e.g. "PostgreSQL", "Local files". */
  kind: string;
  /** Readable facts, e.g. "3 jobs queued". */
  detail: string;
  ms: number | null;
}

const AI_PROBE_TIMEOUT_MS = 3_000;

/** The endpoint's origin and path without user info, query or fragment. */
function publicEndpoint(baseUrl: string | undefined): string {
  if (!baseUrl) return "api.openai.com";
  try {
    const url = new URL(baseUrl);
    return `${url.host}${url.pathname.replace(/\/$/, "")}`;
  } catch {
    return "an invalid URL";
  }
}

async function aiStatus(deps: Deps): Promise<ServiceStatus> {
  const settings = await deps.classifiers.systemDefault();
  if (!settings) {
    return {
      name: "AI endpoint",
      ok: true,
      kind: "Built-in classifier",
      detail: "Offline; no endpoint is configured, so no document leaves this server.",
      ms: null,
    };
  }
  const base = (settings.baseUrl ?? "https://api.openai.com/v1").replace(/\/$/, "");
  const started = performance.now();
  try {
    const response = await fetch(`${base}/models`, {
      headers: settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {},
      signal: AbortSignal.timeout(AI_PROBE_TIMEOUT_MS),
    });
    await response.body?.cancel();
    const ms = Math.round(performance.now() - started);
    return {
      name: "AI endpoint",
      ok: response.ok,
      kind: `${publicEndpoint(settings.baseUrl)} · ${settings.model}`,
      detail: response.ok
        ? "Answers."
        : response.status === 401 || response.status === 403
        ? `Refuses the API key (HTTP ${response.status}).`
        : `Answers HTTP ${response.status}.`,
      ms,
    };
  } catch (error) {
    deps.logger.warn("AI endpoint probe failed", { error: describeError(error) });
    return {
      name: "AI endpoint",
      ok: false,
      kind: `${publicEndpoint(settings.baseUrl)} · ${settings.model}`,
      detail: (error as Error).name === "TimeoutError"
        ? `No answer within ${AI_PROBE_TIMEOUT_MS / 1000} s.`
        : "Cannot be reached.",
      ms: Math.round(performance.now() - started),
    };
  }
}

async function jobCounts(deps: Deps): Promise<Record<string, number>> {
  const rows = await sql<{ status: string; n: number }>`
    select status, count(*)::int as n from jobs
    where status in ('queued', 'running', 'dead') group by status
  `.execute(deps.db);
  return Object.fromEntries(rows.rows.map((r) => [r.status, Number(r.n)]));
}

export async function servicesStatus(deps: Deps): Promise<ServiceStatus[]> {
  const [readiness, jobs, ai] = await Promise.all([
    checkReadiness(deps),
    jobCounts(deps).catch(() => null),
    aiStatus(deps),
  ]);
  const { database, storage, kv } = readiness.checks;
  const clustered = deps.config.mode === "clustered";
  return [
    {
      name: "Database",
      ok: database.ok,
      kind: clustered ? "PostgreSQL" : "Embedded PostgreSQL (PGlite)",
      detail: database.ok ? "Answers." : "Does not answer; see the server log.",
      ms: database.ms,
    },
    {
      name: "Storage",
      ok: storage.ok,
      kind: deps.storage.driver === "s3" ? "S3-compatible" : "Local files",
      detail: storage.ok ? "Reachable." : "Not reachable; see the server log.",
      ms: storage.ms,
    },
    {
      name: "Job queue",
      ok: kv.ok && jobs !== null,
      kind: `Deno KV · ${deps.config.workers} worker${deps.config.workers === 1 ? "" : "s"} here`,
      detail: jobs
        ? `${jobs.queued ?? 0} queued, ${jobs.running ?? 0} running, ${
          jobs.dead ?? 0
        } failed for good.`
        : "The job table cannot be read.",
      ms: kv.ms,
    },
    ai,
  ];
}

export interface DeadJob {
  id: string;
  kind: string;
  attempts: number;
  last_error: string | null;
  finished_at: string | null;
}

/** The latest jobs that failed for good (at most `limit`). */
export async function deadJobs(deps: Deps, limit = 20): Promise<DeadJob[]> {
  return (await createJobsRepo(deps.db).listDead(limit)).map((job) => ({
    ...job,
    finished_at: job.finished_at ? new Date(job.finished_at).toISOString() : null,
  }));
}

/** Run a dead job again with a fresh set of attempts. */
export async function retryDeadJob(
  { deps, actor, client }: { deps: Deps; actor: UserRow; client?: ClientInfo },
  id: string,
): Promise<void> {
  if (!(await createJobsRepo(deps.db).requeueDead(id))) {
    throw new NotFoundError("jobs.not_dead", "No failed job with this id.");
  }
  await deps.queue.dispatch(id);
  await audit(deps, { event: "job_retried", actorId: actor.id, resourceId: id, client });
}
