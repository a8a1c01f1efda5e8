/**
 * `deno task worker`: a process that only runs jobs (clustered mode: web processes run
 * with WORKERS=0 and any number of these run beside them).
 */
import { buildDeps } from "../lib/app/deps.ts";
import { createLogger } from "../lib/app/logger.ts";
import { exitOnSignal, exitWithError, loadConfigOrExit } from "../lib/app/process.ts";
import { runWorker } from "./run.ts";

const config = loadConfigOrExit();
const logger = createLogger({ level: config.logLevel, format: config.logFormat });
const deps = await buildDeps(config, { migrate: true, logger }).catch(exitWithError);
// The first sweep may already run jobs before the worker is returned: a signal from then
// on lets them finish.
const starting = runWorker(deps);
exitOnSignal(logger, async () => {
  const worker = await starting.catch(() => null);
  await worker?.stop(8_000);
  await deps.close();
});
const worker = await starting.catch(exitWithError);
logger.info("DocuVault worker is running", { mode: config.mode, worker_id: worker.id });
