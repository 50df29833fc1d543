// deno doc's output read off the main thread: a big package's docs are megabytes of JSON (up to 32 MiB), and
// parsing them, rewriting their paths and scoring them on the main thread held every request for a few hundred
// milliseconds, and left a heap of parsed objects for the collector to walk. Here they are parsed, scored and let go;
// the main thread gets back only the text, to store as it is, and the score.
import { parentPort, workerData } from "node:worker_threads";
import { versionScore, type VersionScore } from "./package-score";
import type { DocsJson } from "./generate-docs";

export interface DocsWork {
  /** deno doc's stdout (transferred, not copied). */
  output: Uint8Array;
  /** The temporary folder's URL prefix, removed so that module keys and file names read as package paths. */
  prefix: string;
  readme: string | null;
  exports: Record<string, string>;
}

export type DocsWorkResult = { json: string; score: VersionScore } | { error: string };

function read({ output, prefix, readme, exports }: DocsWork): DocsWorkResult {
  try {
    const json = Buffer.from(output.buffer, output.byteOffset, output.byteLength).toString("utf8").split(prefix).join("");
    return { json, score: versionScore(JSON.parse(json) as DocsJson, readme, exports) };
  } catch (err) {
    return { error: `deno doc wrote what is not JSON: ${(err as Error).message}` };
  }
}

parentPort?.postMessage(read(workerData as DocsWork));
