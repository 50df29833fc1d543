import { useQuery } from "urql";
import { Link, useParams } from "wouter";
import { graphql } from "../gql";
import { useTitle } from "../layout/layout";
import { PackageList, type PackageSummary } from "../components/package-list";
import { QueryState } from "../components/query-state";
import { NotFoundPage } from "./not-found";

const ScopeQuery = graphql(`
  query ScopePage($scope: String!) {
    scope(name: $scope) {
      scope
      description
      viewerIsAdmin
      members(first: 50) { totalCount nodes { isAdmin user { login } } }
      packages(first: 100) { totalCount nodes { ...PackageSummary } }
    }
  }
`);

export function ScopePage() {
  const { scope } = useParams<{ scope: string }>();
  useTitle(`@${scope}`);
  const [{ data, fetching, error }] = useQuery({ query: ScopeQuery, variables: { scope } });
  return (
    <QueryState fetching={fetching} error={error} hasData={!!data}>
      {() => {
        const s = data!.scope;
        if (!s) return <NotFoundPage what={`There is no scope @${scope}.`} />;
        return (
          <>
            <h1>@{s.scope}</h1>
            {s.viewerIsAdmin && (
              <p>
                <Link href={`/@${s.scope}/~/settings`}>Scope settings</Link>
              </p>
            )}
            {s.description && <p>{s.description}</p>}
            <p className="muted">
              {s.packages.totalCount} {s.packages.totalCount === 1 ? "package" : "packages"} · members:{" "}
              {s.members.nodes.map((m, i) => (
                <span key={m.user.login}>
                  {i > 0 && ", "}
                  <Link href={`/user/${m.user.login}`}>{m.user.login}</Link>
                </span>
              ))}
            </p>
            <PackageList packages={s.packages.nodes as PackageSummary[]} empty="This scope has no packages yet." />
          </>
        );
      }}
    </QueryState>
  );
}
