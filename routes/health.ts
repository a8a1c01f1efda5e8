import { defineHandlers } from "../lib/app/routing.ts";

/** Liveness: 200 while the process can answer at all. Checks nothing else on purpose. */
export const handler = defineHandlers({
  GET(c) {
    c.header("Cache-Control", "no-store");
    return c.json({ status: "ok" });
  },
});
