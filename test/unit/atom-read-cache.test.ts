// Which requests the Atom read cache may answer: anonymous GETs of one package, its version or its stargazers.
import type { IncomingMessage } from "node:http";
import { cacheableName } from "../../src/http/atom-read-cache";

const request = (url: string, headers: Record<string, string> = {}, method = "GET") => ({ url, method, headers }) as unknown as IncomingMessage;

it("answers anonymous reads of a package, a version and the stargazers, by the name in lower case", () => {
  expect(cacheableName(request("/atom/api/packages/Foo-Bar"))).toBe("foo-bar");
  expect(cacheableName(request("/atom/api/packages/foo?engine=1.2.3"))).toBe("foo");
  expect(cacheableName(request("/atom/api/packages/foo/versions/1.0.0"))).toBe("foo");
  expect(cacheableName(request("/atom/api/packages/foo/stargazers"))).toBe("foo");
});

it("leaves everything else to Express: authenticated or conditional requests, other methods, queries and paths", () => {
  expect(cacheableName(request("/atom/api/packages/foo", { authorization: "token" }))).toBeUndefined();
  expect(cacheableName(request("/atom/api/packages/foo", { "if-none-match": '"x"' }))).toBeUndefined();
  expect(cacheableName(request("/atom/api/packages/foo", {}, "HEAD"))).toBeUndefined();
  expect(cacheableName(request("/atom/api/packages/foo", {}, "DELETE"))).toBeUndefined();
  expect(cacheableName(request("/atom/api/packages/foo?engine=1&x=2"))).toBeUndefined();
  expect(cacheableName(request("/atom/api/packages/foo/stargazers?engine=1"))).toBeUndefined();
  expect(cacheableName(request("/atom/api/packages/foo/versions/1.0.0/tarball"))).toBeUndefined();
  expect(cacheableName(request("/atom/api/packages/search"))).toBeUndefined();
  expect(cacheableName(request("/atom/api/packages/featured"))).toBeUndefined();
  expect(cacheableName(request("/atom/api/packages/%E0%A4%A"))).toBeUndefined();
  expect(cacheableName(request("/atom/api/packages"))).toBeUndefined();
});
