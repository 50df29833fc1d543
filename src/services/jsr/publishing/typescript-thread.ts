// Publishing's TypeScript work (scanning modules, reading JSONC config files), done by one worker thread of the
// process (typescript-worker.ts), started at the first publish and kept; it never keeps the process alive. A worker
// that dies (a module that exhausts its stack or heap) fails what it was given, and the next call starts another.
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ModuleInfo } from "./module-graph";
import type { TypeScriptResult, TypeScriptWork } from "./typescript-worker";

// Bounds a hostile module's parse; the main thread's heap is not at stake.
const WORKER_HEAP_MB = 512;

interface Pending {
  resolve(result: TypeScriptResult): void;
  reject(err: Error): void;
}

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, Pending>();

function start(): Worker {
  const started = new Worker(path.join(__dirname, "typescript-worker.js"), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  started.unref();
  started.on("message", ({ id, result, error }: { id: number; result?: TypeScriptResult; error?: string }) => {
    const waiting = pending.get(id);
    pending.delete(id);
    if (pending.size === 0) started.unref();
    if (error !== undefined) waiting?.reject(new Error(error));
    else waiting?.resolve(result!);
  });
  const fail = (err: Error) => {
    if (worker === started) worker = undefined;
    for (const waiting of pending.values()) waiting.reject(err);
    pending.clear();
  };
  started.on("error", fail);
  started.on("exit", (code) => fail(new Error(`the TypeScript worker stopped (exit code ${code})`)));
  return started;
}

function send(work: TypeScriptWork): Promise<TypeScriptResult> {
  worker ??= start();
  const id = nextId++;
  // Referenced while it has work: a publish under way keeps the process up as any other I/O does.
  if (pending.size === 0) worker.ref();
  const sent = new Promise<TypeScriptResult>((resolve, reject) => pending.set(id, { resolve, reject }));
  worker.postMessage({ id, work });
  return sent;
}

/** What a module imports, and deno_graph's ModuleInfo of it (undefined when deno should read it itself). */
export async function scanModule(modulePath: string, source: string): Promise<{ imports: string[]; info: ModuleInfo | undefined }> {
  const result = await send({ kind: "scan", path: modulePath, source });
  if (result.kind !== "scan") throw new Error("the TypeScript worker answered another question");
  return { imports: result.imports, info: result.info };
}

/** A JSONC text (deno.json, deno.jsonc, jsr.json) read as TypeScript's reader reads it; error when it is not valid. */
export async function parseJsonc(filePath: string, text: string): Promise<{ config: unknown; error: boolean }> {
  const result = await send({ kind: "jsonc", path: filePath, text });
  if (result.kind !== "jsonc") throw new Error("the TypeScript worker answered another question");
  return { config: result.config, error: result.error };
}
