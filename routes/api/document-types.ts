import { requireAdmin, requireUser } from "../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../lib/app/routing.ts";
import {
  createDocumentType,
  createDocumentTypeSchema,
  listDocumentTypes,
} from "../../lib/document_types/document_types_service.ts";
import { validateJson } from "../../lib/shared/validation.ts";

export const handler = defineHandlers({
  async GET(c) {
    requireUser(c);
    return c.json({ document_types: await listDocumentTypes(c.var.deps) });
  },
  /** Admins only. */
  async POST(c) {
    requireAdmin(c);
    const input = await validateJson(c, createDocumentTypeSchema);
    await createDocumentType(c.var.deps, input);
    return c.json({ slug: input.slug, label: input.label, system: false }, 201);
  },
});
