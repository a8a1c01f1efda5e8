import { requireUser } from "../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../lib/app/routing.ts";
import {
  createFolder,
  createFolderSchema,
  folderJson,
  folderTree,
} from "../../lib/folders/folders_service.ts";
import { validateJson } from "../../lib/shared/validation.ts";

export const handler = defineHandlers({
  async GET(c) {
    const { user } = requireUser(c);
    return c.json({ folders: await folderTree(c.var.deps, user.id) });
  },
  async POST(c) {
    const { user } = requireUser(c);
    const input = await validateJson(c, createFolderSchema);
    return c.json(
      folderJson(await createFolder({ deps: c.var.deps, userId: user.id, input })),
      201,
    );
  },
});
