/** Build the configured storage driver. The S3 SDK is only loaded when it is used. */
import type { StorageConfig } from "../app/config.ts";
import type { Clock } from "../shared/clock.ts";
import { createFsStorage } from "./fs_storage.ts";
import type { ObjectStorage } from "./storage_types.ts";

export interface CreateStorageOptions {
  config: StorageConfig;
  publicUrl: string;
  /** HMAC key for the local driver's signed URLs. */
  signingKey: CryptoKey;
  clock: Clock;
}

export async function createStorage(options: CreateStorageOptions): Promise<ObjectStorage> {
  const { config } = options;
  if (config.driver === "s3") {
    const { createS3Storage } = await import("./s3_storage.ts");
    return createS3Storage(config);
  }
  return createFsStorage({
    root: config.root,
    publicUrl: options.publicUrl,
    signingKey: options.signingKey,
    clock: options.clock,
  });
}
