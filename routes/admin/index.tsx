import { Layout } from "../../components/Layout.tsx";
import { servicesStatus, type ServiceStatus } from "../../lib/admin/services_status.ts";
import { renderPage } from "../../lib/app/render.tsx";
import { defineHandlers } from "../../lib/app/routing.ts";
import { requireAdmin } from "../../lib/auth/auth_middleware.ts";

function ServicesPage({ services }: { services: ServiceStatus[] }) {
  const failing = services.filter((s) => !s.ok);
  return (
    <Layout>
      <header class="page-header">
        <h1>Administration</h1>
        <p>
          {failing.length === 0
            ? "Every service is working."
            : `${failing.map((s) => s.name).join(", ")} ${
              failing.length === 1 ? "needs" : "need"
            } attention.`}
        </p>
      </header>
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
    </Layout>
  );
}

export const handler = defineHandlers({
  /** Administrators only (anyone else: 404); the state of each service, checked now. */
  async GET(c) {
    requireAdmin(c);
    return renderPage(c, <ServicesPage services={await servicesStatus(c.var.deps)} />, {
      title: "Administration",
    });
  },
});
