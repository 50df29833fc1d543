import { useQuery } from "urql";
import { Link, useSearch } from "wouter";
import { graphql } from "../gql";
import type { Ecosystem } from "../gql/graphql";
import { useTitle } from "../layout/layout";
import { PackageList, type PackageSummary } from "../components/package-list";
import { QueryState } from "../components/query-state";

const SearchQuery = graphql(`
  query Search($query: String!, $ecosystem: Ecosystem, $after: String) {
    search(query: $query, ecosystem: $ecosystem, first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { ...PackageSummary }
    }
  }
`);

const ECOSYSTEMS: Array<{ value: string; label: string }> = [
  { value: "", label: "All" },
  { value: "jsr", label: "jsr" },
  { value: "atom", label: "Atom" },
];

export function SearchPage() {
  const params = new URLSearchParams(useSearch());
  const q = params.get("q") ?? "";
  const ecosystemParam = (params.get("ecosystem") ?? "").toLowerCase();
  const ecosystem = ecosystemParam === "jsr" ? "JSR" : ecosystemParam === "atom" ? "ATOM" : null;
  const after = params.get("after");
  useTitle(q ? `Search: ${q}` : "Search");
  // An empty search is no search: nothing is asked until there are words.
  const [{ data, fetching, error }] = useQuery({ query: SearchQuery, variables: { query: q, ecosystem: ecosystem as Ecosystem | null, after }, pause: !q.trim() });
  const href = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams({ q, ...(ecosystemParam ? { ecosystem: ecosystemParam } : {}) });
    for (const [key, value] of Object.entries(changes)) value ? next.set(key, value) : next.delete(key);
    return `/search?${next}`;
  };
  return (
    <>
      <h1>{q ? <>Results for “{q}”</> : "All packages"}</h1>
      <nav className="filters" aria-label="Ecosystem">
        {ECOSYSTEMS.map((e) => (
          <Link key={e.value} href={href({ ecosystem: e.value || null, after: null })} aria-current={e.value === ecosystemParam ? "page" : undefined}>
            {e.label}
          </Link>
        ))}
      </nav>
      {!q.trim() && <p className="muted">Type a few words in the search box above.</p>}
      <QueryState fetching={fetching} error={error} hasData={!!data && !!q.trim()}>
        {() => (
          <>
            <p className="muted" role="status">
              {data!.search.totalCount} {data!.search.totalCount === 1 ? "package" : "packages"}
            </p>
            <PackageList packages={data!.search.nodes as PackageSummary[]} empty="No package matches." />
            <nav className="pager" aria-label="Pages">
              {after && <Link href={href({ after: null })}>First page</Link>}
              {data!.search.pageInfo.hasNextPage && <Link href={href({ after: data!.search.pageInfo.endCursor })}>Next page</Link>}
            </nav>
          </>
        )}
      </QueryState>
    </>
  );
}
