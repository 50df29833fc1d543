// Adding a batch of jsr version downloads to their daily rows: one statement per batch (arrays unnested, summed per
// row), where Prisma would need an upsert per row. A version deleted since its downloads were counted takes none.
import type { Db } from "../database";

export interface VersionDownloadTally {
  scope: string;
  name: string;
  version: string;
  /** YYYY-MM-DD, UTC. */
  day: string;
  count: number;
}

export async function addVersionDownloads(db: Db, tallies: readonly VersionDownloadTally[]): Promise<void> {
  if (tallies.length === 0) return;
  await db.$executeRaw`
    INSERT INTO package_version_downloads (scope, name, version, day, kind, count)
    SELECT t.scope, t.name, t.version, t.day::date, 'jsr_meta', sum(t.count)
    FROM unnest(${tallies.map((t) => t.scope)}::text[], ${tallies.map((t) => t.name)}::text[], ${tallies.map((t) => t.version)}::text[],
                ${tallies.map((t) => t.day)}::text[], ${tallies.map((t) => t.count)}::int[]) AS t(scope, name, version, day, count)
    JOIN package_versions v ON v.scope = t.scope AND v.name = t.name AND v.version = t.version
    GROUP BY t.scope, t.name, t.version, t.day
    ON CONFLICT (scope, name, version, day, kind) DO UPDATE SET count = package_version_downloads.count + excluded.count`;
}
