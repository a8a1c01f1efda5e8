import { Layout } from "../../components/Layout.tsx";
import {
  type DeadJob,
  deadJobs,
  servicesStatus,
  type ServiceStatus,
} from "../../lib/admin/services_status.ts";
import { renderPage } from "../../lib/app/render.tsx";
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
  version: string;
  uptime: string;
  notice?: string;
}

function HealthPage({ services, dead, version, uptime, notice }: HealthView) {
  const failing = services.filter((s) => !s.ok);
  return (
    <Layout>
      <header class="page-header">
        <h1>Service health</h1>
        <p>
          {failing.length === 0
            ? "Every service is working."
            : `${failing.map((s) => s.name).join(", ")} ${
              failing.length === 1 ? "needs" : "need"
            } attention.`} DocuVault {version}, running for {uptime}.
        </p>
      </header>
      {notice && <p class="alert alert--success" role="status">{notice}</p>}
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
    </Layout>
  );
}

const NOTICES: Record<string, string> = { job_retried: "The job is queued again." };

export const handler = defineHandlers({
  /** Administrators only (anyone else: 404); every service checked now, and failed jobs. */
  async GET(c) {
    requireAdmin(c);
    const { deps } = c.var;
    const [services, dead] = await Promise.all([servicesStatus(deps), deadJobs(deps)]);
    return renderPage(
      c,
      <HealthPage
        services={services}
        dead={dead}
        version={deps.version}
        uptime={formatUptime(deps.clock.now().getTime() - deps.startedAt.getTime())}
        notice={NOTICES[c.req.query("notice") ?? ""]}
      />,
      { title: "Service health" },
    );
  },
});
