import { requireUser } from "../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../lib/app/routing.ts";
import { membersHandlers } from "../../../../lib/groups/groups_http.ts";

/** A group admin manages the members of their group (anyone else: 404). */
export const handler = defineHandlers(membersHandlers(requireUser));
