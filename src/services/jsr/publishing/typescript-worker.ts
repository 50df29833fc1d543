// The thread that runs TypeScript's parser for publishing (typescript-thread.ts sends it the work): loading the
// compiler (9 MB of JavaScript) held the event loop for half a second at the first publish, and parsing thousands
// of modules held it in slices for as long as a big package took. Here neither touches the requests.
import { parentPort } from "node:worker_threads";
import ts from "typescript";
import { moduleInfoOf } from "./module-graph";

export type TypeScriptWork = { kind: "scan"; path: string; source: string } | { kind: "jsonc"; path: string; text: string };

export type TypeScriptResult =
  | { kind: "scan"; imports: string[]; info: ReturnType<typeof moduleInfoOf> }
  | { kind: "jsonc"; config: unknown; error: boolean };

/** The specifiers a module's source imports (import/export declarations, dynamic import(), require, type references). */
function importsOf(source: string): string[] {
  const info = ts.preProcessFile(source, true, true);
  return [...info.importedFiles, ...info.referencedFiles, ...info.typeReferenceDirectives].map((f) => f.fileName);
}

function run(work: TypeScriptWork): TypeScriptResult {
  if (work.kind === "scan") return { kind: "scan", imports: importsOf(work.source), info: moduleInfoOf(work.path, work.source) };
  // TypeScript's reader accepts JSONC (comments, trailing commas), as deno does.
  const { config, error } = ts.parseConfigFileTextToJson(work.path, work.text);
  return { kind: "jsonc", config, error: error !== undefined };
}

parentPort?.on("message", ({ id, work }: { id: number; work: TypeScriptWork }) => {
  try {
    parentPort!.postMessage({ id, result: run(work) });
  } catch (err) {
    parentPort!.postMessage({ id, error: String((err as Error)?.message ?? err) });
  }
});
