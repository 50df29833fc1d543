import { useQuery } from "urql";
import { Link, useParams } from "wouter";
import { graphql } from "../gql";
import type { PackagePageQuery } from "../gql/graphql";
import { useTitle } from "../layout/layout";
import { CopyLine } from "../components/copy-line";
import { PackageList, type PackageSummary } from "../components/package-list";
import { QueryState } from "../components/query-state";
import { Readme } from "../components/readme";
import { Tabs } from "../components/tabs";
import { NotFoundPage } from "./not-found";
import { PackageSettings, YankButton } from "./package-settings";

const PackageQuery = graphql(`
  query PackagePage($scope: String!, $name: String!, $version: String!, $pinned: Boolean!) {
    package(ecosystem: JSR, scope: $scope, name: $name) {
      ... on JsrPackage {
        fullName
        description
        isArchived
        runtimeCompat
        githubRepository
        scope { viewerIsAdmin viewerIsMember }
        latestVersion { version }
        pinned: version(version: $version) @include(if: $pinned) { ...VersionDetail }
        latest: latestVersion @skip(if: $pinned) { ...VersionDetail }
        versions(first: 100) { totalCount nodes { version yanked createdAt } }
        dependents(first: 100) { totalCount nodes { ...PackageSummary } }
      }
    }
  }
  fragment VersionDetail on JsrVersion {
    version
    yanked
    createdAt
    readmeHtml
    exports { name path }
    files { path size }
    dependencies { kind name constraint path }
  }
`);

type Pkg = Extract<NonNullable<PackagePageQuery["package"]>, { fullName: string }>;
type Version = NonNullable<Pkg["latest"]>;

export function PackagePage() {
  const params = useParams<{ scope: string; name: string; version?: string; tab?: string }>();
  const { scope, name } = params;
  const version = params.version ? decodeURIComponent(params.version) : undefined;
  const tab = params.tab ?? "overview";
  useTitle(`@${scope}/${name}${version ? `@${version}` : ""}`);
  const [{ data, fetching, error }, refetch] = useQuery({ query: PackageQuery, variables: { scope, name, version: version ?? "", pinned: !!version } });
  const reload = () => refetch({ requestPolicy: "network-only" });
  return (
    <QueryState fetching={fetching} error={error} hasData={!!data}>
      {() => {
        const pkg = data!.package as Pkg | null;
        if (!pkg) return <NotFoundPage what={`There is no package @${scope}/${name}.`} />;
        const shown = (version ? pkg.pinned : pkg.latest) ?? null;
        if (version && !shown) return <NotFoundPage what={`@${scope}/${name} has no version ${version}.`} />;
        const base = `/@${scope}/${name}${version ? `@${version}` : ""}`;
        return (
          <>
            <header className="package-header">
              <h1>
                <Link href={`/@${scope}`}>@{scope}</Link>/{name}
                {shown && <span className="version">{shown.version}</span>}
              </h1>
              {pkg.description && <p className="description">{pkg.description}</p>}
              {shown?.yanked && <p className="notice warn">This version is yanked: it stays downloadable, but is never chosen as the latest.</p>}
              {pkg.isArchived && <p className="notice warn">This package is archived.</p>}
              {version && pkg.latestVersion && pkg.latestVersion.version !== version && (
                <p className="muted">
                  The latest version is <Link href={`/@${scope}/${name}`}>{pkg.latestVersion.version}</Link>.
                </p>
              )}
              <CopyLine command={`deno add jsr:@${scope}/${name}${version ? `@${version}` : ""}`} label="the deno add command" />
            </header>
            <Tabs
              label="Package"
              current={tab}
              tabs={[
                { key: "overview", href: base, label: "Overview" },
                { key: "versions", href: `${base}/versions`, label: `Versions (${pkg.versions.totalCount})` },
                { key: "dependencies", href: `${base}/dependencies`, label: `Dependencies (${shown?.dependencies.length ?? 0})` },
                { key: "dependents", href: `${base}/dependents`, label: `Dependents (${pkg.dependents.totalCount})` },
                ...(pkg.scope.viewerIsAdmin ? [{ key: "settings", href: `/@${scope}/${name}/settings`, label: "Settings" }] : []),
              ]}
            />
            {tab === "overview" && <Overview scope={scope} name={name} version={shown} />}
            {tab === "versions" && <Versions scope={scope} name={name} versions={pkg.versions.nodes} canYank={pkg.scope.viewerIsMember} onChange={reload} />}
            {tab === "dependencies" && <Dependencies version={shown} />}
            {tab === "dependents" && <PackageList packages={pkg.dependents.nodes as PackageSummary[]} empty="No package depends on this one yet." />}
            {tab === "settings" &&
              (pkg.scope.viewerIsAdmin ? (
                <PackageSettings scope={scope} name={name} description={pkg.description} runtimeCompat={pkg.runtimeCompat} isArchived={pkg.isArchived} onChange={reload} />
              ) : (
                <p className="notice warn">Only the scope's admins may change this package's settings.</p>
              ))}
          </>
        );
      }}
    </QueryState>
  );
}

function Overview({ scope, name, version }: { scope: string; name: string; version: Version | null }) {
  if (!version) return <p className="muted">No version has been published yet.</p>;
  const fileUrl = (path: string) => `/@${scope}/${name}/${version.version}${path}`;
  return (
    <div className="overview">
      <Readme html={version.readmeHtml} missing="This version has no README." />
      <aside>
        <section>
          <h2>Exports</h2>
          <ul className="plain">
            {version.exports.map((e) => (
              <li key={e.name}>
                <code>{e.name}</code> → <Link href={fileUrl(e.path.replace(/^\./, ""))}>{e.path}</Link>
              </li>
            ))}
          </ul>
        </section>
        <section>
          <h2>Files</h2>
          <ul className="plain files">
            {version.files.map((f) => (
              <li key={f.path}>
                <Link href={fileUrl(f.path)}>{f.path}</Link> <span className="muted">{formatBytes(f.size)}</span>
              </li>
            ))}
          </ul>
        </section>
      </aside>
    </div>
  );
}

interface VersionsProps {
  scope: string;
  name: string;
  versions: Array<{ version: string; yanked: boolean; createdAt: string }>;
  canYank: boolean;
  onChange: () => void;
}

function Versions({ scope, name, versions, canYank, onChange }: VersionsProps) {
  return (
    <table className="table">
      <thead>
        <tr><th scope="col">Version</th><th scope="col">Published</th><th scope="col">Status</th>{canYank && <th scope="col"><span className="visually-hidden">Actions</span></th>}</tr>
      </thead>
      <tbody>
        {versions.map((v) => (
          <tr key={v.version} className={v.yanked ? "yanked" : undefined}>
            <td><Link href={`/@${scope}/${name}@${v.version}`}>{v.version}</Link></td>
            <td>{new Date(v.createdAt).toISOString().slice(0, 10)}</td>
            <td>{v.yanked ? <span className="badge yanked">yanked</span> : ""}</td>
            {canYank && <td><YankButton scope={scope} name={name} version={v.version} yanked={v.yanked} onChange={onChange} /></td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Dependencies({ version }: { version: Version | null }) {
  if (!version || version.dependencies.length === 0) return <p className="muted">No dependencies.</p>;
  return (
    <ul className="plain">
      {version.dependencies.map((d) => (
        <li key={`${d.kind}:${d.name}${d.path}@${d.constraint}`}>
          {d.kind === "jsr" ? <Link href={`/${d.name}`}>jsr:{d.name}</Link> : <span>npm:{d.name}</span>}
          {d.path && <code>{d.path}</code>} <span className="muted">{d.constraint}</span>
        </li>
      ))}
    </ul>
  );
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}
