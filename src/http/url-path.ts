// A request's path without its query string: what logs, metrics, error bodies and the caches key on. The query is
// left out of logs so that a token passed in it never reaches them.

/** The part of a request URL before its first "?". */
export function pathOf(url: string): string {
  const query = url.indexOf("?");
  return query < 0 ? url : url.slice(0, query);
}
