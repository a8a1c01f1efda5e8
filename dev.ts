/**
 * `deno task dev`: development entry. Builds the browser assets, runs main.ts under
 * `deno run --watch` (restarts when server code changes), and regenerates
 * manifest.gen.ts and the assets whenever routes, islands, components or styles change.
 * Reads `.env` when there is one; logs are human-readable unless LOG_FORMAT says otherwise.
 */
import { join } from "node:path";
import { buildAssets, PROJECT_ROOT } from "./lib/app/assets.ts";
import { say } from "./lib/app/cli.ts";
import { writeManifest } from "./lib/app/manifest_gen.ts";
import { SERVER_PERMISSIONS } from "./lib/app/process.ts";

const WATCHED = ["routes", "islands", "components", "static", "lib/app/client", "lib/appearance"];

async function rebuild(reason: string) {
  const started = performance.now();
  try {
    if (await writeManifest()) say("dev: updated manifest.gen.ts");
    await buildAssets({ minify: false });
    say(`dev: rebuilt assets (${reason}) in ${Math.round(performance.now() - started)} ms`);
  } catch (error) {
    say(`dev: build failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

await rebuild("start");

const envFile = join(PROJECT_ROOT, ".env");
const hasEnvFile = await Deno.stat(envFile).then(() => true, () => false);
const server = new Deno.Command(Deno.execPath(), {
  args: [
    "run",
    ...SERVER_PERMISSIONS,
    "--watch",
    ...(hasEnvFile ? [`--env-file=${envFile}`] : []),
    "main.ts",
  ],
  cwd: PROJECT_ROOT,
  env: { LOG_FORMAT: Deno.env.get("LOG_FORMAT") ?? "pretty" },
  stdin: "inherit",
  stdout: "inherit",
  stderr: "inherit",
}).spawn();

// Rebuild once per burst of changes (editors write several events per save).
let timer: ReturnType<typeof setTimeout> | undefined;
const watcher = Deno.watchFs(WATCHED.map((dir) => join(PROJECT_ROOT, dir)));
(async () => {
  for await (const event of watcher) {
    if (event.paths.every((path) => path.includes("/static/build"))) continue;
    clearTimeout(timer);
    timer = setTimeout(
      () => rebuild(event.paths.map((p) => p.slice(PROJECT_ROOT.length + 1)).join(", ")),
      100,
    );
  }
})();

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  Deno.addSignalListener(signal, () => {
    watcher.close();
    server.kill(signal);
  });
}
Deno.exit((await server.status).code);
