// GraphiQL bundled with the UI, so that exploring GraphQL works without a CDN.
// Requests carry the viewer's session cookie; a pasted token (kept in this
// browser's localStorage) is sent as a bearer token instead.
import { StrictMode, useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import { GraphiQL } from "graphiql";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import "graphiql/style.css";
import "./graphiql.css";

const TOKEN_KEY = "wharf.graphiql.token";
// A link may carry a query to open: /graphiql?query=...
const initialQuery = new URLSearchParams(location.search).get("query") ?? undefined;
const DEFAULT_QUERY = `# Wharf's GraphQL API. The Docs button lists every type.
{
  stats { packageCount newest { name description } }
}
`;

function Explorer() {
  const [token, setToken] = useState(() => localStorage.getItem(TOKEN_KEY) ?? "");
  const fetcher = useMemo(
    () =>
      createGraphiQLFetcher({
        url: "/graphql",
        headers: token ? { Authorization: `Bearer ${token}` } : {},
        fetch: (input, init) => fetch(input, { ...init, credentials: "same-origin" }),
      }),
    [token],
  );
  return (
    <div className="wharf-graphiql">
      <form className="token-bar" onSubmit={(e) => e.preventDefault()}>
        <a href="/">← Wharf</a>
        <label>
          Token{" "}
          <input
            type="password"
            value={token}
            placeholder="paste a token, or leave empty to use your session"
            onChange={(e) => {
              setToken(e.target.value);
              e.target.value ? localStorage.setItem(TOKEN_KEY, e.target.value) : localStorage.removeItem(TOKEN_KEY);
            }}
          />
        </label>
      </form>
      <div className="graphiql-host">
        <GraphiQL fetcher={fetcher} query={initialQuery} defaultQuery={DEFAULT_QUERY} />
      </div>
    </div>
  );
}

createRoot(document.getElementById("graphiql")!).render(
  <StrictMode>
    <Explorer />
  </StrictMode>,
);
