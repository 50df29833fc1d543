// A published file as text, for the source view: binary and very large files
// are not shown (the page links to the raw bytes instead).
import type { BlobStore } from "../../storage/blob-store";

/** Above this a file is not shown inline. */
export const MAX_SOURCE_BYTES = 1024 * 1024;

export interface FileSource {
  path: string;
  size: number;
  /** The file's text; null when it is binary (not UTF-8, or has NUL bytes) or over MAX_SOURCE_BYTES. */
  text: string | null;
}

export async function readFileSource(blobs: BlobStore, file: { path: string; size: number; sha256: string }): Promise<FileSource> {
  if (file.size > MAX_SOURCE_BYTES) return { path: file.path, size: file.size, text: null };
  const content = await blobs.open(file.sha256);
  if (!content) throw new Error(`blob ${file.sha256} of ${file.path} is missing from the blob store`);
  const chunks: Buffer[] = [];
  for await (const chunk of content) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  if (bytes.includes(0)) return { path: file.path, size: file.size, text: null };
  try {
    return { path: file.path, size: file.size, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { path: file.path, size: file.size, text: null };
  }
}

