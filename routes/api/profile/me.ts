import { requireUser } from "../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../lib/app/routing.ts";
import { validateJson } from "../../../lib/shared/validation.ts";
import { profileSchema } from "../../../lib/users/users_schemas.ts";
import { getProfile, updateProfile } from "../../../lib/users/users_service.ts";

export const handler = defineHandlers({
  async GET(c) {
    const { user } = requireUser(c);
    return c.json(await getProfile(c.var.deps, user.id));
  },
  async PUT(c) {
    const { user } = requireUser(c);
    const today = c.var.deps.clock.now().toISOString().slice(0, 10);
    const input = await validateJson(c, profileSchema(today));
    return c.json(await updateProfile({ deps: c.var.deps, userId: user.id, input }));
  },
});
