/**
 * Secrets the app needs at run time. Each comes from the environment when set there
 * (clustered mode: every process must share them) or is generated on first start and
 * kept in `$DATA_DIR/secrets/` (embedded mode).
 */
import { importSigningKey } from "../storage/signed_urls.ts";
import type { Config } from "./config.ts";
import { loadOrCreateSecret, randomSecret } from "./data_dir.ts";
import type { Logger } from "./logger.ts";

export interface Secrets {
  /** HMAC key of the local storage driver's signed URLs. */
  storageSigningKey: CryptoKey;
}

async function secret(
  config: Config,
  logger: Logger,
  name: string,
  fromEnv: string | undefined,
  variable: string,
): Promise<string> {
  if (fromEnv) return fromEnv;
  const { value, created } = await loadOrCreateSecret(
    `${config.dataDir}/secrets/${name}`,
    () => randomSecret(32),
  );
  if (created) {
    logger.info("generated a secret in the data dir", { file: name });
    if (config.mode === "clustered") {
      logger.warn(
        `${variable} is not set: generated one in ${config.dataDir}/secrets. Every process of a ` +
          `cluster must share it; set ${variable} (or share DATA_DIR) before adding hosts.`,
      );
    }
  }
  return value;
}

export async function loadSecrets(config: Config, logger: Logger): Promise<Secrets> {
  const signing = await secret(
    config,
    logger,
    "storage-signing.key",
    config.secrets.storageSigningKey,
    "STORAGE_SIGNING_KEY",
  );
  return { storageSigningKey: await importSigningKey(signing) };
}
