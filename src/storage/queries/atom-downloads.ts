// Adding a batch of Atom tarball downloads to the totals and the days' rows (services/atom/downloads.ts).
import type { Db } from "../database";

export interface AtomDownloadTally {
  name: string;
  /** YYYY-MM-DD, UTC. */
  day: string;
  count: number;
}

/**
 * Adds the batch, all of it or nothing. In SQL, not through Prisma's update: that would move updated_at
 * (@updatedAt), and sort=updated_at would follow downloads instead of publishes. A package deleted (or renamed)
 * since its downloads were counted takes none.
 */
export async function addAtomDownloads(db: Db, tallies: AtomDownloadTally[]): Promise<void> {
  const perPackage = new Map<string, number>();
  for (const t of tallies) perPackage.set(t.name, (perPackage.get(t.name) ?? 0) + t.count);
  await db.$transaction([
    db.$executeRaw`
      UPDATE atom_packages p SET downloads = p.downloads + t.count
      FROM unnest(${[...perPackage.keys()]}::text[], ${[...perPackage.values()]}::int[]) AS t(name, count)
      WHERE p.name = t.name`,
    db.$executeRaw`
      INSERT INTO atom_daily_downloads (name, day, count)
      SELECT t.name, t.day::date, sum(t.count)
      FROM unnest(${tallies.map((t) => t.name)}::text[], ${tallies.map((t) => t.day)}::text[], ${tallies.map((t) => t.count)}::int[]) AS t(name, day, count)
      JOIN atom_packages p ON p.name = t.name
      GROUP BY t.name, t.day
      ON CONFLICT (name, day) DO UPDATE SET count = atom_daily_downloads.count + excluded.count`,
  ]);
}
