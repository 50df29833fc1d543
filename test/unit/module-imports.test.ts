// What a module's import specifiers say about the package's dependencies.
import { dependencyOf } from "../../src/services/jsr/publishing/module-imports";

it("reads jsr and npm specifiers, with and without a constraint or a subpath", () => {
  expect(dependencyOf("jsr:@std/path@^1.0.0/posix")).toEqual({ kind: "jsr", name: "@std/path", constraint: "^1.0.0", path: "/posix" });
  expect(dependencyOf("jsr:@std/path")).toEqual({ kind: "jsr", name: "@std/path", constraint: "*", path: "" });
  expect(dependencyOf("npm:@types/node@20")).toEqual({ kind: "npm", name: "@types/node", constraint: "20", path: "" });
  expect(dependencyOf("npm:chalk/ansi")).toEqual({ kind: "npm", name: "chalk", constraint: "*", path: "/ansi" });
});

it("names no package for relative, URL and bare specifiers", () => {
  for (const specifier of ["./mod.ts", "https://deno.land/x/y.ts", "node:fs", "chalk"]) expect(dependencyOf(specifier)).toBeUndefined();
});
