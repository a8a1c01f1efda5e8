/** Renders an administration page inside AdminFrame; administrators only (anyone else: 404). */
import type { ComponentChildren } from "preact";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { renderPage } from "../../lib/app/render.tsx";
import type { AppContext } from "../../lib/app/routing.ts";
import { requireAdmin } from "../../lib/auth/auth_middleware.ts";
import { getQuota } from "../../lib/quotas/quotas_service.ts";
import { AdminFrame, type AdminFrameProps } from "./AdminFrame.tsx";

export interface AdminPageOptions {
  title: string;
  intro?: ComponentChildren;
  notice?: AdminFrameProps["notice"];
  status?: ContentfulStatusCode;
}

export async function renderAdminPage(
  c: AppContext,
  options: AdminPageOptions,
  children: ComponentChildren,
): Promise<Response> {
  const { user } = requireAdmin(c);
  const quota = await getQuota(c.var.deps, user.id);
  return renderPage(
    c,
    <AdminFrame title={options.title} intro={options.intro} quota={quota} notice={options.notice}>
      {children}
    </AdminFrame>,
    { title: `${options.title} · Administration`, status: options.status },
  );
}

/**
 * The `?notice=` of a redirect after a form post, looked up in the page's own messages
 * (never echoed: a link cannot make the page say anything).
 */
export function noticeFrom(
  c: AppContext,
  messages: Record<string, string>,
): AdminFrameProps["notice"] {
  const key = c.req.query("notice");
  if (key && messages[key]) return { tone: "success", message: messages[key] };
  const error = c.req.query("error");
  if (error && messages[error]) return { tone: "error", message: messages[error] };
  return null;
}
