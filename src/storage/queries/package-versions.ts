// Adding a version's row. In SQL because its module graph (moduleGraph2) can be megabytes of JSON for a package of
// thousands of modules: Prisma's client walked such a parameter synchronously for seconds, and every other request
// waited; here it is one string.
import type { Tx } from "../database";

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
