/**
 * Request data that server components need without threading it through every page:
 * provided by routes/_app.tsx around the page, read with `usePage()`. Server-only.
 */
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { ColorMode } from "../appearance/color_modes.ts";

/** What pages may show of the signed-in user. */
export interface PageUser {
  id: string;
  full_name: string;
  email: string;
  role: "user" | "admin";
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
