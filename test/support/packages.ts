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
