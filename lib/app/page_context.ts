/**
 * Request data that server components need without threading it through every page:
 * provided by routes/_app.tsx around the page, read with `usePage()`. Server-only.
 */
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { ColorMode } from "../appearance/color_modes.ts";
import type { NavApp } from "../apps/app_manifests.ts";

/** What pages may show of the signed-in user. */
export interface PageUser {
  id: string;
  full_name: string;
  email: string;
  role: "user" | "admin";
  /** The apps in the sidebar (set on pages by the apps gate; see AppFrame). */
  apps?: NavApp[];
}

export interface PageData {
  path: string;
  colorMode: ColorMode;
  version: string;
  user: PageUser | null;
  registrationOpen: boolean;
}

export const PageContext = createContext<PageData>({
  path: "/",
  colorMode: "system",
  version: "",
  user: null,
  registrationOpen: true,
});

export function usePage(): PageData {
  return useContext(PageContext);
}
