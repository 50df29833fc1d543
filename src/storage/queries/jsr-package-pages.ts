// A page of jsr packages and how many there are in one prepared statement: GraphQL's 100-package pages spent
// more CPU in Prisma compiling the page and its count than PostgreSQL spent running them.
import type { Package } from "../../generated/prisma/client";
import type { SqlReader } from "../sql-reader";
import { containsPattern } from "./contains-pattern";
import type { PageRequest } from "./page";

export type JsrPackageOrderField = "createdAt" | "updatedAt" | "name";

/** A package row, its times as epoch milliseconds, and how many packages the filter keeps. */
interface JsrPackagePageRow extends Omit<Package, "whenFeatured" | "createdAt" | "updatedAt"> {
  whenFeatured: number | null;
  createdAt: number;
  updatedAt: number;
  total: number;
}

const COLUMNS: Record<JsrPackageOrderField, string> = { createdAt: "created_at", updatedAt: "updated_at", name: "name" };

// $1 the scope or null, $2 an ILIKE pattern or null.
const WHERE = `($1::text IS NULL OR p.scope = $1) AND ($2::text IS NULL OR p.name ILIKE $2 OR p.description ILIKE $2)`;

/** The statement for one order: the key breaks ties, so that pages never overlap or skip. */
const pageStatement = (field: JsrPackageOrderField, direction: "asc" | "desc") => `
  SELECT p.scope, p.name, p.description, p.github_repository AS "githubRepository", p.runtime_compat AS "runtimeCompat",
    p.is_archived AS "isArchived",
    -- Times as epoch milliseconds: pg's parsing of 300 timestamps' text was a twentieth of a 100-package page's CPU.
    extract(epoch FROM p.when_featured)::float8 * 1000 AS "whenFeatured",
    extract(epoch FROM p.created_at)::float8 * 1000 AS "createdAt", extract(epoch FROM p.updated_at)::float8 * 1000 AS "updatedAt",
    (SELECT count(*)::int FROM packages p WHERE ${WHERE}) AS total
  FROM packages p WHERE ${WHERE}
  ORDER BY p.${COLUMNS[field]} ${direction === "asc" ? "ASC" : "DESC"}, p.scope ASC, p.name ASC
  LIMIT $3 OFFSET $4`;

const COUNT = `SELECT count(*)::int AS total FROM packages p WHERE ${WHERE}`;

/** Packages of a scope (all when absent) whose name or description contains `query` (literally, case-insensitively). */
export async function jsrPackagePage(
  sql: SqlReader,
  filter: { scope?: string; query?: string },
  order: { field: JsrPackageOrderField; direction: "asc" | "desc" },
  page: PageRequest,
): Promise<{ items: Package[]; total: number }> {
  const values = [filter.scope ?? null, containsPattern(filter.query)];
  const rows = await sql.query<JsrPackagePageRow>(pageStatement(order.field, order.direction), [...values, page.limit, page.offset]);
  // A page past the end has no row to carry the total.
  const total = rows[0]?.total ?? (await sql.query<{ total: number }>(COUNT, values))[0].total;
  return {
    total,
    items: rows.map(({ total: _total, whenFeatured, createdAt, updatedAt, ...pkg }) => ({
      ...pkg,
      whenFeatured: whenFeatured === null ? null : new Date(whenFeatured),
      createdAt: new Date(createdAt),
      updatedAt: new Date(updatedAt),
    })),
  };
}
