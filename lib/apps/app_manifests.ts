/**
 * The app registry (SPEC §4.7): every app the platform hosts, declared in code. At
 * start-up each manifest gets its `apps` row, its `{id}-admin` group and — the first time
 * only — its default grant (lib/apps/apps_service.ts). The gate (lib/apps/apps_access.ts)
 * answers 404 on an app's `paths` to anyone who may not use the app.
 */
import type { Settings, SettingsSchema } from "./app_settings_schema.ts";

export interface AppManifest {
  /** Lower-case letters, digits, - and _; also the `{id}-admin` group's prefix. */
  id: string;
  name: string;
  /** An SVG path (24×24 view box, stroked), drawn in the sidebar and on the Apps page. */
  icon: string;
  description: string;
  /** Where "Open" leads. */
  href: string;
  settings_schema: SettingsSchema;
  /**
   * Groups (by name) a user must belong to, besides being granted the app. Created at
   * start-up when missing. Administrators need none of them.
   */
  required_groups: readonly string[];
  /**
   * The URL prefixes the app owns: pages and API. A prefix matches itself and everything
   * below it (`/api/tags` matches `/api/tags/…`, never `/api/tagsfoo`).
   */
  paths: readonly string[];
  /** Who may use the app when it is first registered; admins change it afterwards. */
  default_grant: "everyone" | "nobody";
}

export const DOCUMENTS_APP_ID = "documents";

/** The sort orders an administrator can make the documents list start with. */
export const DOCUMENTS_DEFAULT_SORTS = ["uploaded", "date", "title", "size"] as const;

export interface DocumentsSettings {
  /** How far back the Recent view reaches, in days. */
  recent_days: number;
  /** The order of a list without search words, until the user picks another. */
  default_sort: typeof DOCUMENTS_DEFAULT_SORTS[number];
}

const DOCUMENTS: AppManifest = {
  id: DOCUMENTS_APP_ID,
  name: "Documents",
  icon: "M6 3h8l4 4v14H6zM14 3v4h4M9 12h6M9 16h6",
  description: "Upload, search, organise and share your documents.",
  href: "/documents",
  settings_schema: {
    type: "object",
    additionalProperties: false,
    properties: {
      recent_days: {
        type: "integer",
        title: "Recent view: days",
        description: "The Recent view shows documents uploaded in this many days.",
        minimum: 1,
        maximum: 365,
        default: 30,
      },
      default_sort: {
        type: "string",
        title: "Default order",
        description: "How a list without search words is sorted until someone picks an order.",
        enum: DOCUMENTS_DEFAULT_SORTS,
        "x-enum-titles": [
          "Newest uploads first",
          "Document date, newest first",
          "Title A–Z",
          "Largest first",
        ],
        default: "uploaded",
      },
    },
  },
  required_groups: [],
  // /files/ is not the app's: signed URLs are capabilities that work without a session
  // (shares, uploads in flight, the PDF frame). Only the app's own, gated, routes issue
  // them, for a few minutes, so someone whose access ends can get no new ones.
  paths: [
    "/documents",
    "/api/documents",
    "/api/categories",
    "/api/tags",
    "/api/folders",
    "/api/document-types",
  ],
  default_grant: "everyone",
};

/** Every app, in the order the Apps page shows them. */
export const APP_MANIFESTS: readonly AppManifest[] = [DOCUMENTS];

const BY_ID = new Map(APP_MANIFESTS.map((app) => [app.id, app]));

// Longest prefix first, so that a nested app path would win over its parent's.
const PREFIXES = APP_MANIFESTS.flatMap((app) => app.paths.map((prefix) => ({ prefix, app })))
  .sort((a, b) => b.prefix.length - a.prefix.length);

export function findManifest(id: string): AppManifest | undefined {
  return BY_ID.get(id);
}

/** The app owning a request path, if any. */
export function appForPath(path: string): AppManifest | undefined {
  for (const { prefix, app } of PREFIXES) {
    if (path === prefix || (path.startsWith(prefix) && path[prefix.length] === "/")) return app;
  }
  return undefined;
}

/** The group whose members administer an app's settings. */
export function adminGroupName(appId: string): string {
  return `${appId}-admin`;
}

/** What the sidebar needs to show an app. */
export interface NavApp {
  id: string;
  name: string;
  icon: string;
  href: string;
}

export function navApp(app: AppManifest): NavApp {
  return { id: app.id, name: app.name, icon: app.icon, href: app.href };
}

/** What the API says of an app wherever it lists one. */
export interface AppFacts extends NavApp {
  description: string;
}

export function appFacts(app: AppManifest): AppFacts {
  return { ...navApp(app), description: app.description };
}

/** The Documents settings, typed (from the effective settings of the app). */
export function documentsSettings(settings: Settings): DocumentsSettings {
  return settings as unknown as DocumentsSettings;
}
