// The one GraphQL client of the UI. urql: small (first-load budget), a document
// cache that is enough for pages that each read their data in one request.
import { Client, cacheExchange, fetchExchange } from "urql";

export function createClient(): Client {
  return new Client({
    url: "/graphql",
    exchanges: [cacheExchange, fetchExchange],
    // The viewer's session cookie (accounts, #13) goes along; no token is ever kept in the page.
    fetchOptions: { credentials: "same-origin" },
    requestPolicy: "cache-and-network",
    // POST: Apollo refuses GETs without a preflight header (CSRF protection), and long queries fit no URL.
    preferGetMethod: false,
  });
}
