import { requireUser } from "../../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../../lib/app/routing.ts";
import { removeMemberHandler } from "../../../../../lib/groups/groups_http.ts";

/** A group admin removes a member of their group (anyone else: 404). */
export const handler = defineHandlers({ DELETE: removeMemberHandler(requireUser) });
