import { client } from "../../../../lib/auth/auth_http.ts";
import { requireUser } from "../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../lib/app/routing.ts";
import {
  configurableApp,
  getAppSettings,
  updateAppSettings,
} from "../../../../lib/apps/apps_service.ts";
import { validateJson } from "../../../../lib/shared/validation.ts";
import { z } from "zod";

/** The body is checked against the app's own settings schema by the service. */
const anyJson = z.unknown();

export const handler = defineHandlers({
  /** The app's settings and their schema: administrators and `{id}-admin` members (else 404). */
  async GET(c) {
    const { user } = requireUser(c);
    const { app: _, ...view } = await getAppSettings(c.var.deps, user, c.req.param("id")!);
    return c.json(view);
  },
  /** Replace the settings (left-out ones take their defaults); 422 names the bad fields. */
  async PUT(c) {
    const { user } = requireUser(c);
    const id = c.req.param("id")!;
    const actor = { deps: c.var.deps, actor: user, client: client(c) };
    // Who may configure is checked before the body is read: others get 404, not 422.
    await configurableApp(c.var.deps, user, id);
    return c.json(await updateAppSettings(actor, id, await validateJson(c, anyJson)));
  },
});
