// The paths of a package's files: portable to every OS and tarball format.
import { packagePathProblem } from "../../src/services/jsr/publishing/package-paths";

it.each(["/mod.ts", "/src/a-b_c.d.ts", "/@types/x.ts"])("takes %j", (path) => {
  expect(packagePathProblem(path)).toBeUndefined();
});

it.each([
  ["mod.ts", "must start with /"],
  ["/a//b.ts", "empty component"],
  ["/a/../b.ts", ". or .. component"],
  ["/a b.ts", "character"],
  ["/con.ts", "reserved on Windows"],
  ["/_dist/x.ts", "_dist is reserved"],
  ["/x.", "ends with a dot"],
  [`/${"a".repeat(156)}`, "at most 155"],
])("refuses %j", (path, why) => {
  expect(packagePathProblem(path)).toContain(why);
});
