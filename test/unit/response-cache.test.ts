// Which requests the response cache may answer or keep: anonymous, unconditional GETs on the REST faces (which of
// their responses are kept is the handlers' word, tested over HTTP).
import type { IncomingMessage } from "node:http";
import { asksFresh, cacheableRequest } from "../../src/http/response-cache";

const request = (url: string, headers: Record<string, string> = {}, method = "GET") => ({ url, method, headers }) as unknown as IncomingMessage;

it("considers anonymous GETs under /api and /atom/api", () => {
  expect(cacheableRequest(request("/atom/api/packages/Foo-Bar?engine=1.2.3"))).toBe(true);
  expect(cacheableRequest(request("/atom/api/users/fan/stars"))).toBe(true);
  expect(cacheableRequest(request("/api/scopes/std/packages/fs"))).toBe(true);
});

it("leaves everything else to Express: authenticated or conditional requests, other methods and paths", () => {
  expect(cacheableRequest(request("/atom/api/packages/foo", { authorization: "token" }))).toBe(false);
  expect(cacheableRequest(request("/api/scopes/std", { authorization: "Bearer t" }))).toBe(false);
  expect(cacheableRequest(request("/atom/api/packages/foo", { "if-none-match": '"x"' }))).toBe(false);
  expect(cacheableRequest(request("/atom/api/packages/foo", { "if-modified-since": "Thu, 01 Jan 2026 00:00:00 GMT" }))).toBe(false);
  expect(cacheableRequest(request("/atom/api/packages/foo", {}, "HEAD"))).toBe(false);
  expect(cacheableRequest(request("/atom/api/packages/foo", {}, "DELETE"))).toBe(false);
  expect(cacheableRequest(request("/graphql"))).toBe(false);
  expect(cacheableRequest(request("/@std/fs/meta.json"))).toBe(false);
  expect(cacheableRequest(request("/apis/x"))).toBe(false);
});

it("answers a caller who asks for a fresh answer (no-cache) through Express", () => {
  const fresh: Array<Record<string, string>> = [{ "cache-control": "no-cache" }, { "cache-control": "max-age=0, No-Cache" }, { "cache-control": 'no-cache="set-cookie"' }, { pragma: "no-cache" }];
  for (const headers of fresh) {
    expect([headers, asksFresh(request("/atom/api/packages", headers))]).toEqual([headers, true]);
  }
  const cached: Array<Record<string, string>> = [{}, { "cache-control": "max-age=0" }, { "cache-control": "no-store-ish" }, { "cache-control": "x-no-cache" }];
  for (const headers of cached) {
    expect([headers, asksFresh(request("/atom/api/packages", headers))]).toEqual([headers, false]);
  }
});
