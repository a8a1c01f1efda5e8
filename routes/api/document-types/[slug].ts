import { requireAdmin } from "../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../lib/app/routing.ts";
import {
  deleteDocumentType,
  updateDocumentType,
  updateDocumentTypeSchema,
} from "../../../lib/document_types/document_types_service.ts";
import { validateJson } from "../../../lib/shared/validation.ts";

/** Admins only: rename a type (its slug stays) or remove it. */
export const handler = defineHandlers({
  async PATCH(c) {
    requireAdmin(c);
    const slug = c.req.param("slug")!;
    const { label } = await validateJson(c, updateDocumentTypeSchema);
    await updateDocumentType(c.var.deps, slug, label);
    return c.json({ slug, label });
  },
  async DELETE(c) {
    requireAdmin(c);
    await deleteDocumentType(c.var.deps, c.req.param("slug")!);
    return c.body(null, 204);
  },
});
