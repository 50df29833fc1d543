// A typed REST client: openapi-fetch over src/rest/contract.ts, so a test's paths,
// parameters and bodies are checked against openapi.yaml when it compiles, and it
// reads `data` (the success body) and `error` (the error body) with their types.
// The test servers check every response against openapi.yaml as well
// (WHARF_CHECK_RESPONSES): one that breaks it fails the test that got it.
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { paths } from "../../src/rest/contract";

const failOnBrokenContract: Middleware = {
  async onResponse({ response }) {
    if (response.status === 500) {
      const text = await response.clone().text();
      if (/breaks openapi\.yaml/.test(text)) throw new Error(text);
    }
    return undefined;
  },
};

export type RestClient = Pick<Client<paths>, "GET" | "POST" | "PATCH" | "PUT" | "DELETE">;

/** A client of the server at `baseUrl()` (asked at each call: a restarted server may listen elsewhere), with `token` if given. */
export function restClient(baseUrl: () => string, token?: string): RestClient {
  const connect = () => {
    const client = createClient<paths>({ baseUrl: baseUrl(), headers: token ? { authorization: `Bearer ${token}` } : {} });
    client.use(failOnBrokenContract);
    return client;
  };
  return {
    GET: ((url, ...init) => connect().GET(url, ...init)) as RestClient["GET"],
    POST: ((url, ...init) => connect().POST(url, ...init)) as RestClient["POST"],
    PATCH: ((url, ...init) => connect().PATCH(url, ...init)) as RestClient["PATCH"],
    PUT: ((url, ...init) => connect().PUT(url, ...init)) as RestClient["PUT"],
    DELETE: ((url, ...init) => connect().DELETE(url, ...init)) as RestClient["DELETE"],
  };
}
