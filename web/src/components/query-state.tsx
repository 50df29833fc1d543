import type { ReactNode } from "react";
import type { CombinedError } from "urql";

/** What a page shows while its one request runs, or when it failed; children once data is there. */
export function QueryState({ fetching, error, hasData, children }: { fetching: boolean; error?: CombinedError; hasData: boolean; children: () => ReactNode }) {
  if (error && !hasData) return <ErrorNotice error={error} />;
  if (!hasData) return fetching ? <p className="loading" role="status">Loading…</p> : null;
  return <>{children()}</>;
}

/** An error from GraphQL or the network, in words, with Wharf's catalogue code when there is one. */
export function ErrorNotice({ error }: { error: CombinedError }) {
  const first = error.graphQLErrors[0];
  const code = first?.extensions?.code;
  const message = first?.message ?? (error.networkError ? `The server could not be reached (${error.networkError.message}).` : error.message);
  return (
    <div className="notice error" role="alert">
      <strong>Something went wrong.</strong> {message}
      {typeof code === "string" && <code className="code">{code}</code>}
    </div>
  );
}
