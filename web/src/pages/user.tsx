import { useQuery } from "urql";
import { Link, useParams } from "wouter";
import { graphql } from "../gql";
import { useTitle } from "../layout/layout";
import { PackageList, type PackageSummary } from "../components/package-list";
import { QueryState } from "../components/query-state";
import { NotFoundPage } from "./not-found";

const UserQuery = graphql(`
  query UserPage($login: String!) {
    user(login: $login) {
      login
      name
      scopes(first: 20) { nodes { scope packages(first: 20) { nodes { ...PackageSummary } } } }
      atomPackages(first: 50) { totalCount nodes { ...PackageSummary } }
      starredPackages(first: 50) { totalCount nodes { ...PackageSummary } }
    }
  }
`);

export function UserPage() {
  const login = decodeURIComponent(useParams<{ login: string }>().login);
  useTitle(login);
  const [{ data, fetching, error }] = useQuery({ query: UserQuery, variables: { login } });
  return (
    <QueryState fetching={fetching} error={error} hasData={!!data}>
      {() => {
        const user = data!.user;
        if (!user) return <NotFoundPage what={`There is no user ${login}.`} />;
        const jsr = user.scopes.nodes.flatMap((s) => s.packages.nodes) as PackageSummary[];
        return (
          <>
            <h1>{user.name || user.login}</h1>
            <p className="muted">
              {user.login}
              {user.scopes.nodes.length > 0 && " · scopes: "}
              {user.scopes.nodes.map((s, i) => (
                <span key={s.scope}>
                  {i > 0 && ", "}
                  <Link href={`/@${s.scope}`}>@{s.scope}</Link>
                </span>
              ))}
            </p>
            <div className="columns">
              <section>
                <h2>Packages</h2>
                <PackageList packages={[...jsr, ...(user.atomPackages.nodes as PackageSummary[])]} empty={`${user.login} has no packages yet.`} />
              </section>
              <section>
                <h2>Stars ({user.starredPackages.totalCount})</h2>
                <PackageList packages={user.starredPackages.nodes as PackageSummary[]} empty="No stars yet." />
              </section>
            </div>
          </>
        );
      }}
    </QueryState>
  );
}
