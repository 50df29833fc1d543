// Atom: with 10,000 packages loaded, the latency of a listing page and of a
// search at 10 concurrent connections (target: p99 under 50 ms for both).
import autocannon from "autocannon";
import { query, startWharf } from "../test/support/server";

const PACKAGES = 10_000;

export async function benchAtom(): Promise<Record<string, string>> {
  const server = await startWharf({ WHARF_CHECK_RESPONSES: "false", WHARF_COUNT_SQL: "false" });
  try {
    // Loaded straight into the database: publishing 10,000 from git would measure git, not the API.
    await query(
      server.databaseUrl,
      `INSERT INTO atom_packages (name, owner, repository, metadata, readme, downloads, updated_at)
       SELECT 'package-' || i, 'bench', 'bench/package-' || i,
              jsonb_build_object('name', 'package-' || i, 'version', '1.0.0', 'description', 'Benchmark package number ' || i, 'keywords', jsonb_build_array('bench', 'n' || (i % 100))),
              '# package-' || i, (i * 7919) % 100000, now()
       FROM generate_series(1, $1::int) AS i`,
      [PACKAGES],
    );
    await query(
      server.databaseUrl,
      `INSERT INTO atom_versions (name, version, metadata, tarball)
       SELECT name, '1.0.0', metadata, repeat('0', 64) FROM atom_packages`,
    );
    // A registry at rest: vacuumed and analysed, so that autovacuum does not run during the measurement.
    await query(server.databaseUrl, "VACUUM ANALYZE");
    const figures: Record<string, string> = {};
    for (const [label, path] of [
      ["atom listing page", "/atom/api/packages?page=17&sort=downloads"],
      ["atom search", "/atom/api/packages/search?q=package-4242"],
      // Nothing matches a typo literally, so the nearest names are ranked: among 10,000 look-alikes, the dearest search.
      ["atom search with a typo", "/atom/api/packages/search?q=pakage-4242"],
    ] as const) {
      // A warm-up first, so that the figures are of a warm server, not of the JIT compiling it.
      await autocannon({ url: server.url + path, connections: 10, duration: 2 });
      const result = await autocannon({ url: server.url + path, connections: 10, duration: 5 });
      if (result.non2xx > 0 || result.errors > 0) throw new Error(`${path}: ${result.non2xx} non-2xx, ${result.errors} errors`);
      figures[`${label} p50 ms`] = String(result.latency.p50);
      figures[`${label} p99 ms (target < 50)`] = String(result.latency.p99);
    }
    return figures;
  } finally {
    await server.destroy();
  }
}
