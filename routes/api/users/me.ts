import { requireUser } from "../../../lib/auth/auth_middleware.ts";
import { rememberColorMode } from "../../../lib/appearance/color_mode_cookie.ts";
import { defineHandlers } from "../../../lib/app/routing.ts";
import { validateJson } from "../../../lib/shared/validation.ts";
import { updateMeSchema } from "../../../lib/users/users_schemas.ts";
import { toPublicUser, updateMe } from "../../../lib/users/users_service.ts";

export const handler = defineHandlers({
  async GET(c) {
    const { user } = requireUser(c);
    return c.json(await toPublicUser(c.var.deps, user));
  },
  async PATCH(c) {
    const { user } = requireUser(c);
    const input = await validateJson(c, updateMeSchema);
    const updated = await updateMe({ deps: c.var.deps, userId: user.id, input });
    if (input.color_mode) rememberColorMode(c, c.var.deps.config, input.color_mode);
    return c.json(await toPublicUser(c.var.deps, updated));
  },
});
