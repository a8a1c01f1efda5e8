/**
 * Browser assets: one content-hashed, minified ES module per island plus shared chunks
 * (Preact is loaded once), the reviver, and the stylesheet — built by esbuild into
 * static/build/ with a manifest.json. `deno task build` builds them; start builds them
 * when they are missing or stale (a source file changed since the last build).
 */
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Logger } from "./logger.ts";

export const PROJECT_ROOT = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
export const STATIC_DIR = join(PROJECT_ROOT, "static");
export const BUILD_DIR = join(STATIC_DIR, "build");
export const BUILD_URL_PREFIX = "/static/build/";
const MANIFEST_FILE = "manifest.json";
/** Bump when the build itself changes in a way that must invalidate old outputs. */
const BUILD_FORMAT = 1;

export interface AssetManifest {
  format: number;
  builtAt: string;
  /** URL of the stylesheet. */
  styles: string;
  /** URL of the island reviver. */
  reviver: string;
  /** Island name → bundle URL. */
  islands: Record<string, string>;
  /** Source file (relative to the project) → SHA-256, to tell when a rebuild is due. */
  inputs: Record<string, string>;
}

/** Hex SHA-256 of a (small) source file, or null when it is missing. */
async function hashFile(path: string): Promise<string | null> {
  try {
    const digest = await crypto.subtle.digest("SHA-256", await Deno.readFile(path));
    return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
  } catch {
    return null;
  }
}

/** Island components: every `islands/*.tsx` file, named after the file. */
export async function listIslandFiles(root = PROJECT_ROOT): Promise<Record<string, string>> {
  const islands: Record<string, string> = {};
  for await (const entry of Deno.readDir(join(root, "islands"))) {
    const match = /^([A-Z][A-Za-z0-9]*)\.tsx$/.exec(entry.name);
    if (entry.isFile && match) islands[match[1]] = join(root, "islands", entry.name);
  }
  return islands;
}

export async function readAssetManifest(buildDir = BUILD_DIR): Promise<AssetManifest | null> {
  try {
    const manifest = JSON.parse(await Deno.readTextFile(join(buildDir, MANIFEST_FILE)));
    return manifest.format === BUILD_FORMAT ? manifest : null;
  } catch {
    return null;
  }
}

/** Why the build must be redone, or null when it is current. */
export async function buildStaleReason(
  root = PROJECT_ROOT,
  buildDir = BUILD_DIR,
): Promise<string | null> {
  const manifest = await readAssetManifest(buildDir);
  if (!manifest) return "no build yet";
  const islands = await listIslandFiles(root);
  const built = Object.keys(manifest.islands).sort().join(",");
  if (Object.keys(islands).sort().join(",") !== built) return "the set of islands changed";
  for (const [file, hash] of Object.entries(manifest.inputs)) {
    if ((await hashFile(join(root, file))) !== hash) return `${file} changed`;
  }
  for (const url of [manifest.styles, manifest.reviver, ...Object.values(manifest.islands)]) {
    const built = join(buildDir, url.slice(BUILD_URL_PREFIX.length));
    if (!(await Deno.stat(built).then(() => true, () => false))) return "a built file is missing";
  }
  return null;
}

export interface BuildOptions {
  root?: string;
  buildDir?: string;
  minify?: boolean;
  logger?: Logger;
}

/**
 * Build every browser asset into a fresh directory, then swap it in, so a running server
 * never serves a half-written build.
 */
export async function buildAssets(options: BuildOptions = {}): Promise<AssetManifest> {
  const root = options.root ?? PROJECT_ROOT;
  const buildDir = options.buildDir ?? BUILD_DIR;
  const started = performance.now();
  const esbuild = await import("esbuild");
  const islands = await listIslandFiles(root);
  const staging = `${buildDir}.tmp-${crypto.randomUUID().slice(0, 8)}`;
  try {
    const result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: {
        reviver: join(root, "lib/app/client/reviver.ts"),
        styles: join(root, "static/styles.css"),
        ...islands,
      },
      outdir: staging,
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "browser",
      target: ["es2022", "chrome110", "firefox115", "safari16"],
      minify: options.minify ?? true,
      sourcemap: "linked",
      jsx: "automatic",
      jsxImportSource: "preact",
      entryNames: "[name]-[hash]",
      chunkNames: "chunks/[name]-[hash]",
      assetNames: "assets/[name]-[hash]",
      metafile: true,
      logLevel: "silent",
      legalComments: "none",
    });
    const outputs: Record<string, string> = {};
    for (const [file, output] of Object.entries(result.metafile.outputs)) {
      if (!output.entryPoint || file.endsWith(".map")) continue;
      const entry = relative(root, join(root, output.entryPoint));
      outputs[entry] = BUILD_URL_PREFIX + relative(staging, join(root, file));
    }
    const urlOf = (path: string) => {
      const url = outputs[relative(root, path)];
      if (!url) throw new Error(`esbuild produced no output for ${path}`);
      return url;
    };
    const inputs: Record<string, string> = {};
    for (const file of Object.keys(result.metafile.inputs)) {
      if (file.includes("node_modules")) continue;
      inputs[file] = (await hashFile(join(root, file)))!;
    }
    // Dependency versions are pinned by the lock file: a changed lock means rebuild.
    inputs["deno.lock"] = (await hashFile(join(root, "deno.lock"))) ?? "none";
    const manifest: AssetManifest = {
      format: BUILD_FORMAT,
      builtAt: new Date().toISOString(),
      styles: urlOf(join(root, "static/styles.css")),
      reviver: urlOf(join(root, "lib/app/client/reviver.ts")),
      islands: Object.fromEntries(
        Object.entries(islands).map(([name, path]) => [name, urlOf(path)]),
      ),
      inputs,
    };
    await Deno.writeTextFile(join(staging, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
    const old = `${buildDir}.old-${crypto.randomUUID().slice(0, 8)}`;
    await Deno.rename(buildDir, old).catch(() => {});
    await Deno.rename(staging, buildDir);
    await Deno.remove(old, { recursive: true }).catch(() => {});
    options.logger?.info("built browser assets", {
      islands: Object.keys(islands),
      ms: Math.round(performance.now() - started),
    });
    return manifest;
  } catch (error) {
    await Deno.remove(staging, { recursive: true }).catch(() => {});
    throw error;
  } finally {
    await esbuild.stop();
  }
}

/** The current manifest, building first when the build is missing or stale. */
export async function ensureAssets(logger: Logger): Promise<AssetManifest> {
  const reason = await buildStaleReason();
  if (reason === null) return (await readAssetManifest())!;
  logger.info("building browser assets", { reason });
  return await buildAssets({ logger });
}
