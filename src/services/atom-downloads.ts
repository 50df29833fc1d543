// Download counts of Atom packages: a running total on the package, and one
// row per package per UTC day for the history.
import { WharfError } from "../errors";
import type { Db, Tx } from "../storage/database";

/** Counts one tarball download, in the total and in today's row, together. */
export async function countAtomDownload(db: Db, name: string): Promise<void> {
  await db.$transaction([
    db.atomPackage.update({ where: { name }, data: { downloads: { increment: 1 } } }),
    db.$executeRaw`
      INSERT INTO atom_daily_downloads (name, day, count) VALUES (${name}, (now() AT TIME ZONE 'UTC')::date, 1)
      ON CONFLICT (name, day) DO UPDATE SET count = atom_daily_downloads.count + 1`,
  ]);
}

export interface DailyDownloads {
  /** YYYY-MM-DD, UTC. */
  date: string;
  count: number;
}

/** The longest history one request may ask for. */
export const MAX_HISTORY_DAYS = 366;
const DAY = 24 * 60 * 60 * 1000;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Downloads per day from `from` to `to` (UTC days, both included), with the days nobody downloaded as 0. */
export async function atomDownloadHistory(db: Tx, name: string, from: Date, to: Date): Promise<DailyDownloads[]> {
  const first = Date.parse(isoDay(from));
  const last = Date.parse(isoDay(to));
  const days = (last - first) / DAY + 1;
  if (days < 1) throw new WharfError("malformedRequest", "Malformed request: from must not be after to.");
  if (days > MAX_HISTORY_DAYS) throw new WharfError("malformedRequest", `Malformed request: at most ${MAX_HISTORY_DAYS} days of history at once.`);
  const rows = await db.atomDailyDownloads.findMany({ where: { name, day: { gte: new Date(first), lte: new Date(last) } } });
  const counts = new Map(rows.map((row) => [isoDay(row.day), row.count]));
  return Array.from({ length: days }, (_, i) => {
    const date = isoDay(new Date(first + i * DAY));
    return { date, count: counts.get(date) ?? 0 };
  });
}
