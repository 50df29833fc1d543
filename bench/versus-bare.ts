// One endpoint of Wharf beside a bare node `http` server answering the same bytes from memory, in the same run on
// the same machine: the ratio is the figure that means something. The same bytes are the whole answer, headers and
// body: a registry file's ten headers (validators, CORS, safety) cost bare node itself a fifth of its req/s, in its own
// header writing and in the load generator's parsing (autocannon's parser is JavaScript, and shares the 2 cores), so
// a bare server answering the body alone measured those headers, not Wharf. The ratio to that body-only server is
// printed beside it where it was the figure before. Also the SQL statements the endpoint runs.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import autocannon from "autocannon";
import type { WharfProcess } from "../test/support/server";

const CONNECTIONS = 10;
const WARM_UP_SECONDS = 1;
// Rounds alternate Wharf and bare node: on a noisy 2-core machine one round each would compare two different
// moments. The medians of each are shown, and the ratio is the median of each round's own ratio, so that a slow
// moment weighs on both sides of the ratio it falls in rather than on one side of the whole.
const ROUNDS = 5;
const SECONDS = 2;

export interface Endpoint {
  label: string;
  path: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** Also beside bare node answering the body alone, with only Content-Type and Content-Length. */
  bodyOnly?: boolean;
  /** Throws if the answer is not what the endpoint should answer (a GraphQL error comes with a 200). */
  check?: (body: Buffer) => void;
}

interface Run {
  rps: number;
  p50: number;
  p99: number;
}

async function run(url: string, endpoint: Endpoint, seconds: number): Promise<Run> {
  const result = await autocannon({ url, method: endpoint.method ?? "GET", headers: endpoint.headers, body: endpoint.body, connections: CONNECTIONS, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

/** One answer of Wharf's to the endpoint, as it came on the wire: its body and its headers, names and values in turn. */
function answerOf(server: WharfProcess, endpoint: Endpoint): Promise<{ body: Buffer; headers: string[]; statements: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = http.request(server.url + endpoint.path, { method: endpoint.method ?? "GET", headers: endpoint.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        if (res.statusCode !== 200) return reject(new Error(`${endpoint.path}: ${res.statusCode} ${Buffer.concat(chunks).toString()}`));
        const statements = res.headers["x-wharf-sql-statements"];
        resolve({ body: Buffer.concat(chunks), headers: res.rawHeaders, statements: typeof statements === "string" ? statements : undefined });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(endpoint.body);
  });
}

// Written by node itself on every answer, bare or not.
const NODE_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding"]);

/**
 * A bare server, in a process of its own (bare-server.ts), that answers every request with these bytes and headers:
 * all of Wharf's (the same answer, byte for byte but for the date), or only Content-Type and Content-Length.
 */
export async function bareServer(body: Buffer, rawHeaders: string[], which: "same answer" | "body only"): Promise<{ url: string; close(): void }> {
  const headers: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i].toLowerCase();
    if (NODE_HEADERS.has(name)) continue;
    if (which === "same answer" || name === "content-type" || name === "content-length") headers.push(rawHeaders[i], rawHeaders[i + 1]);
  }
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "wharf-bare-")), "answer.json");
  fs.writeFileSync(file, JSON.stringify({ body: body.toString("base64"), headers }));
  const child = spawn(process.execPath, [path.join(__dirname, "bare-server.js"), file], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`the bare server exited (code ${code})`)));
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => {
      child.kill();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function medianRun(runs: Run[]): Run {
  return { rps: median(runs.map((r) => r.rps)), p50: median(runs.map((r) => r.p50)), p99: median(runs.map((r) => r.p99)) };
}

/**
 * Req/s, p50 and p99 of each endpoint and of bare node answering the same answer (Wharf's body and headers), and
 * their ratio; for an endpoint with `bodyOnly`, also the ratio to bare node answering the body alone, with only
 * Content-Type and Content-Length.
 */
export async function versusBare(server: WharfProcess, endpoints: Endpoint[]): Promise<Record<string, string>> {
  const figures: Record<string, string> = {};
  for (const endpoint of endpoints) {
    const answer = await answerOf(server, endpoint);
    endpoint.check?.(answer.body);
    const same = await bareServer(answer.body, answer.headers, "same answer");
    const bodyOnly = endpoint.bodyOnly ? await bareServer(answer.body, answer.headers, "body only") : undefined;
    try {
      await run(server.url + endpoint.path, endpoint, WARM_UP_SECONDS);
      await run(same.url, endpoint, WARM_UP_SECONDS);
      if (bodyOnly) await run(bodyOnly.url, endpoint, WARM_UP_SECONDS);
      const wharfRuns: Run[] = [];
      const sameRuns: Run[] = [];
      const bodyOnlyRuns: Run[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        wharfRuns.push(await run(server.url + endpoint.path, endpoint, SECONDS));
        sameRuns.push(await run(same.url, endpoint, SECONDS));
        if (bodyOnly) bodyOnlyRuns.push(await run(bodyOnly.url, endpoint, SECONDS));
      }
      const wharf = medianRun(wharfRuns);
      const node = medianRun(sameRuns);
      const ratioTo = (bare: Run[]) => median(wharfRuns.map((run, round) => run.rps / bare[round].rps)).toFixed(2);
      figures[endpoint.label] =
        `${Math.round(wharf.rps)} req/s p50 ${wharf.p50} p99 ${wharf.p99} ms | bare ${Math.round(node.rps)} req/s p50 ${node.p50} p99 ${node.p99} ms | ratio ${ratioTo(sameRuns)}` +
        (bodyOnly ? ` | body-only bare ${Math.round(medianRun(bodyOnlyRuns).rps)} req/s, ratio ${ratioTo(bodyOnlyRuns)}` : "");
    } finally {
      same.close();
      bodyOnly?.close();
    }
  }
  return figures;
}

/**
 * The SQL statements each endpoint runs, read from X-Wharf-Sql-Statements: the server restarts with WHARF_COUNT_SQL
 * (counting costs a little on every request, so the timed runs go without it).
 */
export async function statementsPerRequest(server: WharfProcess, endpoints: Endpoint[], figures: Record<string, string>): Promise<void> {
  server.env.WHARF_COUNT_SQL = "true";
  await server.restart();
  for (const endpoint of endpoints) {
    // The second request: the first may fill caches.
    await answerOf(server, endpoint);
    const { statements } = await answerOf(server, endpoint);
    // The registry path answers before Express, where statements are not counted (0 once cached).
    figures[endpoint.label] += ` | sql ${statements ?? "0 (cached)"}`;
  }
}
