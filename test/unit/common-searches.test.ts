// Where a search's next run starts: only broad searches are remembered, and what users typed is kept within bounds.
import { lastBreadth, rememberBreadth } from "../../src/storage/queries/common-searches";

it("remembers a broad search until a run finds it narrow", () => {
  expect(lastBreadth("linter")).toEqual({ named: false, worded: false });
  rememberBreadth("linter", { named: false, worded: true });
  expect(lastBreadth("linter")).toEqual({ named: false, worded: true });
  rememberBreadth("linter", { named: false, worded: false });
  expect(lastBreadth("linter")).toEqual({ named: false, worded: false });
});

it("keeps what users typed within a byte bound, the least recently used out first", () => {
  rememberBreadth("first", { named: true, worded: true });
  // A query larger than the whole bound is not kept at all; many large ones push the oldest out.
  rememberBreadth("x".repeat(2 * 1024 * 1024), { named: true, worded: false });
  expect(lastBreadth("x".repeat(2 * 1024 * 1024))).toEqual({ named: false, worded: false });
  expect(lastBreadth("first")).toEqual({ named: true, worded: true });
  for (let i = 0; i < 100; i++) rememberBreadth(`${i}`.padEnd(16 * 1024, "y"), { named: true, worded: false });
  expect(lastBreadth("first")).toEqual({ named: false, worded: false });
  expect(lastBreadth("99".padEnd(16 * 1024, "y"))).toEqual({ named: true, worded: false });
});
