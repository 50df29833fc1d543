// The one place that picks where blobs live: an S3-compatible bucket when WHARF_S3_BUCKET is set, else BLOB_DIR.
import type { Config } from "../../config";
import type { BlobStore } from "../blob-store";
import { FileBlobStore } from "./fs-blob-store";
import { S3BlobStore } from "./s3-blob-store";

export function createBlobStore(config: Config): BlobStore {
  if (config.s3) return new S3BlobStore(config.s3);
  return new FileBlobStore(config.blobDir);
}
