import { currentAppearance } from "../lib/appearance/appearance_state.ts";
import { defineHandlers } from "../lib/app/routing.ts";

/** True when `If-None-Match` names `etag` (a list, weak validators and `*` included). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === etag || tag === "*");
}

/**
 * The active theme's colours over the main stylesheet (public: every page links it).
 * `no-cache` with an ETag: browsers ask again on every page load and get a 304 until an
 * admin changes the theme — then the next page shows it (see appearance_state.ts).
 */
export const handler = defineHandlers({
  async GET(c) {
    const { css, etag } = await currentAppearance(c.var.deps);
    c.header("ETag", etag);
    c.header("Cache-Control", "no-cache");
    c.header("Content-Type", "text/css; charset=utf-8");
    if (matches(c.req.header("if-none-match"), etag)) return c.body(null, 304);
    return c.body(css);
  },
});
