import { z } from "zod";
import { uuidParam } from "../../../../lib/auth/auth_http.ts";
import { requireUser } from "../../../../lib/auth/auth_middleware.ts";
import { defineHandlers } from "../../../../lib/app/routing.ts";
import { downloadUrl } from "../../../../lib/documents/documents_service.ts";
import { validateQuery } from "../../../../lib/shared/validation.ts";

const downloadSchema = z.object({
  inline: z.enum(["0", "1", "true", "false"]).transform((v) => v === "1" || v === "true")
    .default(false),
}).strict();

export const handler = defineHandlers({
  /** A redirect to a short-lived signed URL: attachment, or `?inline=1` to view the PDF. */
  async GET(c) {
    const { user } = requireUser(c);
    const { inline } = validateQuery(c, downloadSchema);
    const url = await downloadUrl({ deps: c.var.deps, user, id: uuidParam(c, "id"), inline });
    c.header("Cache-Control", "no-store");
    return c.redirect(url, 302);
  },
});
