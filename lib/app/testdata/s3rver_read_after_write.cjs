// Runs s3rver (the test double of S3) so that it reads its own writes, as S3 and MinIO do.
//
// s3rver 3.7's FilesystemStore.putObject answers a PUT once its hashing transform has seen
// the last byte, before the file stream has written it: a GET right after can read the
// object short or empty (seen as a confirm that found "not a PDF"). Here putObject waits
// for the file, then the s3rver command line runs as usual.
//
// Usage: node s3rver_read_after_write.cjs <path of s3rver/bin/s3rver.js> [s3rver options]
"use strict";

const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const { Transform } = require("node:stream");
const { pipeline } = require("node:stream/promises");

const bin = process.argv[2];
process.argv.splice(2, 1);
const FilesystemStore = require(
  path.join(path.dirname(bin), "..", "lib", "stores", "filesystem.js"),
);

FilesystemStore.prototype.putObject = async function putObject(object) {
  const objectPath = this.getResourcePath(object.bucket, object.key, "object");
  await fs.promises.mkdir(path.dirname(objectPath), { recursive: true });
  const md5 = crypto.createHash("md5");
  let size = 0;
  await pipeline(
    Buffer.isBuffer(object.content) ? [object.content] : object.content,
    new Transform({
      transform(chunk, encoding, callback) {
        md5.update(chunk, encoding);
        size += chunk.length;
        callback(null, chunk);
      },
    }),
    fs.createWriteStream(objectPath),
  );
  const digest = md5.digest("hex");
  await this.putMetadata(object.bucket, object.key, object.metadata, digest);
  return { size, md5: digest };
};

require(bin);
