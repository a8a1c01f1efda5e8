/**
 * Production entry: config → database (migrated) → KV → storage → browser assets →
 * web app → serve, plus the job worker in-process unless WORKERS=0.
 */
import { createApp, type Lifecycle } from "./lib/app/app.ts";
import { ensureAssets } from "./lib/app/assets.ts";
import { buildDeps } from "./lib/app/deps.ts";
import { ensureFirstAdmin } from "./lib/auth/bootstrap_service.ts";
import { ensureApps } from "./lib/apps/apps_service.ts";
import { createLogger } from "./lib/app/logger.ts";
import { exitOnSignal, exitWithError, loadConfigOrExit } from "./lib/app/process.ts";
import { serveGracefully } from "./lib/app/server.ts";
import { runWorker } from "./workers/run.ts";

const config = loadConfigOrExit();
const logger = createLogger({ level: config.logLevel, format: config.logFormat });
const started = performance.now();
logger.info("starting DocuVault", { mode: config.mode, data_dir: config.dataDir });

const deps = await buildDeps(config, { migrate: true, logger }).catch(exitWithError);
await ensureFirstAdmin(deps).catch(exitWithError);
// The app registry: rows, `{app}-admin` groups and first-time grants (idempotent).
await ensureApps(deps).catch(exitWithError);
const assets = await ensureAssets(logger).catch(exitWithError);
const lifecycle: Lifecycle = { shuttingDown: false };
const app = createApp(deps, { assets, lifecycle });
const worker = config.workers > 0 ? await runWorker(deps) : null;
if (!worker && config.mode === "embedded") {
  logger.warn("WORKERS=0 in embedded mode: uploaded documents will not be processed");
}

const server = serveGracefully(app.fetch, {
  hostname: config.host,
  port: config.port,
  logger,
  onListen: ({ port }) => {
    logger.info("DocuVault is ready", {
      url: config.publicUrl,
      listening: `${config.host}:${port}`,
      startup_ms: Math.round(performance.now() - started),
    });
  },
});

exitOnSignal(logger, async () => {
  lifecycle.shuttingDown = true;
  await Promise.all([server.shutdown(8_000), worker?.stop(8_000)]);
  await deps.close();
});
