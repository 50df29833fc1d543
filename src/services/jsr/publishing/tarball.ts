// Unpacks an uploaded package: a gzipped tar, streamed (gunzip, tar parser,
// blob store) so that memory stays bounded whatever the upload. Each file goes
// to the blob store; modules are scanned for what they import. The tar is fed
// to the parser only as fast as the blob store keeps up, and the event loop is
// given back every few milliseconds: thousands of tiny files must not stall
// the server's other requests.
import { createGunzip } from "node:zlib";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Parser, type ReadEntry } from "tar";
import type { BlobStore } from "../../../storage/blob-store";
import { PublishError } from "../../../errors";
import { cooperative } from "../../shared/cooperative";
import { isModule } from "./module-imports";
import type { ModuleInfo } from "./module-graph";
import { scanModule } from "./typescript-thread";
import { packagePathProblem } from "./package-paths";

export const MAX_TARBALL_BYTES = 20 * 1024 * 1024;
export const MAX_UNPACKED_BYTES = 20 * 1024 * 1024;

export interface UnpackedFile {
  path: string;
  size: number;
  sha256: string;
}

export interface UnpackedPackage {
  files: UnpackedFile[];
  /** The text of the small files publishing reads (the config file, licence). */
  texts: Map<string, string>;
  /** Every specifier each module imports. */
  imports: Map<string, string[]>;
  /** deno_graph's ModuleInfo of each module described exactly (moduleGraph2). */
  moduleGraph: Map<string, ModuleInfo>;
}

// Only these files' text is kept beyond hashing, and only this much of it.
const TEXT_LIMIT = 1024 * 1024;
// Files being written to the blob store at once, at most: the parser waits for room.
const MAX_STORING = 32;

export async function unpackTarball(
  blobs: BlobStore,
  tarball: Readable,
  wantText: (path: string) => boolean,
): Promise<UnpackedPackage> {
  const files: UnpackedFile[] = [];
  const texts = new Map<string, string>();
  const imports = new Map<string, string[]>();
  const moduleGraph = new Map<string, ModuleInfo>();
  const seen = new Map<string, string>(); // lowercased path -> path
  let failure: Error | undefined;
  // Entries being streamed to the blob store: stopped if unpacking fails, so no write waits forever.
  const streaming = new Set<Readable>();
  // Blob writes run beside the parser; their failure is reported once unpacking ends, not as an unhandled rejection.
  const storing = new Set<Promise<void>>();
  let storeFailure: Error | undefined;
  let roomMade: (() => void) | undefined;
  const alsoStore = (work: Promise<void>) => {
    const settled: Promise<void> = work
      .catch((err: Error) => void (storeFailure ??= err))
      .finally(() => {
        storing.delete(settled);
        roomMade?.();
      });
    storing.add(settled);
  };
  const pause = cooperative();
  // Between gunzip and the parser: holds the next chunk while the blob store is busy, and yields now and then.
  const pace = new Transform({
    async transform(chunk: Buffer, _encoding, done) {
      try {
        while (storing.size >= MAX_STORING) await new Promise<void>((resolve) => (roomMade = resolve));
        await pause();
        done(null, chunk);
      } catch (err) {
        done(err as Error);
      }
    },
  });

  const parser = new Parser({ strict: true });
  parser.on("entry", (entry: ReadEntry) => {
    const problem = entryProblem(entry, seen);
    if (problem || failure) {
      failure ??= problem;
      entry.resume();
      return;
    }
    if (entry.type === "Directory") return entry.resume();
    const path = normalise(entry.path);
    if (!isModule(path) && !wantText(path)) {
      // Streamed straight to the blob store: a large asset is never held in memory.
      const content = Readable.from(entry);
      streaming.add(content);
      alsoStore(
        blobs
          .put(content)
          .then((blob) => void files.push({ path, size: blob.size, sha256: blob.sha256 }))
          .finally(() => streaming.delete(content)),
      );
      return;
    }
    // Modules and config are read whole: their text is scanned.
    const chunks: Buffer[] = [];
    entry.on("data", (chunk: Buffer) => chunks.push(chunk));
    entry.on("end", () => {
      const content = Buffer.concat(chunks);
      alsoStore(
        blobs.put(content).then(async (blob) => {
          files.push({ path, size: blob.size, sha256: blob.sha256 });
          if (isModule(path)) {
            // Parsed by TypeScript in its own thread (typescript-thread.ts): the requests here never wait on it.
            const scan = await scanModule(path, content.toString("utf8"));
            imports.set(path, scan.imports);
            if (scan.info) moduleGraph.set(path, scan.info);
          }
          if (wantText(path) && content.length <= TEXT_LIMIT) texts.set(path, content.toString("utf8"));
        }),
      );
    });
  });
  parser.on("warn", (_code: string, message: string | Error) => {
    failure ??= new PublishError("invalidTarball", `The tarball is invalid: ${String(message)}`);
  });

  try {
    await pipeline(tarball, createGunzip(), limitBytes(MAX_UNPACKED_BYTES), pace, parser);
  } catch (err) {
    for (const content of streaming) content.destroy(err as Error);
    await Promise.all(storing);
    if (err instanceof PublishError) throw err;
    throw new PublishError("invalidTarball", `The tarball is invalid: ${(err as Error).message}`);
  }
  await Promise.all(storing);
  if (storeFailure) throw storeFailure;
  if (failure) throw failure;
  return { files, texts, imports, moduleGraph };
}

function normalise(entryPath: string): string {
  return "/" + entryPath.replace(/^\.?\/+/, "");
}

function entryProblem(entry: ReadEntry, seen: Map<string, string>): PublishError | undefined {
  const path = normalise(entry.path);
  if (entry.type === "SymbolicLink" || entry.type === "Link") {
    return new PublishError("linkInTarball", `The tarball contains a link at ${path}; only regular files are allowed.`);
  }
  if (entry.type !== "File" && entry.type !== "OldFile" && entry.type !== "Directory") {
    return new PublishError("invalidEntryType", `The tarball contains a ${entry.type} at ${path}; only regular files are allowed.`);
  }
  if (entry.type === "Directory") return undefined;
  const problem = packagePathProblem(path);
  if (problem) return new PublishError("invalidPath", `The path ${path} is invalid: ${problem}.`);
  const twin = seen.get(path.toLowerCase());
  if (twin !== undefined) {
    return new PublishError("caseInsensitiveDuplicatePath", `The paths ${twin} and ${path} differ only in case.`);
  }
  seen.set(path.toLowerCase(), path);
  return undefined;
}

/** Fails the stream as soon as more than `max` bytes pass: a gzip bomb is refused early. */
function limitBytes(max: number): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      if (total > max) {
        return done(new PublishError("tarballSizeLimitExceeded", `The tarball unpacks to more than ${max} bytes.`));
      }
      done(null, chunk);
    },
  });
}
