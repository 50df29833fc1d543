// jsr's score rules (api/src/analysis.rs, api/src/api/types.rs), from docs as deno doc --json writes them.
import { packageScore, scorePercentage, versionScore } from "../../src/services/jsr/docs/package-score";

const fn = (name: string, doc?: string, returnType: unknown = { repr: "string" }) => ({
  name,
  declarations: [{ kind: "function", declarationKind: "export", ...(doc && { jsDoc: { doc } }), def: { returnType, hasBody: true } }],
});

it("counts documented symbols, module docs, README examples and slow types", () => {
  const docs = { version: 2, nodes: { "/mod.ts": { module_doc: { doc: "Mod." }, symbols: [fn("a", "A."), fn("b", "B."), fn("c", undefined, null)] } } };
  const version = versionScore(docs, "# Title\n\n    indented code\n", { ".": "./mod.ts" });
  expect(version).toEqual({
    hasReadme: true,
    hasReadmeExamples: true,
    allEntrypointsDocs: true,
    entrypointsWithoutDocs: [],
    percentageDocumentedSymbols: 2 / 3,
    allFastCheck: false,
  });
  const score = packageScore(version, { description: "x", runtimeCompat: { deno: true, node: true } });
  // 2 + 1 + 1 + floor(0.833 * 5) = 4, + description 1 + runtimes 2.
  expect(score.total).toBe(11);
  expect(scorePercentage(score)).toBe(64);
});

it("gives no documentation points to a version without docs, and 100% for no symbols", () => {
  expect(versionScore(null, null, { ".": "./mod.ts" })).toMatchObject({ hasReadme: false, allEntrypointsDocs: false, percentageDocumentedSymbols: 0, allFastCheck: false });
  const empty = versionScore({ version: 2, nodes: { "/mod.ts": {} } }, "readme", { ".": "./mod.ts" });
  expect(empty).toMatchObject({ allEntrypointsDocs: true, percentageDocumentedSymbols: 1, allFastCheck: true, hasReadmeExamples: false });
});
