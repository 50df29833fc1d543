// HTTP helpers for tests. The test servers run with WHARF_CHECK_RESPONSES, so
// every REST response is checked against openapi.yaml (its operation must
// declare the status, and the body fit the schema); a response that breaks the
// document fails the test that got it.

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export async function request<T = any>(baseUrl: string, method: string, urlPath: string, options: RequestOptions = {}): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] ??= "application/json";
  const res = await fetch(baseUrl + urlPath, {
    method,
    headers,
    body: options.body === undefined ? undefined : typeof options.body === "string" ? options.body : JSON.stringify(options.body),
  });
  const text = await res.text();
  const body = res.headers.get("content-type")?.includes("json") && text ? JSON.parse(text) : text;
  if (/breaks openapi\.yaml/.test(body?.message)) throw new Error(body.message);
  return { status: res.status, headers: res.headers, body };
}

/** A client bound to one server and, optionally, one token. */
export function client(baseUrl: () => string, token?: string) {
  const call = <T = any>(method: string) => (urlPath: string, options: RequestOptions = {}) =>
    request<T>(baseUrl(), method, urlPath, { token, ...options });
  return { get: call("GET"), post: call("POST"), patch: call("PATCH"), put: call("PUT"), delete: call("DELETE") };
}
export type Client = ReturnType<typeof client>;

export interface GraphQLReply<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** A GraphQL request; returns the whole response ({data, errors}). */
export async function graphql<T = any>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLReply<T>> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...(await bodyOf(res)) };
}

/** A fetch response's JSON body, loosely typed for assertions (fetch's own json() is unknown). */
export async function bodyOf(res: Response): Promise<any> {
  return res.json();
}
