// A real S3-protocol server for a test: s3rver on port 0 over HTTP, with its objects in a temporary folder.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// s3rver ships no types: what this file uses of it.
interface S3rverOptions {
  port: number;
  address: string;
  silent: boolean;
  directory: string;
  configureBuckets: Array<{ name: string; configs: string[] }>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver: new (options: S3rverOptions) => { run(): Promise<{ port: number }>; close(): Promise<void> } = require("s3rver");

export interface S3Server {
  endpoint: string;
  bucket: string;
  /** Where s3rver keeps the objects (tests age an object by its file's mtime, which s3rver reports). */
  directory: string;
  /** The environment that points Wharf (server or CLI) at this bucket. */
  env: Record<string, string>;
  /** What S3BlobStore's constructor takes. */
  options: {
    bucket: string;
    endpoint: string;
    region: string;
    forcePathStyle: boolean;
    credentials: { accessKeyId: string; secretAccessKey: string };
  };
  stop(): Promise<void>;
}

export async function startS3(bucket = "wharf-test"): Promise<S3Server> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-s3-"));
  const server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  let stopped = false;
  return {
    endpoint,
    bucket,
    directory,
    env: {
      WHARF_S3_BUCKET: bucket,
      WHARF_S3_ENDPOINT: endpoint,
      WHARF_S3_REGION: "us-east-1",
      WHARF_S3_FORCE_PATH_STYLE: "true",
      // s3rver's fixed credentials, through the SDK's usual chain (the environment).
      AWS_ACCESS_KEY_ID: "S3RVER",
      AWS_SECRET_ACCESS_KEY: "S3RVER",
    },
    options: { bucket, endpoint, region: "us-east-1", forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } },
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** The file where s3rver keeps an object whose key ends with this name. */
export function s3rverFileOf(s3: S3Server, keyEnd: string): string | undefined {
  const walk = (dir: string): string | undefined => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        const found = walk(full);
        if (found) return found;
      } else if (entry.name === `${keyEnd}._S3rver_object`) {
        return full;
      }
    }
    return undefined;
  };
  return walk(path.join(s3.directory, s3.bucket));
}
