// Adding a version's row. In SQL because its module graph (moduleGraph2) can be megabytes of JSON for a package of
// thousands of modules: Prisma's client walked such a parameter synchronously for seconds, and every other request
// waited; here it is one string.
import type { Tx } from "../database";
import type { SqlReader } from "../sql-reader";

export interface NewVersionRow {
  scope: string;
  name: string;
  version: string;
  exports: Record<string, string>;
  readme: string | null;
  usesNpm: boolean;
  moduleGraph: Record<string, unknown>;
}

export async function insertPackageVersion(tx: Tx, row: NewVersionRow): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO package_versions (scope, name, version, exports, readme, uses_npm, module_graph)
    VALUES (${row.scope}, ${row.name}, ${row.version}, ${JSON.stringify(row.exports)}::json, ${row.readme}, ${row.usesNpm},
            ${JSON.stringify(row.moduleGraph)}::json)`;
}

/** A version's docs (deno doc's JSON, also megabytes for a big package) and its score. */
export async function insertVersionDocs(
  tx: Tx,
  version: { scope: string; name: string; version: string },
  docs: { docs: unknown; error: string | null; score: Record<string, unknown> },
): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO package_version_docs (scope, name, version, docs, error, score)
    VALUES (${version.scope}, ${version.name}, ${version.version}, ${docs.docs === null ? null : JSON.stringify(docs.docs)}::json, ${docs.error},
            ${JSON.stringify(docs.score)}::jsonb)`;
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
