// Plain SQL reads on the pool Prisma itself uses, for the hottest read paths
// (Atom listing and search pages): there Prisma's per-query compiling costs
// more than the query. Writes and everything else go through Prisma.
import { createHash } from "node:crypto";
import type { Pool } from "pg";
import type { Prisma } from "../generated/prisma/client";
import { countStatement } from "./statement-counter";

export interface SqlReader {
  /** The rows of one statement, built with Prisma.sql so that values are always parameters. */
  rows<T>(statement: Prisma.Sql): Promise<T[]>;
}

export function sqlReader(pool: Pool, countStatements: boolean): SqlReader {
  return {
    async rows<T>(statement: Prisma.Sql) {
      if (countStatements) countStatement();
      // Named, so that each connection plans a statement once: planning a search costs more than running it.
      const name = `wharf_${createHash("sha1").update(statement.text).digest("hex").slice(0, 20)}`;
      return (await pool.query({ name, text: statement.text, values: statement.values })).rows as T[];
    },
  };
}
