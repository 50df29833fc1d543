import { useQuery } from "urql";
import { Link, useParams } from "wouter";
import { graphql } from "../gql";
import { useTitle } from "../layout/layout";
import { QueryState } from "../components/query-state";
import { NotFoundPage } from "./not-found";
import { formatBytes } from "./package";

const SourceQuery = graphql(`
  query SourcePage($scope: String!, $name: String!, $version: String!, $path: String!) {
    package(ecosystem: JSR, scope: $scope, name: $name) {
      ... on JsrPackage {
        version(version: $version) { version source(path: $path) { path size text } }
      }
    }
  }
`);

/** A published file with line numbers, as jsr.io shows /@scope/name/version/path to a browser. */
export function SourcePage() {
  const params = useParams<{ scope: string; name: string; version: string; path: string }>();
  const { scope, name } = params;
  const version = decodeURIComponent(params.version);
  const path = `/${decodeURIComponent(params.path)}`;
  useTitle(`${path} · @${scope}/${name}@${version}`);
  const [{ data, fetching, error }] = useQuery({ query: SourceQuery, variables: { scope, name, version, path } });
  return (
    <QueryState fetching={fetching} error={error} hasData={!!data}>
      {() => {
        const source = (data!.package as { version?: { source: { path: string; size: number; text: string | null } | null } | null } | null)?.version?.source;
        if (!source) return <NotFoundPage what={`@${scope}/${name}@${version} has no file ${path}.`} />;
        const lines = source.text?.replace(/\n$/, "").split("\n");
        return (
          <>
            <h1 className="source-title">
              <Link href={`/@${scope}/${name}@${version}`}>
                @{scope}/{name}@{version}
              </Link>
              <span className="path">{source.path}</span>
            </h1>
            <p className="muted">
              {formatBytes(source.size)} · <a href={`/@${scope}/${name}/${version}${source.path}?raw`}>raw</a>
            </p>
            {lines ? (
              <div className="source" role="region" aria-label={`Source of ${source.path}`} tabIndex={0}>
                <table>
                  <tbody>
                    {lines.map((line, i) => (
                      <tr key={i} id={`L${i + 1}`}>
                        <td className="line-number">
                          <a href={`#L${i + 1}`} aria-label={`Line ${i + 1}`}>{i + 1}</a>
                        </td>
                        <td className="line">{line}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p className="notice">This file is binary or too large to show.</p>
            )}
          </>
        );
      }}
    </QueryState>
  );
}
