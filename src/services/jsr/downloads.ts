// jsr downloads as jsr counts them: a fetch of <version>_meta.json (deno reads it once per version it installs) is
// one "jsr_meta" download. Counted in memory by the registry and added here in batches, one statement per batch.
import semver from "semver";
import type { Db } from "../../storage/database";
import type { ServiceContext } from "../shared/context";
import { addVersionDownloads } from "../../storage/queries/jsr-downloads";
import { getPackage } from "./packages";

/** One batch entry of the download counter: `name` is "scope/name", `day` YYYY-MM-DD (UTC). */
export interface JsrDownloadTally {
  name: string;
  version: string;
  day: string;
  count: number;
}

/** The download counter's writer for jsr: each batch added to the versions' daily rows at once. */
export const writeJsrDownloads =
  (db: Db) =>
  (tallies: JsrDownloadTally[]): Promise<void> =>
    addVersionDownloads(
      db,
      tallies.map((t) => ({ scope: t.name.split("/")[0], name: t.name.split("/")[1] ?? "", version: t.version, day: t.day, count: t.count })),
    );

const DAYS = 90;
const RECENT_VERSIONS = 5;

interface DataPoint {
  timeBucket: string;
  kind: "jsr_meta";
  count: number;
}

/** Daily counts over the last 90 days: the package's total, and each of its 5 newest unyanked versions (upstream's shape). */
export async function packageDownloads(ctx: ServiceContext, scope: string, name: string) {
  await getPackage(ctx.db, scope, name);
  const start = new Date(Date.now() - DAYS * 24 * 60 * 60 * 1000);
  const rows = await ctx.db.packageVersionDownloads.findMany({ where: { scope, name, day: { gte: start } }, orderBy: { day: "asc" } });
  const point = (day: Date, count: number): DataPoint => ({ timeBucket: day.toISOString(), kind: "jsr_meta", count });
  const perDay = new Map<number, number>();
  for (const row of rows) perDay.set(row.day.getTime(), (perDay.get(row.day.getTime()) ?? 0) + row.count);
  const versions = await ctx.db.packageVersion.findMany({ where: { scope, name, yanked: false }, select: { version: true } });
  const recent = versions
    .map((v) => v.version)
    .sort(semver.rcompare)
    .slice(0, RECENT_VERSIONS);
  return {
    total: [...perDay].map(([day, count]) => point(new Date(day), count)),
    recentVersions: recent
      .map((version) => ({ version, downloads: rows.filter((r) => r.version === version).map((r) => point(r.day, r.count)) }))
      .filter((v) => v.downloads.length > 0),
  };
}
