/**
 * The frame of every administration page (/admin/…): the app sidebar, then a header with
 * the administration sections as tabs, then the page itself.
 */
import type { ComponentChildren } from "preact";
import { usePage } from "../../lib/app/page_context.ts";
import type { Quota } from "../../lib/quotas/quotas_repo.ts";
import { AppFrame } from "../documents/AppFrame.tsx";

/** The administration sections, in the order of the tabs. */
export const ADMIN_SECTIONS = [
  { href: "/admin/health", label: "Health" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/groups", label: "Groups" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/settings", label: "Settings" },
  { href: "/admin/appearance", label: "Appearance" },
  { href: "/admin/apps", label: "Apps" },
] as const;

export interface AdminFrameProps {
  /** The page heading. */
  title: string;
  /** One line under the heading. */
  intro?: ComponentChildren;
  /** The signed-in admin's own quota, for the sidebar. */
  quota: Quota;
  /** A confirmation ("Saved.") or an error to show above the page. */
  notice?: { tone: "success" | "error"; message: string } | null;
  children: ComponentChildren;
}

export function AdminFrame({ title, intro, quota, notice, children }: AdminFrameProps) {
  const { path } = usePage();
  return (
    <AppFrame quota={quota}>
      <main id="main" class="admin-page" tabIndex={-1}>
        <nav class="admin-tabs" aria-label="Administration">
          <ul role="list">
            {ADMIN_SECTIONS.map((section) => (
              <li key={section.href}>
                <a
                  href={section.href}
                  class="admin-tabs__link"
                  aria-current={path === section.href || path.startsWith(`${section.href}/`)
                    ? "page"
                    : undefined}
                >
                  {section.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <header class="page-header admin-page__header">
          <h1>{title}</h1>
          {intro && <p>{intro}</p>}
        </header>
        {notice && (
          <p
            class={`alert alert--${notice.tone}`}
            role={notice.tone === "error" ? "alert" : "status"}
          >
            {notice.message}
          </p>
        )}
        {children}
      </main>
    </AppFrame>
  );
}
