// Works around a connection leak in Prisma 6.19's transaction manager: it
// ends an interactive transaction with `executeRaw("COMMIT" | "ROLLBACK")`
// and only then calls the adapter's commit()/rollback(), which give the
// connection back to the pool. When that statement fails (the database cut
// the connection, e.g. an outage or a restart), the connection is never given
// back: each outage during a transaction costs the pool one connection for
// good, and closing the pool then waits forever. Here, a failed COMMIT or
// ROLLBACK hands the connection back to the pool as broken (the pool drops it).
import { PrismaPg } from "@prisma/adapter-pg";

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
/** The pooled pg client under the adapter's transaction (not in its types). */
interface Pooled {
  release(err?: Error | boolean): void;
}

export class PrismaPgReleasingBrokenTransactions extends PrismaPg {
  override async connect(): Promise<Adapter> {
    const adapter = await super.connect();
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => releasedOnFailedEnd(await start(isolationLevel));
    return adapter;
  }
}

function releasedOnFailedEnd(tx: Transaction): Transaction {
  const client = (tx as unknown as { client?: Pooled }).client;
  if (typeof client?.release !== "function") return tx;
  const executeRaw = tx.executeRaw.bind(tx);
  const [commit, rollback] = [tx.commit.bind(tx), tx.rollback.bind(tx)];
  let released = false;
  tx.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (err) {
      if (query.sql === "COMMIT" || query.sql === "ROLLBACK") {
        released = true;
        client.release(err instanceof Error ? err : true);
      }
      throw err;
    }
  };
  // Should Prisma call them after all, the connection must not be given back twice.
  tx.commit = async () => (released ? undefined : commit());
  tx.rollback = async () => (released ? undefined : rollback());
  return tx;
}
