// Atom: with 10,000 packages loaded, each read beside bare node on the same bytes (req/s, p50, p99, ratio; targets:
// ratio >= 0.5 for single-package reads and the tarball, p99 < 50 ms for listing and search, as clients ask and
// worked out afresh), and SQL per request.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { query, startWharf } from "../test/support/server";
import { statementsPerRequest, versusBare, type Endpoint } from "./versus-bare";

const PACKAGES = 10_000;
const FANS = 20;

// Pages of lists and searches, as clients ask for them: from memory once the first is answered, until an Atom
// package changes. Each is measured again with Cache-Control: no-cache, which has Wharf work it out every time.
const PAGES: Endpoint[] = [
  { label: "atom listing page", path: "/atom/api/packages?page=17&sort=downloads" },
  { label: "atom listing page 300", path: "/atom/api/packages?page=300&sort=downloads" },
  { label: "atom search", path: "/atom/api/packages/search?q=package-4242" },
  { label: "atom search, common word", path: "/atom/api/packages/search?q=benchmark" },
  // A word every README has and no name, description or keyword: the full-text index, not a scan of every README.
  { label: "atom search, README word", path: "/atom/api/packages/search?q=walkthrough" },
  { label: "atom search, rare README word", path: "/atom/api/packages/search?q=topic42" },
  // Nothing matches a typo literally, so the nearest names are ranked: among 10,000 look-alikes, the dearest search.
  { label: "atom search with a typo", path: "/atom/api/packages/search?q=pakage-4242" },
];

const ENDPOINTS: Endpoint[] = [
  { label: "atom package", path: "/atom/api/packages/package-42", bodyOnly: true },
  { label: "atom version", path: "/atom/api/packages/package-42/versions/1.0.0", bodyOnly: true },
  { label: "atom stargazers", path: "/atom/api/packages/package-42/stargazers", bodyOnly: true },
  { label: "atom user's stars", path: "/atom/api/users/fan-1/stars", bodyOnly: true },
  ...PAGES,
  ...PAGES.map((page) => ({ ...page, label: `${page.label}, no-cache`, headers: { "cache-control": "no-cache" } })),
  // Last: the downloads it counts are written a second later, and that batch drops the pages kept in memory.
  { label: "atom tarball download", path: "/atom/api/packages/package-42/versions/1.0.0/tarball", bodyOnly: true },
];

export async function benchAtom(): Promise<Record<string, string>> {
  const server = await startWharf({ WHARF_CHECK_RESPONSES: "false", WHARF_COUNT_SQL: "false" }, { keepLogs: false });
  try {
    // Loaded straight into the database: publishing 10,000 from git would measure git, not the API.
    await query(
      server.databaseUrl,
      `INSERT INTO atom_packages (name, owner, repository, metadata, readme, downloads, updated_at)
       SELECT 'package-' || i, 'bench', 'bench/package-' || i,
              jsonb_build_object('name', 'package-' || i, 'version', '1.0.0', 'description', 'Benchmark package number ' || i, 'keywords', jsonb_build_array('bench', 'n' || (i % 100))),
              '# package-' || i || E'\n\nA walkthrough of its ' || 'topic' || (i % 100) || E' settings.\n', (i * 7919) % 100000, now()
       FROM generate_series(1, $1::int) AS i`,
      [PACKAGES],
    );
    // One real tarball blob shared by every version, so that downloads stream real bytes.
    const tarball = gzipSync(Buffer.alloc(16 * 1024, "package/package.json"));
    const sha = createHash("sha256").update(tarball).digest("hex");
    const blobDir = path.join(server.dataDir, "blobs", sha.slice(0, 2));
    fs.mkdirSync(blobDir, { recursive: true });
    fs.writeFileSync(path.join(blobDir, sha), tarball);
    await query(server.databaseUrl, `INSERT INTO atom_versions (name, version, metadata, tarball) SELECT name, '1.0.0', metadata, $1 FROM atom_packages`, [sha]);
    // Fans: each stars package-42, and fan-1 stars 30 packages.
    await query(server.databaseUrl, `INSERT INTO users (id, login, name) SELECT gen_random_uuid(), 'fan-' || i, 'Fan ' || i FROM generate_series(1, $1::int) AS i`, [FANS]);
    await query(server.databaseUrl, `INSERT INTO atom_stars (user_id, name) SELECT id, 'package-42' FROM users WHERE login LIKE 'fan-%'`);
    await query(
      server.databaseUrl,
      `INSERT INTO atom_stars (user_id, name) SELECT u.id, 'package-' || i FROM users u, generate_series(100, 129) AS i WHERE u.login = 'fan-1'`,
    );
    // A registry at rest: vacuumed and analysed, so that autovacuum does not run during the measurement.
    await query(server.databaseUrl, "VACUUM ANALYZE");
    const figures = await versusBare(server, ENDPOINTS);
    await statementsPerRequest(server, ENDPOINTS, figures);
    return figures;
  } finally {
    await server.destroy();
  }
}
