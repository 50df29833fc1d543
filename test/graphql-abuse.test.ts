// Anonymous GraphQL abuse (issue #10): queries built to exhaust the server
// are refused before they run, and the server stays responsive meanwhile.
// A client cannot run more than its budget at once, and a query that runs out
// of time is answered 503. Where a query must be kept running, the test holds
// a lock on the table it reads, so nothing here depends on how fast it runs.
import { spawn } from "node:child_process";
import readline from "node:readline";
import { Client } from "pg";
import { bodyOf } from "./support/client";
import { query, startWharf, type WharfProcess } from "./support/server";
import { useWharf } from "./support/world";

const aliases = (count: number, field: string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(" ")} }`;

async function post(server: WharfProcess, body: string, token?: string): Promise<{ status: number; headers: Headers; body: any }> {
  const res = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  return { status: res.status, headers: res.headers, body: await bodyOf(res) };
}

/** Holds an exclusive lock on a table of the server's database: queries reading it wait until release(). */
async function lockTable(server: WharfProcess, table: string): Promise<{ release(): Promise<void> }> {
  const holder = new Client({ connectionString: server.databaseUrl });
  await holder.connect();
  await holder.query("BEGIN");
  await holder.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
  return {
    async release() {
      await holder.query("ROLLBACK");
      await holder.end();
    },
  };
}

/** How many statements are waiting for a lock on the table. */
async function waitingOn(server: WharfProcess, table: string): Promise<number> {
  const [row] = await query<{ n: number }>(server.databaseUrl, "SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND relation = $1::regclass", [table]);
  return row.n;
}

// Polls /healthz from a process of its own, so that the times are the server's and not the test's (which is busy
// sending the attack), and prints how long each answer took once told to stop.
const HEALTH_POLLER = `
  const url = process.argv[1];
  let polling = true;
  process.stdin.on("data", () => (polling = false));
  (async () => {
    const latencies = [];
    await fetch(url).then((res) => res.arrayBuffer()); // untimed: the first request sets the connection up
    process.stdout.write("started\\n");
    while (polling) {
      const started = performance.now();
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error("healthz answered " + res.status);
      latencies.push(performance.now() - started);
    }
    process.stdout.write(JSON.stringify(latencies) + "\\n");
    process.exit(0);
  })();
`;

function pollHealth(server: WharfProcess): { started: Promise<void>; stop(): Promise<number[]> } {
  const child = spawn(process.execPath, ["-e", HEALTH_POLLER, `${server.url}/healthz`], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = readline.createInterface({ input: child.stdout! });
  const next = () =>
    new Promise<string>((resolve, reject) => {
      lines.once("line", resolve);
      child.once("exit", (code) => reject(new Error(`the health poller exited (${code})`)));
    });
  const started = next().then(() => undefined);
  return {
    started,
    async stop() {
      const result = next();
      child.stdin!.end("stop\n");
      return JSON.parse(await result) as number[];
    },
  };
}

/** Polls until the condition holds (the test's own timeout bounds it). */
async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
}

// A second Wharf with a short time limit, started alongside the first (starting is the slow part), and up before
// any test runs: a Wharf starting takes the CPU the timed test needs.
let hurriedStart: Promise<WharfProcess> | undefined;
let hurried: WharfProcess;
beforeAll(() => {
  hurriedStart = startWharf({ GRAPHQL_TIMEOUT_MS: "300" });
  hurriedStart.catch(() => undefined); // awaited below
});
const world = useWharf();
beforeAll(async () => {
  hurried = await hurriedStart!;
});
afterAll(async () => (await hurriedStart?.catch(() => undefined))?.destroy());

describe("alias attacks", () => {
  it("refuses them at once with a 4xx catalogue code, and /healthz stays under 100 ms throughout", async () => {
    // The attacks of the issue, built before anything is timed: 4,000 aliased stats (two at once), 1,000 aliased searches.
    const stats = JSON.stringify({ query: aliases(4000, "stats { userCount }") });
    const searches = JSON.stringify({ query: aliases(1000, 'search(query: "a", first: 1) { totalCount }') });
    // And ones small enough to be parsed, so that the limits on the parsed query refuse them.
    const fewerStats = JSON.stringify({ query: aliases(200, "stats { userCount }") });
    const fewerSearches = JSON.stringify({ query: aliases(15, 'search(query: "a", first: 1) { totalCount }') });
    // A first request, untimed: the server's code paths warm up.
    await post(world.server, fewerSearches);

    const poller = pollHealth(world.server);
    await poller.started;
    const answers: Array<Awaited<ReturnType<typeof post>>> = [];
    let latencies: number[];
    try {
      for (let round = 0; round < 4; round++) {
        answers.push(...(await Promise.all([stats, stats, searches].map((body) => post(world.server, body)))));
        answers.push(...(await Promise.all([fewerStats, fewerSearches].map((body) => post(world.server, body)))));
      }
    } finally {
      latencies = await poller.stop();
    }

    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0].extensions.code).toBe("queryTooComplex");
      expect(answer.body.data).toBeUndefined();
    }
    expect(latencies.length).toBeGreaterThan(0);
    expect(latencies.filter((ms) => ms >= 100).map(Math.round)).toEqual([]);
    // And the server is still there.
    expect((await post(world.server, JSON.stringify({ query: "{ stats { userCount } }" }))).body.data.stats.userCount).toBeGreaterThanOrEqual(1);
  }, 30_000);

  it("lets one client run only so much at once: 429 with Retry-After, others unaffected", async () => {
    // One search, a page of 100 with 150 fields each: most of what one query may cost.
    const costly = JSON.stringify({
      query: `{ search(query: "held", ecosystem: ATOM, first: 100) { totalCount nodes { ${Array.from({ length: 150 }, (_, i) => `n${i}: name`).join(" ")} } } }`,
    });
    const user = await world.user();
    const lock = await lockTable(world.server, "atom_packages");
    let first: Promise<Awaited<ReturnType<typeof post>>> | undefined;
    let other: Promise<Awaited<ReturnType<typeof post>>> | undefined;
    try {
      // The anonymous client's query starts, and waits on the lock...
      first = post(world.server, costly);
      await until(async () => (await waitingOn(world.server, "atom_packages")) > 0);
      const waitingBefore = await waitingOn(world.server, "atom_packages");
      // ...another client's is let in too, and waits as well...
      other = post(world.server, costly, user.token);
      await until(async () => (await waitingOn(world.server, "atom_packages")) > waitingBefore);
      // ...but the anonymous client's second is refused at once.
      const second = await post(world.server, costly);
      expect(second.status).toBe(429);
      expect(second.body.errors[0].extensions.code).toBe("tooManyQueries");
      expect(second.headers.get("retry-after")).toBe("1");
    } finally {
      await lock.release();
    }
    for (const answer of [await first, await other]) {
      expect(answer?.status).toBe(200);
      expect(answer?.body.data.search.totalCount).toBe(0);
    }
    // Once done, its cost is given back.
    expect((await post(world.server, costly)).status).toBe(200);
  }, 30_000);
});

describe("time limit", () => {
  it("answers a query that ran out of time 503 queryTimeout, with Retry-After", async () => {
    const server = hurried;
    const lock = await lockTable(server, "atom_packages");
    let answer: Promise<Awaited<ReturnType<typeof post>>> | undefined;
    try {
      answer = post(server, JSON.stringify({ query: '{ search(query: "slow", ecosystem: ATOM) { totalCount nodes { name } } }' }));
      await server.waitForLog((line) => line.includes("graphql query ran out of time"));
    } finally {
      await lock.release();
    }
    const res = await answer!;
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(res.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: "queryTimeout", status: 503 } }] });
    // Queries that finish in time are answered as ever.
    expect((await post(server, JSON.stringify({ query: "{ viewer { id } }" }))).body).toEqual({ data: { viewer: null } });
  }, 30_000);
});
