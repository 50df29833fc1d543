// Which of many (user, package) pairs are stars, for GraphQL's viewerHasStarred on a page of packages.
import { Prisma } from "../../generated/prisma/client";
import type { SqlReader } from "../sql-reader";

interface StarKeyRow {
  /** "userId:name" */
  key: string;
}

/** The "userId:name" keys among these that are stars: one statement for a whole page. */
export async function starredAmong(sql: SqlReader, pairs: ReadonlyArray<readonly [userId: string, name: string]>): Promise<Set<string>> {
  const rows = await sql.rows<StarKeyRow>(Prisma.sql`
    SELECT user_id || ':' || name AS key FROM atom_stars
    WHERE user_id = ANY(${pairs.map(([userId]) => userId)}::uuid[]) AND name = ANY(${pairs.map(([, name]) => name)}::text[])`);
  return new Set(rows.map((row) => row.key));
}
