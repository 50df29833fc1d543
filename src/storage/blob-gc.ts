// The blob garbage collector (`npx wharf blobs gc`): removes blobs that no
// row references, such as the tarball of an upload refused as a duplicate or
// the files of a publish that failed.
//
// A publish writes its blobs first and references them a moment later, in
// its final transaction; meanwhile they are unreferenced. The grace period
// keeps them: only a blob older than the grace can go, and put() makes a blob
// young again whenever it is stored (see BlobStore). A blob is checked for
// references after it was seen old, and deleted only if it was not written
// again since, so a publish that stores the same bytes during a run keeps them.
import type { Db } from "./database";
import type { BlobInfo, BlobStore } from "./blob-store";

// Every column that holds a blob key. A new one must be added here, or the
// collector deletes what it points at (each has an index for this lookup).
const BLOB_REFERENCES = [
  ["package_files", "sha256"],
  ["publishing_tasks", "tarball"],
  ["atom_versions", "tarball"],
] as const;

const BATCH = 500;

export interface GcOptions {
  /** The grace period: blobs written less than this long ago are kept. */
  olderThanMs: number;
  /** Report what would be removed, remove nothing. */
  dryRun?: boolean;
}

export interface GcReport {
  /** The blobs removed (or, in a dry run, that would be). */
  removed: BlobInfo[];
  referenced: number;
  /** Unreferenced or not, written within the grace period. */
  young: number;
  /** Temporary files of uploads that died. */
  abandonedUploads: number;
}

export async function collectGarbage(db: Db, blobs: BlobStore, options: GcOptions): Promise<GcReport> {
  const cutoff = new Date(Date.now() - options.olderThanMs);
  const report: GcReport = { removed: [], referenced: 0, young: 0, abandonedUploads: 0 };
  const sweep = async (old: BlobInfo[]) => {
    const referenced = await referencedAmong(db, old.map((b) => b.sha256));
    report.referenced += referenced.size;
    for (const blob of old) {
      if (referenced.has(blob.sha256)) continue;
      if (options.dryRun || (await blobs.delete(blob.sha256, { unmodifiedSince: cutoff }))) report.removed.push(blob);
    }
  };
  let batch: BlobInfo[] = [];
  for await (const blob of blobs.list()) {
    if (blob.modifiedAt > cutoff) {
      report.young++;
      continue;
    }
    batch.push(blob);
    if (batch.length >= BATCH) {
      await sweep(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await sweep(batch);
  if (!options.dryRun) report.abandonedUploads = await blobs.removeAbandonedUploads();
  return report;
}

/** The keys among these that some row references. */
async function referencedAmong(db: Db, keys: string[]): Promise<Set<string>> {
  const found = BLOB_REFERENCES.map(([table, column]) => `EXISTS (SELECT 1 FROM ${table} WHERE ${column} = k.key)`).join(" OR ");
  const rows = await db.$queryRawUnsafe<Array<{ key: string }>>(`SELECT k.key FROM unnest($1::text[]) AS k(key) WHERE ${found}`, keys);
  return new Set(rows.map((r) => r.key));
}
