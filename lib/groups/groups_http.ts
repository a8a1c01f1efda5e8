/**
 * The membership routes, served twice: under /api/admin/groups for administrators, and
 * under /api/groups for group admins. Only who may call them differs (`guard`); the
 * service decides which groups the caller manages.
 */
import type { AppContext } from "../app/routing.ts";
import { client, uuidParam } from "../auth/auth_http.ts";
import type { Auth } from "../auth/auth_middleware.ts";
import { validateJson } from "../shared/validation.ts";
import { addMember, addMemberSchema, listMembers, removeMember } from "./groups_service.ts";

type Guard = (c: AppContext) => Auth;

/** `GET` and `POST …/{id}/members`. */
export function membersHandlers(guard: Guard) {
  return {
    async GET(c: AppContext) {
      const { user } = guard(c);
      return c.json({ members: await listMembers(c.var.deps, user, uuidParam(c, "id")) });
    },
    /** Add a member by user_id or email (only administrators make group admins). */
    async POST(c: AppContext) {
      const { user } = guard(c);
      const id = uuidParam(c, "id");
      const input = await validateJson(c, addMemberSchema);
      const actor = { deps: c.var.deps, actor: user, client: client(c) };
      return c.json({ members: await addMember(actor, id, input) }, 201);
    },
  };
}

/** `DELETE …/{id}/members/{user_id}`. */
export function removeMemberHandler(guard: Guard) {
  return async (c: AppContext) => {
    const { user } = guard(c);
    const actor = { deps: c.var.deps, actor: user, client: client(c) };
    await removeMember(actor, uuidParam(c, "id"), uuidParam(c, "user_id"));
    return c.body(null, 204);
  };
}
