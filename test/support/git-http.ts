// A real smart-HTTP git server for tests: git's own `git http-backend` (CGI)
// behind a node http server on loopback, serving the bare repositories under
// a folder. Each request is recorded, so a test can tell what git asked for.
import { spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface GitHttpServer {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  /** Every request: its Host header and path. */
  requests: Array<{ host: string; path: string }>;
  close(): Promise<void>;
}

/** A request the test answers itself (e.g. a redirect) instead of git; undefined lets git answer. */
export type Intercept = (req: http.IncomingMessage, res: http.ServerResponse) => boolean;

export async function serveGitHttp(root: string, intercept: Intercept = () => false): Promise<GitHttpServer> {
  const requests: GitHttpServer["requests"] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://placeholder");
    requests.push({ host: req.headers.host ?? "", path: url.pathname });
    if (intercept(req, res)) return;
    runBackend(root, req, url, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One CGI request: the request body to git's stdin, its "Status:" and headers, then the body, back to the client. */
function runBackend(root: string, req: http.IncomingMessage, url: URL, res: http.ServerResponse): void {
  const header = (name: string) => (req.headers[name] as string | undefined) ?? "";
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    GIT_PROJECT_ROOT: root,
    GIT_HTTP_EXPORT_ALL: "1",
    GATEWAY_INTERFACE: "CGI/1.1",
    SERVER_PROTOCOL: "HTTP/1.1",
    REQUEST_METHOD: req.method ?? "GET",
    PATH_INFO: decodeURIComponent(url.pathname),
    QUERY_STRING: url.search.slice(1),
    CONTENT_TYPE: header("content-type"),
    REMOTE_ADDR: req.socket.remoteAddress ?? "127.0.0.1",
    HTTP_CONTENT_ENCODING: header("content-encoding"),
    GIT_PROTOCOL: header("git-protocol"),
  };
  if (req.headers["content-length"]) env.CONTENT_LENGTH = header("content-length");
  const cgi = spawn("git", ["http-backend"], { env, stdio: ["pipe", "pipe", "ignore"] });
  req.pipe(cgi.stdin);
  cgi.stdin.on("error", () => undefined);

  let head = Buffer.alloc(0);
  let started = false;
  cgi.stdout.on("data", (chunk: Buffer) => {
    if (started) return void res.write(chunk);
    head = Buffer.concat([head, chunk]);
    const text = head.toString("latin1");
    const end = /\r?\n\r?\n/.exec(text);
    if (!end) return;
    started = true;
    let status = 200;
    for (const line of text.slice(0, end.index).split(/\r?\n/)) {
      const colon = line.indexOf(":");
      const [name, value] = [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
      if (name.toLowerCase() === "status") status = parseInt(value, 10);
      else res.setHeader(name, value);
    }
    res.writeHead(status);
    res.write(head.subarray(end.index + end[0].length));
  });
  cgi.on("close", () => {
    if (!started) res.writeHead(502);
    res.end();
  });
}
