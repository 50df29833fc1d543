// GraphQL connections: pages and the cursors that continue them.
import "reflect-metadata";
import { connectionOf, MAX_PAGE_SIZE, windowOf } from "../../src/graphql/infra/connection";

it("continues a list from a page's endCursor", () => {
  const first = windowOf({ first: 2 });
  expect(first).toEqual({ offset: 0, limit: 2 });
  const page = connectionOf(["a", "b"], first, 5);
  expect(page.pageInfo.hasNextPage).toBe(true);
  expect(windowOf({ first: 2, after: page.pageInfo.endCursor! })).toEqual({ offset: 2, limit: 2 });
});

it("refuses page sizes out of range and cursors it did not give out", () => {
  expect(() => windowOf({ first: MAX_PAGE_SIZE + 1 })).toThrow(/first must be between/);
  expect(() => windowOf({ first: -1 })).toThrow(/first must be between/);
  expect(() => windowOf({ first: 1, after: "not-a-cursor" })).toThrow(/not a cursor/);
});
