import { requireAdmin } from "../../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../../lib/app/routing.ts";
import { membersHandlers } from "../../../../../lib/groups/groups_http.ts";

/** An administrator manages the members of any group (anyone else: 404). */
export const handler = defineHandlers(membersHandlers(requireAdmin));
