// Plain SQL reads on the pool Prisma itself uses, for the hottest read paths
// (Atom listing and search pages, single-package reads): there Prisma's per-query compiling costs
// more than the query. Writes and everything else go through Prisma.
import { createHash } from "node:crypto";
import type { Pool } from "pg";
import type { Prisma } from "../generated/prisma/client";
import { countStatement } from "./statement-counter";

export interface SqlReader {
  /** The rows of one statement, built with Prisma.sql so that values are always parameters. */
  rows<T>(statement: Prisma.Sql): Promise<T[]>;
  /** The rows of one fixed statement with $1, $2... placeholders (the named queries of storage/queries). */
  query<T>(text: string, values: unknown[]): Promise<T[]>;
}

/** Statement names by text; bounded, as a statement built from a filter has many texts. */
const NAMES_KEPT = 2_000;

export function sqlReader(pool: Pool, countStatements: boolean): SqlReader {
  const names = new Map<string, string>();
  // Named, so that each connection plans a statement once: planning a search costs more than running it.
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (name === undefined) {
      if (names.size >= NAMES_KEPT) names.clear();
      name = `wharf_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
      names.set(text, name);
    }
    return name;
  };
  const query = async <T>(text: string, values: unknown[]) => {
    if (countStatements) countStatement();
    return (await pool.query({ name: nameOf(text), text, values })).rows as T[];
  };
  return {
    rows: <T>(statement: Prisma.Sql) => query<T>(statement.text, statement.values),
    query,
  };
}
