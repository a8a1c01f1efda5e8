/**
 * Secrets the app needs at run time. Each comes from the environment when set there
 * (clustered mode: every process must share them) or is generated on first start and
 * kept in `$DATA_DIR/secrets/` (embedded mode).
 */
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from "jose";
import { importSigningKey } from "../storage/signed_urls.ts";
import type { Config } from "./config.ts";
import { loadOrCreateSecret, randomSecret } from "./data_dir.ts";
import { createEncryptor, type Encryptor } from "./encryption.ts";
import type { Logger } from "./logger.ts";

export interface JwtKeyring {
  /** The private key that signs new tokens, with its key id. */
  signing: { kid: string; jwk: JWK };
  /** Public keys accepted when verifying, by key id (includes the signing key). */
  verifying: JWK[];
}

export interface Secrets {
  /** HMAC key of the local storage driver's signed URLs. */
  storageSigningKey: CryptoKey;
  /** AES-GCM for secrets stored in the database. */
  encryptor: Encryptor;
  jwt: JwtKeyring;
}

/** A new Ed25519 key pair as a private JWK with `kid` (its RFC 7638 thumbprint). */
export async function generateJwtKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
  const jwk = await exportJWK(privateKey);
  jwk.kid = await calculateJwkThumbprint(jwk);
  jwk.alg = "EdDSA";
  jwk.use = "sig";
  return jwk;
}

export function publicJwk(jwk: JWK): JWK {
  const { d: _private, ...rest } = jwk;
  return rest;
}

export function base64Random(bytes: number): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(bytes))));
}

async function fromEnvOrDataDir(
  config: Config,
  logger: Logger,
  options: {
    file: string;
    env: string | undefined;
    variable: string;
    generate: () => Promise<string> | string;
  },
): Promise<string> {
  if (options.env) return options.env;
  const { value, created } = await loadOrCreateSecret(
    `${config.dataDir}/secrets/${options.file}`,
    options.generate,
  );
  if (created) {
    logger.info("generated a secret in the data dir", { file: options.file });
    if (config.mode === "clustered") {
      logger.warn(
        `${options.variable} is not set: generated one in ${config.dataDir}/secrets. Every ` +
          `process of a cluster must share it: set ${options.variable} (or share DATA_DIR).`,
      );
    }
  }
  return value;
}

export async function loadSecrets(config: Config, logger: Logger): Promise<Secrets> {
  const signing = await fromEnvOrDataDir(config, logger, {
    file: "storage-signing.key",
    env: config.secrets.storageSigningKey,
    variable: "STORAGE_SIGNING_KEY",
    generate: () => randomSecret(32),
  });
  const encryptionKey = await fromEnvOrDataDir(config, logger, {
    file: "encryption.key",
    env: config.secrets.encryptionKey,
    variable: "ENCRYPTION_KEY",
    generate: () => base64Random(32),
  });
  const jwtPrivate = JSON.parse(
    await fromEnvOrDataDir(config, logger, {
      file: "jwt-signing.jwk",
      env: config.secrets.jwtPrivateKey,
      variable: "JWT_PRIVATE_KEY",
      generate: async () => JSON.stringify(await generateJwtKey()),
    }),
  ) as JWK;
  const kid = jwtPrivate.kid ?? await calculateJwkThumbprint(jwtPrivate);
  const extra = config.secrets.jwtPublicKeys
    ? JSON.parse(config.secrets.jwtPublicKeys) as JWK[]
    : [];
  return {
    storageSigningKey: await importSigningKey(signing),
    encryptor: await createEncryptor(encryptionKey),
    jwt: {
      signing: { kid, jwk: { ...jwtPrivate, kid } },
      verifying: [publicJwk({ ...jwtPrivate, kid }), ...extra],
    },
  };
}
