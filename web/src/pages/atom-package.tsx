import { useQuery } from "urql";
import { Link, useParams } from "wouter";
import { graphql } from "../gql";
import { useTitle } from "../layout/layout";
import { CopyLine } from "../components/copy-line";
import { DownloadChart } from "../components/download-chart";
import { QueryState } from "../components/query-state";
import { Readme } from "../components/readme";
import { useViewer } from "../session/viewer";
import { NotFoundPage } from "./not-found";
import { DeleteAtomPackageButton, DeleteAtomVersionButton, StarButton } from "./atom-package-actions";

const AtomPackageQuery = graphql(`
  query AtomPackagePage($name: String!) {
    package(ecosystem: ATOM, name: $name) {
      ... on AtomPackage {
        name
        description
        owner
        repository
        keywords
        readmeHtml
        downloadCount
        starCount
        viewerHasStarred
        viewerIsOwner
        latestVersion { version }
        versions(first: 100) { totalCount nodes { version engine createdAt } }
        stargazers(first: 100) { totalCount nodes { login } }
        downloads { total daily { date count } }
      }
    }
  }
`);

export function AtomPackagePage() {
  const name = decodeURIComponent(useParams<{ name: string }>().name);
  useTitle(name);
  const { viewer } = useViewer();
  const [{ data, fetching, error }, refetch] = useQuery({ query: AtomPackageQuery, variables: { name } });
  const reload = () => refetch({ requestPolicy: "network-only" });
  return (
    <QueryState fetching={fetching} error={error} hasData={!!data}>
      {() => {
        const pkg = data!.package;
        if (!pkg || !("owner" in pkg)) return <NotFoundPage what={`There is no Atom package ${name}.`} />;
        return (
          <>
            <header className="package-header">
              <h1>
                {pkg.name}
                {pkg.latestVersion && <span className="version">{pkg.latestVersion.version}</span>}
                <span className="badge atom">Atom</span>
              </h1>
              {pkg.description && <p className="description">{pkg.description}</p>}
              <p className="muted">
                by <Link href={`/user/${pkg.owner}`}>{pkg.owner}</Link> · {pkg.downloadCount} downloads · {pkg.starCount} stars
              </p>
              <div className="header-actions">
                <CopyLine command={`apm install ${pkg.name}`} label="the apm install command" />
                {viewer && <StarButton name={pkg.name} starred={pkg.viewerHasStarred} onChange={reload} />}
              </div>
            </header>
            <div className="overview">
              <Readme html={pkg.readmeHtml} missing="This package has no README." />
              <aside>
                <section>
                  <h2>Downloads</h2>
                  <DownloadChart daily={pkg.downloads.daily} total={pkg.downloads.total} />
                </section>
                <section>
                  <h2>Versions ({pkg.versions.totalCount})</h2>
                  <ul className="plain">
                    {pkg.versions.nodes.map((v) => (
                      <li key={v.version}>
                        {v.version} <span className="muted">{new Date(v.createdAt).toISOString().slice(0, 10)}{v.engine ? ` · atom ${v.engine}` : ""}</span>
                        {pkg.viewerIsOwner && <DeleteAtomVersionButton name={pkg.name} version={v.version} onChange={reload} />}
                      </li>
                    ))}
                  </ul>
                </section>
                <section>
                  <h2>Stargazers ({pkg.stargazers.totalCount})</h2>
                  {pkg.stargazers.nodes.length === 0 ? (
                    <p className="muted">Nobody yet.</p>
                  ) : (
                    <ul className="plain inline">
                      {pkg.stargazers.nodes.map((u) => (
                        <li key={u.login}>
                          <Link href={`/user/${u.login}`}>{u.login}</Link>
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
                {pkg.viewerIsOwner && <DeleteAtomPackageButton name={pkg.name} />}
                {pkg.keywords.length > 0 && (
                  <section>
                    <h2>Keywords</h2>
                    <p>{pkg.keywords.join(", ")}</p>
                  </section>
                )}
              </aside>
            </div>
          </>
        );
      }}
    </QueryState>
  );
}
