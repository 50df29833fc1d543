// How much GraphQL work each client has running at once. A query's cost
// (limits.ts) is claimed from its client's budget while it runs; a query that
// would overdraw it is refused (429), so one client cannot fill the database
// pool with many costly queries side by side. A client is the token's user,
// else the remote address.

export class ClientBudget {
  private readonly running = new Map<string, number>();

  constructor(readonly perClient: number) {}

  /** Claims `cost` for `client`: a function that gives it back, or undefined if the client has too much running. */
  claim(client: string, cost: number): (() => void) | undefined {
    const running = this.running.get(client) ?? 0;
    // A client with nothing running always gets one query in, whatever it costs (the complexity limit caps that).
    if (running > 0 && running + cost > this.perClient) return undefined;
    this.running.set(client, running + cost);
    let given = false;
    return () => {
      if (given) return;
      given = true;
      const left = (this.running.get(client) ?? 0) - cost;
      if (left > 0) this.running.set(client, left);
      else this.running.delete(client);
    };
  }
}
