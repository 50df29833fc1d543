// Running as a service: how fast a warm Wharf is healthy again after a restart (embedded database), and GraphQL
// throughput with WEB_CONCURRENCY=2 beside one worker. On a 2-core machine the load generator shares the cores,
// so two workers cannot double it; the target is 1.3x.
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import autocannon from "autocannon";
import { startWharf, type WharfProcess } from "../test/support/server";
import { adminPost } from "./support";

const MAIN = path.resolve(__dirname, "..", "src", "main.js");
const RESTARTS = 3;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.once("error", reject);
  });
}

/** From spawning `node dist/src/main.js` (as `npm start` does) to the first 200 from /healthz. */
async function timeToHealthy(server: WharfProcess): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [MAIN], { env: { ...server.env, PORT: String(port), LOG_LEVEL: "warn" }, stdio: "ignore" });
  try {
    for (;;) {
      const status = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (res) => res.status,
        () => 0,
      );
      if (status === 200) return performance.now() - started;
      if (child.exitCode !== null) throw new Error(`wharf exited with code ${child.exitCode} while starting`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
}

export async function benchStart(): Promise<Record<string, string>> {
  const server = await startWharf({ WHARF_CHECK_RESPONSES: "false", WHARF_COUNT_SQL: "false" }, { keepLogs: false });
  try {
    await server.stop();
    const times: number[] = [];
    for (let i = 0; i < RESTARTS; i++) times.push(await timeToHealthy(server));
    times.sort((a, b) => a - b);
    return {
      "warm start to healthy /healthz, median ms": String(Math.round(times[Math.floor(times.length / 2)])),
      "warm start to healthy /healthz, all ms": times.map(Math.round).join(", "),
    };
  } finally {
    await server.destroy();
  }
}

async function throughput(server: WharfProcess, graphqlQuery: string): Promise<number> {
  const options = {
    url: `${server.url}/graphql`,
    method: "POST" as const,
    headers: { "content-type": "application/json", authorization: `Bearer ${server.adminToken}` },
    body: JSON.stringify({ query: graphqlQuery }),
    connections: 20,
  };
  await autocannon({ ...options, duration: 3 });
  const result = await autocannon({ ...options, duration: 8 });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`graphql bench: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

/** Until `count` workers have said they listen. */
async function workersListening(server: WharfProcess, count: number, since: number): Promise<void> {
  while (server.logs.slice(since).filter((line) => line.includes('"msg":"listening"')).length < count) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function benchScale(): Promise<Record<string, string>> {
  const server = await startWharf({ WHARF_CHECK_RESPONSES: "false", WHARF_COUNT_SQL: "false" });
  try {
    for (let i = 0; i < 50; i++) {
      if (i % 10 === 0) await adminPost(server, "/api/scopes", { scope: `scale${i / 10}` });
      await adminPost(server, `/api/scopes/scale${Math.floor(i / 10)}/packages`, { package: `pkg${i}` });
    }
    const graphqlQuery = `{ packages(first: 50, filter: { ecosystem: JSR }) { totalCount nodes { id name ... on JsrPackage { fullName scope { scope creator { login } } } } } }`;
    const one = await throughput(server, graphqlQuery);
    // The same data, served by two workers.
    server.env.WEB_CONCURRENCY = "2";
    const before = server.logs.length;
    await server.restart();
    await workersListening(server, 2, before);
    const two = await throughput(server, graphqlQuery);
    return {
      "graphql req/s, 1 worker": String(Math.round(one)),
      "graphql req/s, WEB_CONCURRENCY=2": String(Math.round(two)),
      "graphql speed-up with 2 workers": `${(two / one).toFixed(2)}x`,
    };
  } finally {
    await server.destroy();
  }
}
