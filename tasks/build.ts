/**
 * `deno task build`: regenerate manifest.gen.ts and build the browser assets
 * (content-hashed island bundles and stylesheet in static/build/).
 */
import { buildAssets } from "../lib/app/assets.ts";
import { parseTaskArgs, say } from "../lib/app/cli.ts";
import { writeManifest } from "../lib/app/manifest_gen.ts";

parseTaskArgs({
  usage: `
Usage: deno task build

Regenerates manifest.gen.ts (routes and islands) and builds the browser assets into
static/build/ (content-hashed island bundles, shared chunks and the stylesheet).`,
  options: {},
});
if (await writeManifest()) say("Updated manifest.gen.ts");
const started = performance.now();
const manifest = await buildAssets();
say(
  `Built ${Object.keys(manifest.islands).length} island(s) and the stylesheet into static/build/ ` +
    `in ${Math.round(performance.now() - started)} ms`,
);
