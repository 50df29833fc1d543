// GraphQL: latency at 10 concurrent connections of two 100-package queries:
// jsr packages with their scope and its creator, and Atom packages with their
// latest version, owner, star count and whether the viewer starred them.
import { query, startWharf, type WharfProcess } from "../test/support/server";
import { adminPost } from "./support";
import { statementsPerRequest, versusBare, type Endpoint } from "./versus-bare";

const PACKAGES = 100;
const SCOPE_SIZE = 20; // a scope may add 20 packages a week

const post = (server: WharfProcess, label: string, graphqlQuery: string): Endpoint => ({
  label: `graphql ${label}`,
  path: "/graphql",
  method: "POST",
  headers: { "content-type": "application/json", authorization: `Bearer ${server.adminToken}` },
  body: JSON.stringify({ query: graphqlQuery }),
  // Errors come with a 200: a page that failed would be measured as a fast one.
  check: (body) => {
    const { errors } = JSON.parse(body.toString("utf8")) as { errors?: unknown[] };
    if (errors) throw new Error(`${label}: ${JSON.stringify(errors)}`);
  },
});

export async function benchGraphql(): Promise<Record<string, string>> {
  const server = await startWharf({ WHARF_CHECK_RESPONSES: "false", WHARF_COUNT_SQL: "false" }, { keepLogs: false });
  try {
    for (let i = 0; i < PACKAGES; i++) {
      const scope = `bench${Math.floor(i / SCOPE_SIZE)}`;
      if (i % SCOPE_SIZE === 0) await adminPost(server, "/api/scopes", { scope });
      await adminPost(server, `/api/scopes/${scope}/packages`, { package: `pkg${i}` });
    }
    // Atom packages straight into the database (publishing from git would measure git), two versions each; the viewer stars every third.
    await query(
      server.databaseUrl,
      `INSERT INTO atom_packages (name, owner, repository, metadata, readme)
       SELECT 'atom-' || i, 'bench', 'bench/atom-' || i, jsonb_build_object('name', 'atom-' || i, 'version', '1.1.0'), '# atom-' || i
       FROM generate_series(1, $1::int) AS i`,
      [PACKAGES],
    );
    await query(
      server.databaseUrl,
      `INSERT INTO atom_versions (name, version, metadata, tarball)
       SELECT name, v, metadata, repeat('0', 64) FROM atom_packages, unnest(ARRAY['1.0.0', '1.1.0']) AS v`,
    );
    await query(
      server.databaseUrl,
      `INSERT INTO atom_stars (user_id, name)
       SELECT u.id, p.name FROM users u, atom_packages p WHERE u.login = 'admin' AND substring(p.name from 6)::int % 3 = 0`,
    );
    await query(server.databaseUrl, "VACUUM ANALYZE");
    const endpoints = [
      post(server, "100 jsr packages", `{ packages(first: ${PACKAGES}, filter: { ecosystem: JSR }) { totalCount nodes { id name ... on JsrPackage { fullName scope { scope creator { login } } } } } }`),
      post(
        server,
        "100 atom packages",
        `{ packages(first: ${PACKAGES}, filter: { ecosystem: ATOM }, orderBy: { field: STARS }) { totalCount nodes { name ... on AtomPackage { owner starCount viewerHasStarred latestVersion { version } } } } }`,
      ),
    ];
    const figures = await versusBare(server, endpoints);
    await statementsPerRequest(server, endpoints, figures);
    return figures;
  } finally {
    await server.destroy();
  }
}
