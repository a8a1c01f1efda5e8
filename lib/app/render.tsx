/**
 * Server rendering of whole pages: the page component inside routes/_app.tsx, rendered
 * to a string with islands marked (see islands.ts).
 */
import type { ComponentType, VNode } from "preact";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { renderDocument } from "./islands.ts";
import type { AppContext, ColorMode } from "./routing.ts";
import type { AssetManifest } from "./assets.ts";
import type { PageUser } from "./page_context.ts";
import { cachedRegistrationMode } from "../settings/registration_mode.ts";

/** What routes/_app.tsx receives. */
export interface AppShellProps {
  title: string;
  description?: string;
  colorMode: ColorMode;
  assets: AssetManifest;
  /** The request path, e.g. for "current page" navigation state. */
  path: string;
  version: string;
  user: PageUser | null;
  registrationOpen: boolean;
  children: VNode;
}

export interface PageOptions {
  title: string;
  description?: string;
  status?: ContentfulStatusCode;
}

let appShell: ComponentType<AppShellProps> | null = null;

function pageUser(c: AppContext): PageUser | null {
  const user = c.var.auth?.user;
  return user
    ? {
      id: user.id,
      full_name: user.full_name,
      email: user.email,
      role: user.role,
      apps: c.var.apps,
    }
    : null;
}

/** Set the document shell (routes/_app.tsx); done once by createApp. */
export function setAppShell(shell: ComponentType<AppShellProps>): void {
  appShell = shell;
}

export function renderPage(c: AppContext, page: VNode, options: PageOptions): Response {
  if (!appShell) throw new Error("renderPage called before createApp set the app shell");
  const Shell = appShell;
  const assets = c.get("assets");
  const { html } = renderDocument(
    <Shell
      title={options.title}
      description={options.description}
      colorMode={c.get("colorMode")}
      assets={assets}
      path={c.req.path}
      version={c.get("deps").version}
      user={pageUser(c)}
      registrationOpen={cachedRegistrationMode(c.get("deps")) === "open"}
    >
      {page}
    </Shell>,
    assets.islands,
  );
  // Pages of a signed-in user are theirs alone: never store them anywhere.
  c.header("Cache-Control", c.var.auth ? "private, no-store" : "no-cache");
  return c.html("<!doctype html>" + html, options.status ?? 200);
}
