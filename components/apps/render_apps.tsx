/** Renders the pages of /apps inside the app frame (signed-in users; others sign in first). */
import type { ComponentChildren } from "preact";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { renderPage } from "../../lib/app/render.tsx";
import type { AppContext } from "../../lib/app/routing.ts";
import { requireUser } from "../../lib/auth/auth_middleware.ts";
import { getQuota } from "../../lib/quotas/quotas_service.ts";
import { AppFrame } from "../documents/AppFrame.tsx";
import type { Notice } from "./AppsPages.tsx";

/** Confirmations and errors after the forms of /apps (`?notice=`, `?error=`). */
export const APPS_NOTICES: Record<string, string> = {
  pinned: "Pinned: the app is in your sidebar.",
  unpinned: "Unpinned: the app is no longer in your sidebar.",
  settings_saved: "The settings are saved.",
  pin_limit: "You can pin at most 50 apps. Unpin one first.",
};

/** The `?notice=` or `?error=` of a redirect, looked up (never echoed). */
export function appsNotice(c: AppContext): Notice | null {
  const notice = c.req.query("notice");
  if (notice && APPS_NOTICES[notice]) return { tone: "success", message: APPS_NOTICES[notice] };
  const error = c.req.query("error");
  if (error && APPS_NOTICES[error]) return { tone: "error", message: APPS_NOTICES[error] };
  return null;
}

export async function renderAppsPage(
  c: AppContext,
  options: { title: string; status?: ContentfulStatusCode },
  children: ComponentChildren,
): Promise<Response> {
  const { user } = requireUser(c);
  const quota = await getQuota(c.var.deps, user.id);
  return renderPage(c, <AppFrame quota={quota}>{children}</AppFrame>, {
    title: options.title,
    status: options.status,
  });
}
