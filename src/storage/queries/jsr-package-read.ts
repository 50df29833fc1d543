// GET /api/scopes/{scope}/packages/{package} in one prepared statement: the package, its versions (with how many
// dependencies each has, and its score) and how many packages depend on it. Through Prisma and the loaders it took four statements
// and more CPU compiling them than PostgreSQL spent running them.
import type { Prisma } from "../../generated/prisma/client";
import type { SqlReader } from "../sql-reader";

export interface JsrPackageRow {
  scope: string;
  name: string;
  description: string;
  githubRepository: string | null;
  runtimeCompat: Prisma.JsonValue;
  isArchived: boolean;
  whenFeatured: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** Every version, yanked ones included, with its number of dependencies. */
  versions: Array<{ version: string; yanked: boolean; dependencies: number; score: Prisma.JsonValue | null }>;
  /** Packages with a version that imports this one. */
  dependents: number;
}

const PACKAGE = `
  SELECT p.scope, p.name, p.description, p.github_repository AS "githubRepository", p.runtime_compat AS "runtimeCompat",
    p.is_archived AS "isArchived", p.when_featured AS "whenFeatured", p.created_at AS "createdAt", p.updated_at AS "updatedAt",
    coalesce((SELECT json_agg(json_build_object('version', v.version, 'yanked', v.yanked, 'dependencies',
                (SELECT count(*) FROM package_dependencies d WHERE d.scope = v.scope AND d.name = v.name AND d.version = v.version),
                'score', (SELECT x.score FROM package_version_docs x WHERE x.scope = v.scope AND x.name = v.name AND x.version = v.version)))
              FROM package_versions v WHERE v.scope = p.scope AND v.name = p.name), '[]') AS versions,
    (SELECT count(*) FROM (SELECT DISTINCT d.scope, d.name FROM package_dependencies d
                           WHERE d.kind = 'jsr' AND d.dependency = '@' || p.scope || '/' || p.name) dependent)::int AS dependents
  FROM packages p WHERE p.scope = $1 AND p.name = $2`;

/** The package with its versions and dependents counted; undefined when there is none. */
export async function jsrPackageWithCounts(sql: SqlReader, scope: string, name: string): Promise<JsrPackageRow | undefined> {
  return (await sql.query<JsrPackageRow>(PACKAGE, [scope, name]))[0];
}
