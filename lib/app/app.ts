/**
 * `createApp(deps)` builds the whole web application: cross-cutting middleware, the file
 * routes from manifest.gen.ts, static assets, and one error handler that answers in the
 * SPEC §5 JSON shape for API paths and with the error page for everything else.
 * Tests call `app.fetch(request)` directly: the full stack, no sockets.
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getCookie } from "hono/cookie";
import { serveStatic } from "hono/deno";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { h } from "preact";
import { islands, routes } from "../../manifest.gen.ts";
import { authMiddleware, csrfMiddleware } from "../auth/auth_middleware.ts";
import { defaultColorModeMiddleware } from "../appearance/appearance_middleware.ts";
import { appsGate } from "../apps/apps_access.ts";
import { COLOR_MODE_COOKIE, parseColorMode } from "../appearance/color_modes.ts";
import { registrationMode } from "../settings/registration_mode.ts";
import {
  AppError,
  type ErrorStatus,
  INTERNAL_ERROR_MESSAGE,
  NotFoundError,
  PayloadTooLargeError,
  toErrorBody,
} from "../shared/errors.ts";
import { type AssetManifest, STATIC_DIR } from "./assets.ts";
import type { Deps } from "./deps.ts";
import { registerIslands } from "./islands.ts";
import { renderPage, setAppShell } from "./render.tsx";
import { type AppEnv, mountRoutes } from "./routing.ts";

/** Largest JSON or form body the API accepts (uploads have their own limits). */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface Lifecycle {
  /** Set when shutdown has begun: /ready answers 503 so load balancers drain us. */
  shuttingDown: boolean;
}

export interface AppOptions {
  assets: AssetManifest;
  lifecycle?: Lifecycle;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** Paths answered in JSON (machines); everything else gets HTML pages. */
export function isJsonPath(path: string): boolean {
  return path.startsWith("/api/") || path === "/api" || path.startsWith("/files/") ||
    path === "/health" || path === "/ready";
}

/** A signed-URL answer (`/files/…`) that shows a PDF in the browser rather than saving it. */
function isInlinePdfFile(path: string, headers: Headers): boolean {
  return path.startsWith("/files/") &&
    headers.get("content-type")?.split(";")[0].trim().toLowerCase() === "application/pdf" &&
    (headers.get("content-disposition") ?? "").trim().toLowerCase().startsWith("inline");
}

function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    const status = error.status as ErrorStatus;
    if (status === 413) {
      return new PayloadTooLargeError("request.too_large", "The request body is too large.");
    }
    return new AppError(`http.${status}`, status, error.message || "Request failed.");
  }
  return null;
}

/**
 * Where a signed-out visitor goes: /login, with `next` to come back to — the page itself
 * for a GET, the page the form was on for a POST.
 */
function loginUrl(
  c: {
    req: { method: string; path: string; url: string; header(name: string): string | undefined };
  },
): string {
  let next = c.req.path + new URL(c.req.url).search;
  if (c.req.method !== "GET") {
    const referer = c.req.header("referer");
    next = referer ? new URL(referer).pathname : "/";
  }
  return next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`;
}

export function createApp(deps: Deps, options: AppOptions): Hono<AppEnv> {
  const lifecycle = options.lifecycle ?? { shuttingDown: false };
  const app = new Hono<AppEnv>();
  registerIslands(islands);
  const shell = routes["_app.tsx"].default;
  const ErrorPage = routes["_error.tsx"].default;
  if (!shell || !ErrorPage) throw new Error("routes/_app.tsx and routes/_error.tsx are required");
  setAppShell(shell);

  // Request id, per-request logger, one access-log line per request. The query string
  // is never logged: signed URLs carry their signature there.
  app.use(async (c, next) => {
    const incoming = c.req.header("x-request-id");
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
    const logger = deps.logger.child({ request_id: requestId });
    c.set("deps", deps);
    c.set("requestId", requestId);
    c.set("logger", logger);
    c.set("assets", options.assets);
    c.set("lifecycle", lifecycle);
    c.set("auth", null);
    c.set("colorMode", parseColorMode(getCookie(c, COLOR_MODE_COOKIE)));
    const started = performance.now();
    try {
      await next();
    } finally {
      c.res.headers.set("X-Request-Id", requestId);
      logger.info("request", {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      });
    }
  });

  const securityHeaders = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:", "blob:"],
      fontSrc: ["'self'"],
      connectSrc: ["'self'", ...deps.storage.browserOrigins],
      // The document panel frames the inline PDF: on S3 its signed URL is the storage's.
      frameSrc: ["'self'", ...deps.storage.browserOrigins],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: "same-origin",
    xFrameOptions: "DENY",
    strictTransportSecurity: deps.config.publicUrl.startsWith("https:")
      ? "max-age=63072000; includeSubDomains"
      : false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] },
  });
  app.use(async (c, next) => {
    await securityHeaders(c, next);
    // The document panel shows a PDF in an iframe of our own pages: only an inline PDF
    // from a signed URL may be framed, and only by this origin.
    if (isInlinePdfFile(c.req.path, c.res.headers)) {
      const csp = c.res.headers.get("Content-Security-Policy") ?? "";
      c.res.headers.set(
        "Content-Security-Policy",
        csp.replace("frame-ancestors 'none'", "frame-ancestors 'self'"),
      );
      c.res.headers.set("X-Frame-Options", "SAMEORIGIN");
    }
  });

  // JSON and form bodies are small; uploads go to signed URLs with their own limits, and
  // the one-call upload (POST /api/documents) reads up to the admin's upload limit itself.
  const limit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new PayloadTooLargeError(
        "request.too_large",
        `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`,
        { details: { max_bytes: MAX_BODY_BYTES } },
      );
    },
  });
  app.use(async (c, next) => {
    if (c.req.path.startsWith("/files/")) return await next();
    if (c.req.method === "POST" && c.req.path === "/api/documents") return await next();
    return await limit(c, next);
  });

  app.use(
    "/static/*",
    serveStatic({
      root: STATIC_DIR,
      rewriteRequestPath: (path) => path.slice("/static".length),
      onFound: (path, c) => {
        // Built files have content hashes in their names: cache them for good.
        c.header(
          "Cache-Control",
          path.includes("/build/") && !path.endsWith("manifest.json")
            ? "public, max-age=31536000, immutable"
            : "public, max-age=3600",
        );
      },
    }),
  );

  app.use(csrfMiddleware());
  app.use(authMiddleware());
  // Pages link to /register only while registration is open: refresh the cached setting
  // before a page is rendered (a query at most every few seconds, not one per page).
  app.use(async (c, next) => {
    if (!isJsonPath(c.req.path)) {
      // A database outage must not take the error pages with it: keep the last copy.
      await registrationMode(deps).catch((error) =>
        c.var.logger.warn("cannot read the registration setting", { error: String(error) })
      );
    }
    await next();
  });
  // Whoever has not chosen a colour mode gets the admin's default (cached like the above).
  app.use(defaultColorModeMiddleware());
  app.use("/api/*", async (c, next) => {
    await next();
    // Answers may carry account data: never cache them.
    if (!c.res.headers.has("Cache-Control")) c.res.headers.set("Cache-Control", "no-store");
  });

  // Apps a signed-in user may not use answer 404 on their paths (SPEC §4.7).
  app.use(appsGate());

  mountRoutes(app, routes);

  function errorResponse(c: Parameters<Parameters<typeof app.onError>[0]>[1], error: AppError) {
    if (error.retryAfterSeconds !== undefined) {
      c.header("Retry-After", String(Math.ceil(error.retryAfterSeconds)));
    }
    const status = error.status as ContentfulStatusCode;
    if (isJsonPath(c.req.path)) return c.json(toErrorBody(error), status);
    if (error.status === 401) return c.redirect(loginUrl(c), 303);
    return renderPage(
      c,
      h(ErrorPage!, {
        status: error.status,
        code: error.code,
        message: error.expose ? error.message : INTERNAL_ERROR_MESSAGE,
        requestId: c.get("requestId"),
      }),
      { title: error.status === 404 ? "Page not found" : "Something went wrong", status },
    );
  }

  app.notFound((c) =>
    errorResponse(
      c,
      isJsonPath(c.req.path)
        ? new NotFoundError("not_found", "There is nothing at this address.")
        : new NotFoundError("not_found", "We could not find that page."),
    )
  );

  app.onError((error, c) => {
    const known = toAppError(error);
    const logger = c.get("logger") ?? deps.logger;
    if (!known) {
      logger.error("request failed", {
        method: c.req.method,
        path: c.req.path,
        error: error instanceof Error
          ? { name: error.name, message: error.message, stack: error.stack }
          : String(error),
      });
    } else if (known.status >= 500) {
      logger.warn("request failed", { path: c.req.path, code: known.code, message: known.message });
    }
    return errorResponse(
      c,
      known ?? new AppError("internal_error", 500, INTERNAL_ERROR_MESSAGE, { expose: false }),
    );
  });

  return app;
}
