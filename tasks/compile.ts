/**
 * `deno task compile`: build the browser assets, then one self-contained binary
 * (dist/docuvault) with the static files inside. `deno compile` downloads a `denort`
 * runtime for the target; where that download is not possible, point DENORT_BIN at a
 * denort binary of the same Deno version (deno compile honours it).
 */
import { buildAssets } from "../lib/app/assets.ts";
import { fail, parseTaskArgs, say } from "../lib/app/cli.ts";
import { writeManifest } from "../lib/app/manifest_gen.ts";
import { SERVER_PERMISSIONS } from "../lib/app/process.ts";

const { values } = parseTaskArgs({
  usage: `
Usage: deno task compile [--target <triple>] [--output <path>]

Builds dist/docuvault, a single executable that serves DocuVault (the same as
\`deno task start\`). Set DENORT_BIN to a denort binary when the runtime cannot be
downloaded. Run it with the same environment variables as the server.`,
  options: { target: { type: "string" }, output: { type: "string" } },
});

await writeManifest();
await buildAssets();
const args = [
  "compile",
  ...SERVER_PERMISSIONS,
  "--include",
  "static",
  // Workers are loaded by URL at run time; compile must be told to embed them.
  "--include",
  "lib/app/pglite_init_worker.ts",
  "--output",
  values.output ?? "dist/docuvault",
  ...(values.target ? ["--target", values.target] : []),
  "main.ts",
];
say(`deno ${args.join(" ")}`);
const status = await new Deno.Command(Deno.execPath(), {
  args,
  stdout: "inherit",
  stderr: "inherit",
})
  .spawn().status;
if (!status.success) {
  fail("deno compile failed (if it could not download denort, set DENORT_BIN; see README)");
}
say(`Built ${values.output ?? "dist/docuvault"}`);
