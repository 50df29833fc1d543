// The hot single-package reads of the Atom API, as plain prepared statements (SqlReader): through Prisma, compiling
// each query cost more CPU than PostgreSQL spent running it. One statement per request. A name a package had before
// a rename reaches the package, as services/atom/packages.ts's getAtomPackage does.
import type { Prisma } from "../../generated/prisma/client";
import type { SqlReader } from "../sql-reader";
import { PACKAGE_SUMMARY_COLUMNS, type AtomPackageRow } from "./atom-package-summary";

/** A version as the package page shows it. */
export interface AtomVersionSummaryRow {
  version: string;
  metadata: Prisma.JsonValue;
  sha: string;
}


/** The package's name now, for the name $1: the name itself, or the package's after a rename. */
const CURRENT_NAME = `coalesce((SELECT name FROM atom_packages WHERE name = $1), (SELECT name FROM atom_renames WHERE old_name = $1))`;


const PACKAGE = `
  SELECT ${PACKAGE_SUMMARY_COLUMNS},
    coalesce((SELECT json_agg(json_build_object('version', v.version, 'metadata', v.metadata, 'sha', v.sha))
              FROM atom_versions v WHERE v.name = p.name AND NOT v.deleted), '[]') AS version_rows
  FROM atom_packages p WHERE p.name = ${CURRENT_NAME}`;

/** The package with its versions (not deleted), by its name or an older one; undefined when there is none. */
export async function atomPackageWithVersions(sql: SqlReader, name: string): Promise<(AtomPackageRow & { version_rows: AtomVersionSummaryRow[] }) | undefined> {
  return (await sql.query<AtomPackageRow & { version_rows: AtomVersionSummaryRow[] }>(PACKAGE, [name]))[0];
}

const TARBALL = `SELECT v.name, v.tarball FROM atom_versions v WHERE v.name = ${CURRENT_NAME} AND v.version = $2 AND NOT v.deleted`;

/** The blob key of a version's tarball, and the package's name now; undefined when either is missing or deleted. */
export async function atomTarballOf(sql: SqlReader, name: string, version: string): Promise<{ name: string; tarball: string } | undefined> {
  return (await sql.query<{ name: string; tarball: string }>(TARBALL, [name, version]))[0];
}

const STARGAZERS = `
  SELECT ${CURRENT_NAME} AS name,
    array(SELECT u.login FROM atom_stars s JOIN users u ON u.id = s.user_id
          WHERE s.name = ${CURRENT_NAME} ORDER BY s.created_at, u.login) AS logins`;

/** The package's name now and the logins of its stargazers, earliest first; undefined when there is no such package. */
export async function atomStargazerLogins(sql: SqlReader, name: string): Promise<{ name: string; logins: string[] } | undefined> {
  const [row] = await sql.query<{ name: string | null; logins: string[] }>(STARGAZERS, [name]);
  return row.name === null ? undefined : { name: row.name, logins: row.logins };
}

const STARRED_BY = `
  SELECT u.id AS user_id, ${PACKAGE_SUMMARY_COLUMNS}
  FROM users u
  LEFT JOIN atom_stars st ON st.user_id = u.id
  LEFT JOIN atom_packages p ON p.name = st.name
  WHERE u.login = $1
  ORDER BY st.created_at DESC`;

/** The packages a user starred, newest star first; undefined when there is no such user. */
export async function atomPackagesStarredBy(sql: SqlReader, login: string): Promise<AtomPackageRow[] | undefined> {
  const rows = await sql.query<AtomPackageRow & { user_id: string }>(STARRED_BY, [login]);
  return rows.length === 0 ? undefined : rows.filter((row) => row.name !== null);
}
