import { startTwoFactorSchema } from "../../../../../lib/auth/auth_schemas.ts";
import { client } from "../../../../../lib/auth/auth_http.ts";
import { requireSession } from "../../../../../lib/auth/auth_middleware.ts";
import { beginTwoFactorSetup } from "../../../../../lib/auth/two_factor_service.ts";
import { defineHandlers } from "../../../../../lib/app/routing.ts";
import { validateJson } from "../../../../../lib/shared/validation.ts";

/** Start enrolment: a new secret (manual entry), its otpauth:// URL and a QR code (SVG). */
export const handler = defineHandlers({
  async POST(c) {
    const { user } = requireSession(c);
    const { password } = await validateJson(c, startTwoFactorSchema);
    return c.json(
      await beginTwoFactorSetup({ deps: c.var.deps, user, password, client: client(c) }),
    );
  },
});
