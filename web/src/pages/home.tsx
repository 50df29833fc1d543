import { useQuery } from "urql";
import { graphql } from "../gql";
import { useTitle } from "../layout/layout";
import { PackageList, type PackageSummary } from "../components/package-list";
import { QueryState } from "../components/query-state";

const HomeQuery = graphql(`
  query Home {
    stats {
      packageCount
      jsrPackageCount
      atomPackageCount
      userCount
      scopeCount
      newest { ...PackageSummary }
      updated { ...PackageSummary }
      featured { ...PackageSummary }
    }
  }
  fragment PackageSummary on Package {
    __typename
    name
    description
    updatedAt
    ... on JsrPackage { fullName latestVersion { version } }
    ... on AtomPackage { downloadCount starCount latestVersion { version } }
  }
`);

export function HomePage() {
  useTitle(undefined);
  const [{ data, fetching, error }] = useQuery({ query: HomeQuery });
  return (
    <>
      <section className="hero">
        <h1>Packages for deno and Pulsar, on your own server</h1>
        <p className="muted">
          Search jsr and Atom packages above, or press <kbd>/</kbd>.
        </p>
      </section>
      <QueryState fetching={fetching} error={error} hasData={!!data}>
        {() => {
          const stats = data!.stats;
          return (
            <>
              <dl className="counts">
                <div><dt>Packages</dt><dd>{stats.packageCount}</dd></div>
                <div><dt>jsr</dt><dd>{stats.jsrPackageCount}</dd></div>
                <div><dt>Atom</dt><dd>{stats.atomPackageCount}</dd></div>
                <div><dt>Scopes</dt><dd>{stats.scopeCount}</dd></div>
                <div><dt>Users</dt><dd>{stats.userCount}</dd></div>
              </dl>
              <div className="columns">
                {stats.featured.length > 0 && (
                  <section>
                    <h2>Featured</h2>
                    <PackageList packages={stats.featured as PackageSummary[]} />
                  </section>
                )}
                <section>
                  <h2>Newest</h2>
                  <PackageList packages={stats.newest as PackageSummary[]} />
                </section>
                <section>
                  <h2>Recently updated</h2>
                  <PackageList packages={stats.updated as PackageSummary[]} />
                </section>
              </div>
            </>
          );
        }}
      </QueryState>
    </>
  );
}
