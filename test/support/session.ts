// A browser's part in tests of sessions: GraphQL with a cookie, from a chosen
// loopback address (127.0.0.0/8 all reach the server, and each is its own
// address to the sign-in throttle), reading Set-Cookie as a browser would.
import http from "node:http";

export interface HttpReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** The body as JSON, when it is. */
  json?: any;
}

export interface SendOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** The source address, e.g. 127.0.0.2. */
  from?: string;
}

/** One HTTP request, on a connection of its own, with node:http (fetch can neither choose its source address nor show every Set-Cookie as sent). */
export function send(url: string, options: SendOptions = {}): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? "GET", headers: options.headers, localAddress: options.from, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode!, headers: res.headers, text, json });
      });
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

export interface GraphQLOptions {
  cookie?: string;
  token?: string;
  from?: string;
  headers?: Record<string, string>;
}

/** A GraphQL request as the UI makes it: JSON, with the session cookie. */
export function graphqlAs(baseUrl: string, query: string, variables: Record<string, unknown> = {}, options: GraphQLOptions = {}): Promise<HttpReply> {
  const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return send(`${baseUrl}/graphql`, { method: "POST", headers, body: JSON.stringify({ query, variables }), from: options.from });
}

/** The Set-Cookie lines of a reply, by cookie name. */
export function setCookies(reply: HttpReply): Record<string, string> {
  const lines = reply.headers["set-cookie"] ?? [];
  return Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf("=")), line]));
}

/** "name=value" of a Set-Cookie line, as the browser sends it back. */
export function cookiePair(setCookie: string): string {
  return setCookie.split(";")[0];
}

export const SIGN_IN = `mutation($login: String!, $password: String!) { signIn(login: $login, password: $password) { user { login } expiresAt } }`;

/** Signs in and returns the cookie to send back; fails the test if the sign-in fails. */
export async function signIn(baseUrl: string, login: string, password: string, from?: string): Promise<string> {
  const reply = await graphqlAs(baseUrl, SIGN_IN, { login, password }, { from });
  if (reply.json?.errors || reply.status !== 200) throw new Error(`sign-in failed: ${reply.status} ${reply.text}`);
  const line = Object.values(setCookies(reply)).find((l) => /wharf_session=/.test(l));
  if (!line) throw new Error(`no session cookie: ${JSON.stringify(reply.headers)}`);
  return cookiePair(line);
}
