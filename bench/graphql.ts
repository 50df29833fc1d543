// GraphQL: latency of a 100-package query (with each package's scope and its
// creator) at 10 concurrent connections.
import autocannon from "autocannon";
import { startWharf } from "../test/support/server";
import { adminPost } from "./support";

const PACKAGES = 100;
const SCOPE_SIZE = 20; // a scope may add 20 packages a week

export async function benchGraphql(): Promise<Record<string, string>> {
  const server = await startWharf({ WHARF_CHECK_RESPONSES: "false", WHARF_COUNT_SQL: "false" });
  try {
    for (let i = 0; i < PACKAGES; i++) {
      const scope = `bench${Math.floor(i / SCOPE_SIZE)}`;
      if (i % SCOPE_SIZE === 0) await adminPost(server, "/api/scopes", { scope });
      await adminPost(server, `/api/scopes/${scope}/packages`, { package: `pkg${i}` });
    }
    const query = `{ packages(first: ${PACKAGES}) { totalCount nodes { id name ... on JsrPackage { fullName scope { scope creator { login } } } } } }`;
    const result = await autocannon({
      url: `${server.url}/graphql`,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
      connections: 10,
      duration: 5,
    });
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`graphql bench: ${result.non2xx} non-2xx, ${result.errors} errors`);
    return {
      "graphql 100 packages p50 ms": String(result.latency.p50),
      "graphql 100 packages p99 ms": String(result.latency.p99),
      "graphql 100 packages req/s": String(Math.round(result.requests.average)),
    };
  } finally {
    await server.destroy();
  }
}
