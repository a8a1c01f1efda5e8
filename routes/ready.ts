import { checkReadiness } from "../lib/app/health.ts";
import { defineHandlers } from "../lib/app/routing.ts";
import { ServiceUnavailableError } from "../lib/shared/errors.ts";

/** Readiness: the database, storage and KV answer, and we are not shutting down. */
export const handler = defineHandlers({
  async GET(c) {
    c.header("Cache-Control", "no-store");
    if (c.var.lifecycle.shuttingDown) {
      throw new ServiceUnavailableError("not_ready", "Shutting down.", {
        details: { failing: ["shutdown"] },
      });
    }
    const readiness = await checkReadiness(c.var.deps);
    if (!readiness.ok) {
      const failing = Object.entries(readiness.checks).filter(([, r]) => !r.ok).map(([n]) => n);
      c.var.logger.warn("not ready", { failing, errors: readiness.errors });
      throw new ServiceUnavailableError(
        "not_ready",
        `Not ready: ${failing.join(", ")} unavailable.`,
        {
          details: { failing, checks: readiness.checks },
        },
      );
    }
    return c.json({ status: "ready", checks: readiness.checks });
  },
});
