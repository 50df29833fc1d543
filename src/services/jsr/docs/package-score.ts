// jsr's package score (api/src/analysis.rs generate_score, api/src/api/types.rs ApiPackageScore), from a version's
// docs and README and the package's settings. Provenance is never verified here, so it is always false. jsr's
// allFastCheck runs its fast-check pass; Wharf approximates it from the docs: every exported function declares its
// return type and every exported variable its type (what deno calls slow types).
import type { DocsJson, JsDoc } from "./generate-docs";

/** The part of the score a version fixes at its publish. */
export interface VersionScore {
  hasReadme: boolean;
  hasReadmeExamples: boolean;
  allEntrypointsDocs: boolean;
  entrypointsWithoutDocs: string[];
  percentageDocumentedSymbols: number;
  allFastCheck: boolean;
}

export interface PackageScore extends Omit<VersionScore, "entrypointsWithoutDocs"> {
  hasProvenance: boolean;
  hasDescription: boolean;
  atLeastOneRuntimeCompatible: boolean;
  multipleRuntimesCompatible: boolean;
  total: number;
}

export const MAX_SCORE = 17;

const INDENTED_CODE_BLOCK = /\n\s*?\n( {4}|\t)[^\S\n]*\S/;
const hasCodeFence = (text: string) => text.includes("```") || text.includes("~~~");
const documented = (doc: JsDoc | undefined) => !!doc && (!!doc.doc || (doc.tags ?? []).length > 0);

export function versionScore(docs: DocsJson | null, readme: string | null, exports: Record<string, string>): VersionScore {
  const nodes = Object.entries(docs?.nodes ?? {}).filter(([file]) => !/\.(?:wasm|json)$/.test(file));
  const main = exports["."]?.replace(/^\./, "");
  const mainDoc = nodes.find(([file]) => file === main)?.[1].module_doc;
  const hasReadmeExamples =
    (readme !== null && (hasCodeFence(readme) || INDENTED_CODE_BLOCK.test(readme))) ||
    (!!mainDoc && (hasCodeFence(mainDoc.doc ?? "") || (mainDoc.tags ?? []).some((t) => t.kind === "example")));
  const keyOf = new Map(Object.entries(exports).map(([key, target]) => [target.replace(/^\./, ""), key]));
  const entrypointsWithoutDocs = nodes
    .filter(([file, node]) => !documented(node.module_doc) && !(file === main && readme !== null))
    .map(([file]) => keyOf.get(file) ?? file);
  let total = 0;
  let withDocs = 0;
  let slow = false;
  for (const [, node] of nodes) {
    for (const symbol of node.symbols ?? []) {
      const declarations = symbol.declarations.filter((d) => d.declarationKind !== "private");
      const overloads = declarations.length > 1 && declarations.every((d) => d.kind === "function");
      for (const d of declarations) {
        const def = (d.def ?? {}) as { hasBody?: boolean; returnType?: unknown; tsType?: unknown };
        if (overloads && def.hasBody) continue;
        total++;
        if (documented(d.jsDoc)) withDocs++;
        if ((d.kind === "function" && !def.returnType) || (d.kind === "variable" && !def.tsType)) slow = true;
      }
    }
  }
  return {
    hasReadme: readme !== null || !!mainDoc?.doc,
    hasReadmeExamples,
    allEntrypointsDocs: docs !== null && entrypointsWithoutDocs.length === 0,
    entrypointsWithoutDocs,
    percentageDocumentedSymbols: docs === null ? 0 : total === 0 ? 1 : withDocs / total,
    // Without docs nothing shows the types: no points for what cannot be checked.
    allFastCheck: docs !== null && !slow,
  };
}

type RuntimeCompat = Partial<Record<"browser" | "deno" | "node" | "workerd" | "bun", boolean | null>>;

export function packageScore(version: VersionScore, pkg: { description: string; runtimeCompat: RuntimeCompat }): PackageScore {
  const runtimes = Object.values(pkg.runtimeCompat ?? {}).filter((v) => v === true).length;
  const hasDescription = pkg.description !== "";
  const total =
    (version.hasReadme ? 2 : 0) +
    (version.hasReadmeExamples ? 1 : 0) +
    (version.allEntrypointsDocs ? 1 : 0) +
    Math.floor(Math.min(version.percentageDocumentedSymbols / 0.8, 1) * 5) +
    (version.allFastCheck ? 5 : 0) +
    (hasDescription ? 1 : 0) +
    (runtimes >= 1 ? 1 : 0) +
    (runtimes >= 2 ? 1 : 0);
  const { entrypointsWithoutDocs: _omitted, ...rest } = version;
  return { ...rest, hasProvenance: false, hasDescription, atLeastOneRuntimeCompatible: runtimes >= 1, multipleRuntimesCompatible: runtimes >= 2, total };
}

/** The score as jsr shows it on a package: a percentage of the maximum. */
export function scorePercentage(score: PackageScore): number {
  return Math.min(Math.floor((score.total * 100) / MAX_SCORE), 100);
}
