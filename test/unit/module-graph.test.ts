// moduleGraph2 entries, in deno_graph's ModuleInfo shape (upstream's publish.rs module_graph test).
import { moduleInfoOf } from "../../src/services/jsr/publishing/module-graph";

it("describes static, type-only, re-exported and dynamic imports with their ranges", () => {
  const source = ['import {} from "./test.js";', 'import type { T } from "./t.ts";', 'export * from "jsr:@std/path@1";', 'const m = await import("./lazy.ts");', 'import data from "./d.json" with { type: "json" };'].join("\n");
  expect(moduleInfoOf("/mod.ts", source)).toEqual({
    dependencies: [
      { type: "static", kind: "import", specifier: "./test.js", specifierRange: [[0, 15], [0, 26]], sideEffect: true },
      { type: "static", kind: "importType", specifier: "./t.ts", specifierRange: [[1, 23], [1, 31]] },
      { type: "static", kind: "export", specifier: "jsr:@std/path@1", specifierRange: [[2, 14], [2, 31]] },
      { type: "dynamic", argument: "./lazy.ts", argumentRange: [[3, 23], [3, 34]] },
      { type: "static", kind: "import", specifier: "./d.json", specifierRange: [[4, 17], [4, 27]], importAttributes: { known: { type: "json" } } },
    ],
  });
  expect(moduleInfoOf("/a.ts", "export const a = 1;")).toEqual({});
});

it("leaves to deno what it does not describe exactly", () => {
  for (const source of ['// @ts-self-types="./a.d.ts"\nexport {};', "const x = 1;", 'import(`./${x}.ts`); export {};', 'declare module "x" {}\nexport {};', 'const a = require("a");\nexport {};']) {
    expect(moduleInfoOf("/a.ts", source)).toBeUndefined();
  }
});

it("reads pragmas only in comments, wherever they are", () => {
  expect(moduleInfoOf("/a.ts", 'const s = "@ts-types import(";\nexport { s };')).toEqual({});
  expect(moduleInfoOf("/a.ts", 'export const f = () => {\n  // @ts-types="./x.d.ts"\n  return import("./x.js");\n};')).toBeUndefined();
  expect(moduleInfoOf("/a.ts", "export {};\n/// <reference types=\"node\" />")).toBeUndefined();
});
