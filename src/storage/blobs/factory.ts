// The one place that picks where blobs live: an S3-compatible bucket when WHARF_S3_BUCKET is set, else BLOB_DIR.
import type { Config } from "../../config";
import type { BlobStore } from "../blob-store";
import { FileBlobStore } from "./fs-blob-store";
import type * as S3 from "./s3-blob-store";

export function createBlobStore(config: Config): BlobStore {
  if (config.s3) {
    // The AWS SDK (a fifth of a second of CPU to load) only for a Wharf that keeps its blobs in a bucket.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { S3BlobStore } = require("./s3-blob-store") as typeof S3;
    return new S3BlobStore(config.s3);
  }
  return new FileBlobStore(config.blobDir);
}
