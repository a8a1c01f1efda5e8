import { noticeFrom, renderAdminPage } from "../../components/admin/render_admin.tsx";
import {
  type DeadJob,
  deadJobs,
  servicesStatus,
  type ServiceStatus,
} from "../../lib/admin/services_status.ts";
import { defineHandlers } from "../../lib/app/routing.ts";
import { requireAdmin } from "../../lib/auth/auth_middleware.ts";
import { formatDate } from "../../lib/shared/format.ts";

/** "3 h 12 min", "4 d 2 h", "45 s". */
function formatUptime(ms: number): string {
  const s = Math.floor(ms / 1000);
  const [d, h, m] = [Math.floor(s / 86400), Math.floor(s / 3600) % 24, Math.floor(s / 60) % 60];
  if (d) return `${d} d ${h} h`;
  if (h) return `${h} h ${m} min`;
  return m ? `${m} min` : `${s} s`;
}

interface HealthView {
  services: ServiceStatus[];
  dead: DeadJob[];
}

/** "Every service is working. DocuVault 0.1.0, running for 3 h 12 min." */
function summary(services: ServiceStatus[], version: string, uptime: string): string {
  const failing = services.filter((s) => !s.ok);
  const state = failing.length === 0
    ? "Every service is working."
    : `${failing.map((s) => s.name).join(", ")} ${
      failing.length === 1 ? "needs" : "need"
    } attention.`;
  return `${state} DocuVault ${version}, running for ${uptime}.`;
}

function HealthPage({ services, dead }: HealthView) {
  return (
    <>
      <section class="card section-card" aria-labelledby="services-heading">
        <h2 id="services-heading">Services</h2>
        <ul class="services" role="list">
          {services.map((service) => (
            <li key={service.name} class="services__item" data-ok={String(service.ok)}>
              <span class={`badge ${service.ok ? "badge--success" : "badge--error"}`}>
                {service.ok ? "Working" : "Failing"}
              </span>
              <div class="services__body">
                <h3 class="services__name">{service.name}</h3>
                <p class="services__kind">{service.kind}</p>
                <p class="services__detail">
                  {service.detail}
                  {service.ms !== null && <span class="muted">{` · ${service.ms} ms`}</span>}
                </p>
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section class="card section-card" aria-labelledby="dead-heading">
        <h2 id="dead-heading">Failed jobs</h2>
        {dead.length === 0
          ? <p class="muted">No job has failed for good.</p>
          : (
            <ul class="services" role="list">
              {dead.map((job) => (
                <li key={job.id} class="services__item">
                  <form method="post" action={`/admin/health/jobs/${job.id}/retry`}>
                    <button type="submit" class="button button--small">Retry</button>
                  </form>
                  <div class="services__body">
                    <h3 class="services__name">{job.kind}</h3>
                    <p class="services__kind">
                      {job.attempts} attempt{job.attempts === 1 ? "" : "s"}
                      {job.finished_at ? `, gave up ${formatDate(job.finished_at)}` : ""}
                    </p>
                    {job.last_error && <p class="services__detail">{job.last_error}</p>}
                  </div>
                </li>
              ))}
            </ul>
          )}
      </section>
    </>
  );
}

const NOTICES: Record<string, string> = { job_retried: "The job is queued again." };

export const handler = defineHandlers({
  /** Administrators only (anyone else: 404); every service checked now, and failed jobs. */
  async GET(c) {
    requireAdmin(c);
    const { deps } = c.var;
    const [services, dead] = await Promise.all([servicesStatus(deps), deadJobs(deps)]);
    const uptime = formatUptime(deps.clock.now().getTime() - deps.startedAt.getTime());
    return await renderAdminPage(c, {
      title: "Service health",
      intro: summary(services, deps.version, uptime),
      notice: noticeFrom(c, NOTICES),
    }, <HealthPage services={services} dead={dead} />);
  },
});
