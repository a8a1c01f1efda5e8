/**
 * Request data that server components need without threading it through every page:
 * provided by routes/_app.tsx around the page, read with `usePage()`. Server-only.
 */
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { ColorMode } from "../appearance/color_modes.ts";

export interface PageData {
  path: string;
  colorMode: ColorMode;
  version: string;
}

export const PageContext = createContext<PageData>({
  path: "/",
  colorMode: "system",
  version: "",
});

export function usePage(): PageData {
  return useContext(PageContext);
}
