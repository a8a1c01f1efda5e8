/**
 * S3-compatible storage (AWS S3, MinIO, Cloudflare R2, s3rver …) through the AWS SDK.
 * Uploads from browsers go straight to S3 with presigned PUT URLs that sign the exact
 * Content-Length, so the bytes never pass through the web process.
 */
import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { createSHA256 } from "hash-wasm";
import type { StorageConfig } from "../app/config.ts";
import { assertValidKey, assertValidPrefix } from "./object_keys.ts";
import { contentDisposition } from "./signed_urls.ts";
import {
  InvalidRangeError,
  type ListedObject,
  ObjectNotFoundError,
  type ObjectStorage,
  ObjectTooLargeError,
} from "./storage_types.ts";

type S3Config = Extract<StorageConfig, { driver: "s3" }>;

function clientConfig(config: S3Config, endpoint: string | undefined): S3ClientConfig {
  return {
    endpoint,
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    // Recent SDKs add CRC32 checksums to every request by default; a presigned PUT would
    // then carry the checksum of an empty body and S3 would refuse the real upload.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    maxAttempts: 3,
  };
}

function isNotFound(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === "NotFound" || e.name === "NoSuchKey" || e.$metadata?.httpStatusCode === 404;
}

function isInvalidRange(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } } | null;
  return e?.name === "InvalidRange" || e?.$metadata?.httpStatusCode === 416;
}

function isNotImplemented(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } } | null;
  return e?.name === "NotImplemented" || e?.$metadata?.httpStatusCode === 501;
}

/** Counts and hashes the bytes flowing through, and stops at `maxBytes`. */
async function meter(maxBytes: number | undefined) {
  const hasher = await createSHA256();
  hasher.init();
  let size = 0;
  const stream = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      size += chunk.length;
      if (maxBytes !== undefined && size > maxBytes) {
        controller.error(new ObjectTooLargeError(maxBytes));
        return;
      }
      hasher.update(chunk);
      controller.enqueue(chunk);
    },
  });
  return { stream, result: () => ({ size, sha256: hasher.digest("hex") }) };
}

export function createS3Storage(config: S3Config): ObjectStorage {
  const client = new S3Client(clientConfig(config, config.endpoint));
  // Browsers may reach S3 under another name than this process does (compose: minio:9000
  // inside, localhost:9000 outside); presigned URLs must use the browser's name.
  const presignClient = config.publicEndpoint && config.publicEndpoint !== config.endpoint
    ? new S3Client(clientConfig(config, config.publicEndpoint))
    : client;
  const Bucket = config.bucket;
  const browserEndpoint = config.publicEndpoint ?? config.endpoint;
  const browserOrigins = browserEndpoint ? [new URL(browserEndpoint).origin] : [
    `https://${Bucket}.s3.${config.region}.amazonaws.com`,
    `https://s3.${config.region}.amazonaws.com`,
  ];

  return {
    driver: "s3",
    browserOrigins,

    async put(key, body, options = {}) {
      assertValidKey(key);
      const source = body instanceof ReadableStream ? body : new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(body);
          controller.close();
        },
      });
      const metered = await meter(options.maxBytes);
      // lib-storage sends small bodies in one PUT and large ones as a multipart upload;
      // on failure it aborts the multipart upload, so nothing partial remains.
      const upload = new Upload({
        client,
        params: {
          Bucket,
          Key: key,
          Body: source.pipeThrough(metered.stream),
          ContentType: options.contentType ?? "application/octet-stream",
        },
        queueSize: 2,
        partSize: 8 * 1024 * 1024,
        leavePartsOnError: false,
      });
      await upload.done();
      return metered.result();
    },

    async get(key, options = {}) {
      assertValidKey(key);
      const range = options.range;
      try {
        const out = await client.send(
          new GetObjectCommand({
            Bucket,
            Key: key,
            Range: range ? `bytes=${range.start}-${range.end ?? ""}` : undefined,
          }),
        );
        const body = out.Body!.transformToWebStream() as ReadableStream<Uint8Array>;
        // Content-Range: bytes start-end/size
        const match = /bytes (\d+)-(\d+)\/(\d+)/.exec(out.ContentRange ?? "");
        if (match) {
          return {
            body,
            size: Number(match[3]),
            range: { start: Number(match[1]), end: Number(match[2]) },
          };
        }
        const size = out.ContentLength ?? 0;
        return { body, size, range: { start: 0, end: Math.max(0, size - 1) } };
      } catch (error) {
        if (isNotFound(error)) throw new ObjectNotFoundError(key);
        if (isInvalidRange(error)) {
          const head = await this.head(key);
          throw new InvalidRangeError(head?.size ?? 0);
        }
        throw error;
      }
    },

    async head(key) {
      assertValidKey(key);
      try {
        const out = await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return { size: out.ContentLength ?? 0, lastModified: out.LastModified ?? null };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },

    async delete(key) {
      assertValidKey(key);
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },

    async *list(prefix): AsyncGenerator<ListedObject> {
      assertValidPrefix(prefix);
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken }),
        );
        for (const item of page.Contents ?? []) {
          if (item.Key) yield { key: item.Key, size: item.Size ?? 0 };
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },

    async signUpload(key, options) {
      assertValidKey(key);
      const url = await getSignedUrl(
        presignClient,
        new PutObjectCommand({
          Bucket,
          Key: key,
          ContentLength: options.size,
          ContentType: options.contentType,
        }),
        {
          expiresIn: options.expiresInSeconds,
          // Sign these headers so S3 refuses any other size or type.
          signableHeaders: new Set(["content-length", "content-type"]),
        },
      );
      return {
        url,
        method: "PUT",
        headers: { "content-type": options.contentType },
        expiresAt: new Date(Date.now() + options.expiresInSeconds * 1000),
      };
    },

    async signDownload(key, options) {
      assertValidKey(key);
      const url = await getSignedUrl(
        presignClient,
        new GetObjectCommand({
          Bucket,
          Key: key,
          ResponseContentDisposition: contentDisposition(options.disposition, options.filename),
          ResponseContentType: options.contentType,
        }),
        { expiresIn: options.expiresInSeconds },
      );
      return { url, expiresAt: new Date(Date.now() + options.expiresInSeconds * 1000) };
    },

    async cleanupIncomplete(olderThan) {
      let aborted = 0;
      let KeyMarker: string | undefined;
      let UploadIdMarker: string | undefined;
      do {
        const page = await client.send(
          new ListMultipartUploadsCommand({ Bucket, KeyMarker, UploadIdMarker }),
        ).catch((error) => {
          // Some S3-compatible servers (s3rver, …) cannot list multipart uploads; then
          // there is nothing we could clean up, which must not fail the cleanup job.
          if (isNotImplemented(error)) return null;
          throw error;
        });
        if (!page) return aborted;
        for (const upload of page.Uploads ?? []) {
          if (upload.Initiated && upload.Initiated < olderThan && upload.Key && upload.UploadId) {
            await client.send(
              new AbortMultipartUploadCommand({
                Bucket,
                Key: upload.Key,
                UploadId: upload.UploadId,
              }),
            );
            aborted++;
          }
        }
        KeyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
        UploadIdMarker = page.IsTruncated ? page.NextUploadIdMarker : undefined;
      } while (KeyMarker);
      return aborted;
    },

    async check() {
      await client.send(new HeadBucketCommand({ Bucket }));
    },

    close() {
      client.destroy();
      if (presignClient !== client) presignClient.destroy();
    },
  };
}
