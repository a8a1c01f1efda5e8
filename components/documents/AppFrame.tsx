import type { ComponentChildren } from "preact";
import ColorModeSwitch from "../../islands/ColorModeSwitch.tsx";
import QuotaBar from "../../islands/QuotaBar.tsx";
import { usePage } from "../../lib/app/page_context.ts";
import {
  appForPath,
  DOCUMENTS_APP_ID,
  findManifest,
  type NavApp,
  navApp,
} from "../../lib/apps/app_manifests.ts";
import type { Quota } from "../../lib/quotas/quotas_repo.ts";
import { Logo } from "../Logo.tsx";

interface AppLink {
  href: string;
  label: string;
  icon: string;
  /** Whether the current path belongs to this app. */
  current: (path: string) => boolean;
}

/** Until the apps gate says otherwise (pages it did not see): Documents. */
const FALLBACK_APPS: NavApp[] = [navApp(findManifest(DOCUMENTS_APP_ID)!)];

/** After the user's apps (SPEC §4.7: Documents when they may use it, then pinned ones). */
const APPS_PAGE: AppLink = {
  href: "/apps",
  label: "Apps",
  icon: "M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h6v6h-6z",
  current: (path) => path === "/apps" || path.startsWith("/apps/"),
};

function appLink(app: NavApp): AppLink {
  return {
    href: app.href,
    label: app.name,
    icon: app.icon,
    current: (path) => appForPath(path)?.id === app.id,
  };
}

const APPS: AppLink[] = [
  {
    href: "/profile",
    label: "Profile",
    icon: "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0",
    current: (path) => path.startsWith("/profile"),
  },
];

/** Shown to administrators only. */
const ADMIN: AppLink = {
  href: "/admin/health",
  label: "Admin",
  icon: "M12 3l8 3v6c0 4.5-3.4 8.3-8 9-4.6-.7-8-4.5-8-9V6zM9 12l2 2 4-4",
  current: (path) => path.startsWith("/admin"),
};

function AppIcon({ d }: { d: string }) {
  return (
    <svg class="icon" width="18" height="18" viewBox="0 0 24 24" aria-hidden="true">
      <path d={d} />
    </svg>
  );
}

/**
 * The frame of the signed-in apps: a sidebar with the apps, the storage quota, the user
 * menu and the colour mode — a top bar on narrow screens — and the app's own columns.
 */
export function AppFrame({ children, quota }: { children: ComponentChildren; quota: Quota }) {
  const { path, colorMode, user } = usePage();
  const apps = (user?.apps ?? FALLBACK_APPS).map(appLink);
  return (
    <div class="app-frame">
      <a class="skip-link" href="#main">Skip to content</a>
      <aside class="app-sidebar" aria-label="DocuVault">
        <a
          class="brand app-sidebar__brand"
          href={apps[0]?.href ?? APPS_PAGE.href}
          aria-label={apps[0] ? `DocuVault, ${apps[0].label}` : "DocuVault, your apps"}
        >
          <Logo />
          <span class="brand__name">DocuVault</span>
        </a>
        <nav class="app-nav" aria-label="Apps">
          <ul>
            {[...apps, APPS_PAGE, ...APPS, ...(user?.role === "admin" ? [ADMIN] : [])].map((
              app,
            ) => (
              <li key={app.href}>
                <a
                  href={app.href}
                  class="app-nav__link"
                  aria-current={app.current(path) ? "page" : undefined}
                >
                  <AppIcon d={app.icon} />
                  <span>{app.label}</span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="app-sidebar__end">
          <QuotaBar used={quota.used_bytes} limit={quota.limit_bytes} />
          {user && (
            <details class="user-menu">
              <summary class="user-menu__summary" title={user.email}>
                <span class="avatar" aria-hidden="true">
                  {user.full_name.trim().charAt(0).toUpperCase()}
                </span>
                <span class="user-menu__name">{user.full_name}</span>
                <span class="visually-hidden">: account menu</span>
              </summary>
              <div class="user-menu__body">
                <p class="user-menu__email">{user.email}</p>
                <a href="/profile" class="user-menu__link">Profile and security</a>
                <form method="post" action="/logout" class="inline-form">
                  <button type="submit" class="button button--small button--block">Sign out</button>
                </form>
              </div>
            </details>
          )}
          <ColorModeSwitch mode={colorMode} returnTo={path} />
        </div>
      </aside>
      {children}
    </div>
  );
}
