// Real package tarballs for tests: files written to a temporary folder and
// packed with tar and gzip, as deno packs them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { create } from "tar";

export type Files = Record<string, string | Buffer>;

export function writeFiles(files: Files): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-pkg-"));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** A gzipped tarball of the files (paths relative, as deno writes them). */
export async function tarball(files: Files): Promise<Buffer> {
  const dir = writeFiles(files);
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of create({ gzip: true, cwd: dir, portable: true }, Object.keys(files))) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** deno.json plus a module: the smallest package that publishes. */
export function denoPackage(fullName: string, version: string, extra: Files = {}, config: Record<string, unknown> = {}): Files {
  return {
    "deno.json": JSON.stringify({ name: fullName, version, exports: "./mod.ts", license: "MIT", ...config }),
    "mod.ts": `export const name = ${JSON.stringify(fullName)};\n`,
    ...extra,
  };
}

export interface PublishingTaskBody {
  id: string;
  status: string;
  packageVersion: string;
  error: { code: string; message: string } | null;
}

/** POSTs a gzipped tarball as deno does: the version's upload, with the config at /deno.json. */
export function uploadTarball(
  baseUrl: string,
  token: string,
  target: { scope: string; name: string; version: string },
  body: Buffer,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${baseUrl}/api/scopes/${target.scope}/packages/${target.name}/versions/${target.version}?config=/deno.json`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/x-tar", "content-encoding": "gzip", ...headers },
    body,
  });
}

/**
 * Polls the task, as deno does, until it ends, for at most a minute (a task
 * may wait for a lease to run out). `inspect` sees every poll's response.
 */
export async function waitForTask(
  baseUrl: string,
  id: string,
  inspect: (res: Response) => void = () => undefined,
  timeoutMs = 60_000,
): Promise<PublishingTaskBody> {
  const deadline = Date.now() + timeoutMs;
  let task: PublishingTaskBody | undefined;
  while (Date.now() < deadline) {
    const res = await fetch(`${baseUrl}/api/publish_status/${id}`);
    inspect(res);
    task = (await res.json()) as PublishingTaskBody;
    if (task.status === "success" || task.status === "failure") return task;
    // deno polls every couple of seconds; a test need not wait that long.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`task ${id} did not finish: ${JSON.stringify(task)}`);
}

/** Short leases and polls, so that tests see a task taken over in seconds rather than in half a minute. */
export const QUICK_TASKS = { WHARF_TASK_LEASE_MS: "2000", WHARF_TASK_POLL_MS: "200" };

/** Resolves once `check` gives a value (not undefined), polling for at most a minute. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${what} did not happen within a minute`);
}

export interface HeldUpload {
  /** The server's answer, once the whole body has gone. */
  response: Promise<Response>;
  /** Sends the rest of the body. */
  finish(): void;
}

/**
 * An upload whose body stops half-way until `finish()`: meanwhile the server
 * has the request and is storing it, as with a slow client. Sent chunked
 * (no Content-Length), as a streaming client sends it.
 */
export function heldUpload(baseUrl: string, token: string, target: { scope: string; name: string; version: string }, body: Buffer): HeldUpload {
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const half = Math.floor(body.length / 2);
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(body.subarray(0, half));
      await finished;
      controller.enqueue(body.subarray(half));
      controller.close();
    },
  });
  const response = fetch(`${baseUrl}/api/scopes/${target.scope}/packages/${target.name}/versions/${target.version}?config=/deno.json`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/x-tar", "content-encoding": "gzip" },
    body: stream,
    duplex: "half",
  } as RequestInit);
  return { response, finish };
}
