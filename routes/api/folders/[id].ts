import { uuidParam } from "../../../lib/auth/auth_http.ts";
import { requireUser } from "../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../lib/app/routing.ts";
import {
  deleteFolder,
  folderJson,
  updateFolder,
  updateFolderSchema,
} from "../../../lib/folders/folders_service.ts";
import { validateJson } from "../../../lib/shared/validation.ts";

export const handler = defineHandlers({
  /** Rename and/or move (`parent_id`, null for the top level). */
  async PATCH(c) {
    const { user } = requireUser(c);
    const id = uuidParam(c, "id");
    const input = await validateJson(c, updateFolderSchema);
    return c.json(folderJson(await updateFolder({ deps: c.var.deps, userId: user.id, id, input })));
  },
  /** Its sub-folders and documents move up to its parent. */
  async DELETE(c) {
    const { user } = requireUser(c);
    await deleteFolder({ deps: c.var.deps, userId: user.id, id: uuidParam(c, "id") });
    return c.body(null, 204);
  },
});
