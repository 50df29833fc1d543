// The live versions of many Atom packages at once, for GraphQL's 100-package pages: one plain statement, as
// Prisma's compiling of a 100-name IN list cost more than the query.
import { Prisma } from "../../generated/prisma/client";
import type { SqlReader } from "../sql-reader";

/** A version as the GraphQL Atom types read it. */
export interface AtomVersionRow {
  name: string;
  version: string;
  metadata: Prisma.JsonValue;
  tarball: string;
  sha: string;
  fileExtensions: string[];
  deleted: boolean;
  createdAt: Date;
}

// Times as epoch milliseconds: pg's parsing of timestamp text was a tenth of the page's CPU.
const COLUMNS = Prisma.sql`name, version, metadata, tarball, sha, file_extensions AS "fileExtensions", deleted,
  (extract(epoch FROM created_at) * 1000)::float8 AS "createdAt"`;

/** The versions a statement selecting COLUMNS found. */
async function versionsWhere(sql: SqlReader, condition: Prisma.Sql): Promise<AtomVersionRow[]> {
  const rows = await sql.rows<Omit<AtomVersionRow, "createdAt"> & { createdAt: number }>(Prisma.sql`SELECT ${COLUMNS} FROM atom_versions WHERE ${condition}`);
  return rows.map((row) => ({ ...row, createdAt: new Date(row.createdAt) }));
}

/** Every version not deleted of the packages named, in no particular order. */
export function liveVersionsOf(sql: SqlReader, names: readonly string[]): Promise<AtomVersionRow[]> {
  return versionsWhere(sql, Prisma.sql`name = ANY(${[...names]}::text[]) AND NOT deleted`);
}

/** These versions (package name and version number), those not deleted, in no particular order. */
export function liveVersionsNamed(sql: SqlReader, pairs: ReadonlyArray<readonly [name: string, version: string]>): Promise<AtomVersionRow[]> {
  const names = pairs.map(([name]) => name);
  const versions = pairs.map(([, version]) => version);
  return versionsWhere(sql, Prisma.sql`(name, version) IN (SELECT * FROM unnest(${names}::text[], ${versions}::text[])) AND NOT deleted`);
}
