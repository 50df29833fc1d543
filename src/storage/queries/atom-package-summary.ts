// An Atom package as lists and the package page show it: the summary columns every read of atom_packages selects
// (lists, search, the hot single-package reads, a user's stars), their row, and the summary made of it.
import { highestVersion } from "../../services/shared/highest-version";
import type { AtomPackage, Prisma } from "../../generated/prisma/client";

/** A package as lists show it: its row (but who owns it by id), its star count and its latest version. */
export type AtomPackageSummary = Omit<AtomPackage, "ownerUserId" | "ownerScope"> & { starCount: number; latest: string | null };

/** The summary columns of a package (times as epoch milliseconds: pg's parsing of timestamp text costs more). */
export interface AtomPackageRow {
  name: string;
  owner: string;
  repository: string;
  metadata: Prisma.JsonValue;
  readme: string;
  downloads: number;
  sha: string;
  file_extensions: string[];
  featured_at: number | null;
  created_at: number;
  updated_at: number;
  star_count: number;
  /** The versions not deleted. */
  versions: string[];
}

/** The select list of AtomPackageRow, from atom_packages rows aliased p. */
export const PACKAGE_SUMMARY_COLUMNS = `
  p.name, p.owner, p.repository, p.metadata, p.readme, p.downloads, p.sha, p.file_extensions,
  extract(epoch FROM p.featured_at)::float8 * 1000 AS featured_at,
  extract(epoch FROM p.created_at)::float8 * 1000 AS created_at, extract(epoch FROM p.updated_at)::float8 * 1000 AS updated_at,
  p.star_count,
  array(SELECT v.version FROM atom_versions v WHERE v.name = p.name AND NOT v.deleted) AS versions`;

/** A package's summary from its row. */
export function summaryOf(row: AtomPackageRow): AtomPackageSummary {
  return {
    name: row.name,
    owner: row.owner,
    repository: row.repository,
    metadata: row.metadata,
    readme: row.readme,
    downloads: row.downloads,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    featuredAt: row.featured_at === null ? null : new Date(row.featured_at),
    sha: row.sha,
    fileExtensions: row.file_extensions,
    starCount: row.star_count,
    latest: highestVersion(row.versions),
  };
}
