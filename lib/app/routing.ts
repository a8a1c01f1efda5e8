/**
 * Fresh-style file routes on Hono. Each file in routes/ exports `handler` (an object of
 * HTTP method → handler); its path gives its URL: `routes/api/documents/[id]/confirm.ts`
 * serves `/api/documents/:id/confirm`, `index.tsx` serves its folder, `[...key]` matches
 * the rest of the path. `_middleware.ts` applies to its folder and below. The generated
 * manifest.gen.ts lists every file, so nothing is discovered at run time.
 */
import type { Context, Hono, MiddlewareHandler } from "hono";
import type { ComponentType } from "preact";
import type { AssetManifest } from "./assets.ts";
import type { Deps } from "./deps.ts";
import type { Logger } from "./logger.ts";
import type { Auth } from "../auth/auth_middleware.ts";
import type { NavApp } from "../apps/app_manifests.ts";

export type { ColorMode } from "../appearance/color_modes.ts";
import type { ColorMode } from "../appearance/color_modes.ts";

export interface AppEnv {
  Variables: {
    deps: Deps;
    requestId: string;
    logger: Logger;
    colorMode: ColorMode;
    assets: AssetManifest;
    lifecycle: { shuttingDown: boolean };
    /** The signed-in user (null when signed out); see lib/auth/auth_middleware.ts. */
    auth: Auth | null;
    /** The signed-in user's sidebar apps, on pages; see lib/apps/apps_access.ts. */
    apps?: NavApp[];
  };
}

export type AppContext = Context<AppEnv>;
export type Handler = (c: AppContext) => Response | Promise<Response>;
export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = typeof METHODS[number];
export type RouteHandlers = Partial<Record<Method, Handler>>;
export type AppMiddleware = MiddlewareHandler<AppEnv>;

export interface RouteModule {
  handler?: RouteHandlers;
  middleware?: AppMiddleware | AppMiddleware[];
  // deno-lint-ignore no-explicit-any
  default?: ComponentType<any>;
}

/** Typed identity helper for a route file's `handler` export. */
export function defineHandlers(handlers: RouteHandlers): RouteHandlers {
  return handlers;
}

const SPECIAL_FILES = new Set(["_app.tsx", "_error.tsx"]);

/** `api/documents/[id]/confirm.ts` → `/api/documents/:id/confirm`. */
export function routePattern(file: string): string {
  const segments = file.replace(/\.(ts|tsx)$/, "").split("/");
  if (segments.at(-1) === "index") segments.pop();
  const parts = segments.map((segment) => {
    const rest = /^\[\.\.\.([a-z_][a-z0-9_]*)\]$/i.exec(segment);
    if (rest) return `:${rest[1]}{.+}`;
    const param = /^\[([a-z_][a-z0-9_]*)\]$/i.exec(segment);
    if (param) return `:${param[1]}`;
    if (!/^[a-z0-9][a-z0-9._-]*$/.test(segment)) {
      throw new Error(`routes/${file}: "${segment}" is not a valid route segment`);
    }
    return segment;
  });
  return "/" + parts.join("/");
}

/** Sort key: at each segment, static before parameter before catch-all. */
function specificity(pattern: string): string {
  return pattern.split("/").map((s) => (s.startsWith(":") ? (s.endsWith("{.+}") ? "2" : "1") : "0"))
    .join("");
}

export interface RouteEntry {
  file: string;
  pattern: string;
  module: RouteModule;
}

/** Route files in registration order (most specific first), special files left out. */
export function routeEntries(routes: Record<string, RouteModule>): RouteEntry[] {
  return Object.entries(routes)
    .filter(([file]) => !SPECIAL_FILES.has(file) && !file.endsWith("_middleware.ts"))
    .map(([file, module]) => ({ file, pattern: routePattern(file), module }))
    .sort((a, b) => {
      const sa = specificity(a.pattern);
      const sb = specificity(b.pattern);
      return sa < sb
        ? -1
        : sa > sb
        ? 1
        : a.pattern < b.pattern
        ? -1
        : a.pattern > b.pattern
        ? 1
        : 0;
    });
}

export function mountRoutes(app: Hono<AppEnv>, routes: Record<string, RouteModule>): void {
  const middlewares = Object.entries(routes)
    .filter(([file]) => file === "_middleware.ts" || file.endsWith("/_middleware.ts"))
    .sort(([a], [b]) => a.split("/").length - b.split("/").length);
  for (const [file, module] of middlewares) {
    const dir = file.slice(0, -"_middleware.ts".length).replace(/\/$/, "");
    const pattern = dir ? `${routePattern(dir + ".ts")}/*` : "*";
    const list = module.middleware ? [module.middleware].flat() : [];
    if (list.length === 0) throw new Error(`routes/${file} must export "middleware"`);
    for (const middleware of list) {
      app.use(pattern, middleware);
      if (dir) app.use(routePattern(dir + ".ts"), middleware);
    }
  }
  for (const { file, pattern, module } of routeEntries(routes)) {
    if (!module.handler) throw new Error(`routes/${file} must export "handler"`);
    for (const [method, handler] of Object.entries(module.handler)) {
      if (!METHODS.includes(method as Method)) {
        throw new Error(`routes/${file}: unsupported method ${method}`);
      }
      app.on(method, pattern, handler as Handler);
    }
  }
}
