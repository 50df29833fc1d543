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
 * Polls the task, as deno does, until it ends (bounded: each poll waits for the
 * server, not for a timer). `inspect` sees every poll's response.
 */
export async function waitForTask(baseUrl: string, id: string, inspect: (res: Response) => void = () => undefined): Promise<PublishingTaskBody> {
  for (let i = 0; i < 2000; i++) {
    const res = await fetch(`${baseUrl}/api/publish_status/${id}`);
    inspect(res);
    const task = (await res.json()) as PublishingTaskBody;
    if (task.status === "success" || task.status === "failure") return task;
  }
  throw new Error(`task ${id} did not finish`);
}
