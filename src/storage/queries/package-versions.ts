// Adding a version's rows. Its module graph (moduleGraph2) and its docs can be megabytes of JSON for a package of
// thousands of modules: Prisma walked such parameters synchronously for seconds, and every other request waited.
// So the rows are inserted without them, in the commit's transaction, and fillVersionBulk adds them after it as
// single strings over the pool.
import type { Tx } from "../database";
import type { SqlReader } from "../sql-reader";

export interface NewVersionRow {
  scope: string;
  name: string;
  version: string;
  exports: Record<string, string>;
  readme: string | null;
  usesNpm: boolean;
}

/** The version's row, its module graph empty until fillVersionBulk. */
export async function insertPackageVersion(tx: Tx, row: NewVersionRow): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO package_versions (scope, name, version, exports, readme, uses_npm, module_graph)
    VALUES (${row.scope}, ${row.name}, ${row.version}, ${JSON.stringify(row.exports)}::json, ${row.readme}, ${row.usesNpm}, '{}'::json)`;
}

/** The version's score and why it has no docs (if so); the docs themselves come with fillVersionBulk. */
export async function insertVersionDocs(
  tx: Tx,
  version: { scope: string; name: string; version: string },
  docs: { error: string | null; score: Record<string, unknown> },
): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO package_version_docs (scope, name, version, docs, error, score)
    VALUES (${version.scope}, ${version.name}, ${version.version}, NULL, ${docs.error}, ${JSON.stringify(docs.score)}::jsonb)`;
}

/**
 * Fills in a committed version's module graph and docs, over the pool rather than in Prisma's transaction: Prisma
 * passes every parameter, raw ones too, through its query compiler, which held the event loop for a fifth of a
 * second on a big package's megabytes. Read as "no graph" and "no docs" until then.
 */
export async function fillVersionBulk(
  sql: SqlReader,
  version: { scope: string; name: string; version: string },
  bulk: { moduleGraph: Record<string, unknown>; docsJson: string | null },
): Promise<void> {
  const key = [version.scope, version.name, version.version];
  await sql.query("UPDATE package_versions SET module_graph = $4::json WHERE scope = $1 AND name = $2 AND version = $3", [...key, JSON.stringify(bulk.moduleGraph)]);
  if (bulk.docsJson !== null) {
    await sql.query("UPDATE package_version_docs SET docs = $4::json WHERE scope = $1 AND name = $2 AND version = $3", [...key, bulk.docsJson]);
  }
}
