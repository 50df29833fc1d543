// Whether the database answers, for /healthz and /readyz: one plain statement over the pool, not through Prisma,
// whose queue a big publish's commit fills (a health check waited 130-230 ms behind it).
import type { SqlReader } from "../sql-reader";

export async function ping(sql: SqlReader): Promise<void> {
  await sql.query("SELECT 1", []);
}
