// Download counts of Atom packages: a running total on the package, and one
// row per package per UTC day for the history.
import { malformed } from "../../errors";
import type { Db, Tx } from "../../storage/database";
import type { DownloadWriter } from "../shared/download-counter";
import { addAtomDownloads } from "../../storage/queries/atom-downloads";
import { readsChanged, readTag } from "../shared/kept-reads";

/** Writes batches of tarball downloads (see shared/download-counter.ts): the versions are not counted apart. */
export const writeAtomDownloads =
  (db: Db): DownloadWriter =>
  async (tallies) => {
    await addAtomDownloads(db, tallies);
    // The packages show their download counts, and lists show and sort by them; their tarballs stay as they were.
    readsChanged([...new Set(tallies.map((tally) => readTag.atomPackage(tally.name))), readTag.atomLists]);
  };

export interface DailyDownloads {
  /** YYYY-MM-DD, UTC. */
  date: string;
  count: number;
}

/** The longest history one request may ask for. */
export const MAX_HISTORY_DAYS = 366;
const DAY = 24 * 60 * 60 * 1000;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export interface DownloadHistory {
  /** Downloads within the range. */
  total: number;
  daily: DailyDownloads[];
}

/** How many days of history a request gets when it names no start. */
const DEFAULT_HISTORY_DAYS = 30;

/**
 * Downloads per UTC day from `from` to `to` (both included; by default the 30 days up to today),
 * with the days nobody downloaded as 0.
 */
export async function atomDownloadHistory(db: Tx, name: string, range: { from?: Date | null; to?: Date | null }): Promise<DownloadHistory> {
  const last = Date.parse(isoDay(range.to ?? new Date()));
  const first = range.from ? Date.parse(isoDay(range.from)) : last - (DEFAULT_HISTORY_DAYS - 1) * DAY;
  const days = (last - first) / DAY + 1;
  if (days < 1) throw malformed("from must not be after to");
  if (days > MAX_HISTORY_DAYS) throw malformed(`at most ${MAX_HISTORY_DAYS} days of history at once`);
  const rows = await db.atomDailyDownloads.findMany({ where: { name, day: { gte: new Date(first), lte: new Date(last) } } });
  const counts = new Map(rows.map((row) => [isoDay(row.day), row.count]));
  const daily = Array.from({ length: days }, (_, i) => {
    const date = isoDay(new Date(first + i * DAY));
    return { date, count: counts.get(date) ?? 0 };
  });
  return { total: daily.reduce((sum, day) => sum + day.count, 0), daily };
}
