// A version's API docs, made at publish by deno's own generator (`deno doc --json`) over the published modules.
// deno runs in a temporary folder with nothing but those modules, no network (--no-remote, --no-npm, and no proxy in
// its environment), no config of the package's own beyond an import map, and a time limit. Imports of other
// packages (jsr:, npm:, URLs) point at an empty module: their symbols are not documented, the package's own are.
// deno doc runs no code of the package, so no permission is ever granted.
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { BlobStore } from "../../../storage/blob-store";
import { isModule } from "../publishing/module-imports";
import type { UnpackedPackage } from "../publishing/tarball";
import { versionScore, type VersionScore } from "./package-score";
import type { DocsWork, DocsWorkResult } from "./docs-worker";

export interface GeneratedDocs {
  /** deno doc's JSON text ({version, nodes}: DocsJson), with module keys and file names as package paths ("/mod.ts"). */
  json: string | null;
  /** Why there are no docs, when there are none. */
  error: string | null;
  /** jsr's score of the version, from its docs (none when there are none) and its README. */
  score: VersionScore;
}

export interface DocsJson {
  version: number;
  nodes: Record<string, { module_doc?: JsDoc; symbols?: DocSymbol[] }>;
}
export interface JsDoc {
  doc?: string;
  tags?: { kind: string; doc?: string }[];
}
export interface DocSymbol {
  name: string;
  declarations: { kind: string; jsDoc?: JsDoc; declarationKind?: string; location?: unknown; def?: unknown }[];
}

const TIME_LIMIT_MS = 30_000;
const MAX_OUTPUT_BYTES = 32 * 1024 * 1024;
const EXTERNAL = /^(?:jsr:|npm:|https?:|data:|blob:)/;

/** The deno binary of the `deno` npm package, if it is installed. */
export function denoBinary(): string | undefined {
  try {
    return path.join(path.dirname(require.resolve("deno/package.json")), process.platform === "win32" ? "deno.exe" : "deno");
  } catch {
    return undefined;
  }
}

/** How many files are copied into deno doc's folder at once. */
const WRITE_BATCH = 32;

/** The version's docs and score; `readme` is the README's text, if the package has one. */
export async function generateDocs(
  blobs: BlobStore,
  unpacked: UnpackedPackage,
  config: { exports: Record<string, string>; imports: Record<string, string> },
  readme: string | null,
): Promise<GeneratedDocs> {
  const made = await makeDocs(blobs, unpacked, config.exports, config.imports, readme);
  return "error" in made ? { json: null, error: made.error, score: versionScore(null, readme, config.exports) } : { ...made, error: null };
}

async function makeDocs(
  blobs: BlobStore,
  unpacked: UnpackedPackage,
  exports: Record<string, string>,
  imports: Record<string, string>,
  readme: string | null,
): Promise<DocsWorkResult> {
  const deno = denoBinary();
  if (!deno) return { error: "Docs are not generated on this registry: the deno binary is not installed." };
  const entrypoints = [...new Set(Object.values(exports))].filter((target) => isModule(target));
  if (entrypoints.length === 0) return { error: "The package exports no JavaScript or TypeScript module." };
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "wharf-docs-"));
  try {
    const pkg = path.join(dir, "pkg");
    // Modules, and the JSON they may import; a few dozen at a time, as a package may hold thousands.
    const files = unpacked.files.filter((f) => isModule(f.path) || /\.json$/.test(f.path));
    let outside: string | undefined;
    for (let start = 0; start < files.length && outside === undefined; start += WRITE_BATCH) {
      await Promise.all(
        files.slice(start, start + WRITE_BATCH).map(async (file) => {
          const content = await blobs.open(file.sha256);
          if (!content) throw new Error(`blob ${file.sha256} of ${file.path} is missing`);
          const chunks: Buffer[] = [];
          for await (const chunk of content) chunks.push(chunk as Buffer);
          const text = Buffer.concat(chunks).toString("utf8");
          // deno reads whatever local file a module names: nothing outside the package may be named.
          const named = [...(unpacked.imports.get(file.path) ?? []), ...pragmaSpecifiers(text)].find((s) => leavesPackage(file.path, s));
          if (named !== undefined) {
            outside ??= `${file.path} imports ${JSON.stringify(named)}, outside the package.`;
            return;
          }
          const target = path.join(pkg, file.path);
          await fs.mkdir(path.dirname(target), { recursive: true });
          await fs.writeFile(target, text);
        }),
      );
    }
    if (outside !== undefined) return { error: outside };
    await fs.writeFile(path.join(dir, "external.ts"), "export {};\n");
    await fs.writeFile(path.join(dir, "import_map.json"), JSON.stringify({ imports: importMap(unpacked, imports) }));
    const args = ["doc", "--json", "--no-remote", "--no-npm", "--no-lock", "--no-config", "--import-map", path.join(dir, "import_map.json")];
    const run = await runDeno(deno, [...args, ...entrypoints.map((e) => path.join(pkg, e))], dir);
    if ("error" in run) return run;
    // Module keys and file names as package paths, not the temporary folder's.
    return await readInWorker({ output: run.output, prefix: JSON.stringify(`file://${pkg}`).slice(1, -1), readme, exports });
  } catch (err) {
    return { error: `Docs could not be generated: ${(err as Error).message}` };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

// Specifiers in comments that deno follows: @ts-types / @deno-types / @ts-self-types / @jsxImportSource(Types).
const PRAGMA = /@(?:ts-types|deno-types|ts-self-types|jsxImportSource|jsxImportSourceTypes)\s*=?\s*["']?([^"'\s*]+)/g;

function pragmaSpecifiers(text: string): string[] {
  return [...text.matchAll(PRAGMA)].map((m) => m[1]);
}

/** Whether a specifier of the module at `from` names a local file outside the package (absolute, file:, or ../ too far). */
function leavesPackage(from: string, specifier: string): boolean {
  if (specifier.startsWith("file:") || specifier.startsWith("/") || specifier.startsWith("\\")) return true;
  if (!specifier.startsWith(".")) return false;
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(from).slice(1), specifier));
  return resolved === ".." || resolved.startsWith("../");
}

/** Every specifier that names another package (directly or through the config's imports) leads to the empty module. */
function importMap(unpacked: UnpackedPackage, imports: Record<string, string>): Record<string, string> {
  const map: Record<string, string> = {};
  for (const [key, value] of Object.entries(imports)) {
    if (key.endsWith("/") || typeof value !== "string") continue;
    // A mapping to a file of the package is kept; one to anything else (another package, a local file elsewhere) is not.
    map[key] = value.startsWith("./") && !leavesPackage("/", value) ? `./pkg/${value.slice(2)}` : "./external.ts";
  }
  for (const specifiers of unpacked.imports.values()) {
    for (const specifier of specifiers) {
      const target = imports[specifier] ?? specifier;
      const prefix = Object.entries(imports)
        .filter(([key, value]) => key.endsWith("/") && typeof value === "string" && specifier.startsWith(key))
        .sort(([a], [b]) => b.length - a.length)[0];
      if (EXTERNAL.test(target)) map[specifier] = "./external.ts";
      else if (prefix) {
        const local = prefix[1] + specifier.slice(prefix[0].length);
        map[specifier] = local.startsWith("./") && !leavesPackage("/", local) ? `./pkg/${local.slice(2)}` : "./external.ts";
      }
    }
  }
  return map;
}

// Enough for 32 MiB of JSON parsed; a worker past it stops, rather than the server.
const WORKER_HEAP_MB = 768;

/** docs-worker.ts's parsing and scoring, in a thread of its own that ends with the work. */
function readInWorker(work: DocsWork): Promise<DocsWorkResult> {
  return new Promise((resolve) => {
    const worker = new Worker(path.join(__dirname, "docs-worker.js"), {
      workerData: work,
      transferList: [work.output.buffer as ArrayBuffer],
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    worker.once("message", (result: DocsWorkResult) => resolve(result));
    worker.once("error", (err) => resolve({ error: `Docs could not be read: ${err.message}` }));
    worker.once("exit", (code) => resolve({ error: `Docs could not be read: the worker stopped (${code}).` }));
  });
}

function runDeno(deno: string, args: string[], cwd: string): Promise<{ output: Uint8Array } | { error: string }> {
  return new Promise((resolve) => {
    // Only what deno needs: no proxy (so no network), no token, a home and cache of its own in the temporary folder.
    const env = { PATH: process.env.PATH ?? "", HOME: cwd, DENO_DIR: path.join(cwd, ".deno"), NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" };
    const child = spawn(deno, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    let outBytes = 0;
    let stderr = "";
    let failure: string | undefined;
    const timer = setTimeout(() => {
      failure = `deno doc did not finish within ${TIME_LIMIT_MS / 1000} s.`;
      child.kill("SIGKILL");
    }, TIME_LIMIT_MS);
    child.stdout.on("data", (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > MAX_OUTPUT_BYTES) {
        failure = "The generated docs are too large.";
        child.kill("SIGKILL");
      } else out.push(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => void (stderr = (stderr + chunk.toString("utf8")).slice(-4000)));
    child.on("error", (err) => {
      clearTimeout(timer);
      resolve({ error: `deno doc could not run: ${err.message}` });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (failure) return resolve({ error: failure });
      if (code !== 0) return resolve({ error: `deno doc failed: ${lastError(stderr) || `exit code ${code}`}` });
      // A buffer of its own (Buffer.concat may share node's pool), so that it can be handed to the worker whole.
      const output = new Uint8Array(outBytes);
      let at = 0;
      for (const chunk of out) {
        output.set(chunk, at);
        at += chunk.length;
      }
      resolve({ output });
    });
  });
}

/** deno's error line, without the paths of the temporary folder or its stack trace. */
function lastError(stderr: string): string {
  const line = stderr.split("\n").find((l) => l.startsWith("error:")) ?? stderr.trim().split("\n")[0] ?? "";
  return line.replace(/file:\/\/\S*?\/pkg\//g, "/").replace(/^error:\s*/, "").slice(0, 500);
}
