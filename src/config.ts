// The environment, parsed once at start-up. Every bad value is reported with
// the variable's name and what was expected, and the process refuses to start.
import { isIP } from "node:net";
import path from "node:path";

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
const LOG_LEVELS: LogLevel[] = ["debug", "info", "warn", "error", "silent"];

export interface Config {
  host: string;
  port: number;
  /** The origin in every link Wharf writes; default http://localhost:<the port it listens on>. */
  publicUrl: string;
  dataDir: string;
  /** Where tarballs and files are kept; default DATA_DIR/blobs. Several Wharfs on one PostgreSQL share one. */
  blobDir: string;
  /**
   * Where Atom packages' git repositories are: owner/repo is <gitBase>/owner/repo(.git) in an absolute folder,
   * or <gitBase>/owner/repo.git on an http(s) git server (no trailing slash).
   */
  gitBase: string;
  /** An S3-compatible bucket for the blobs (WHARF_S3_*), instead of blobDir. */
  s3?: S3Config;
  /** An external PostgreSQL; undefined means the embedded one under dataDir. */
  databaseUrl?: string;
  adminToken?: string;
  /** Gives the staff user "admin" this password at start, for a first sign-in in a browser. */
  adminPassword?: string;
  /** Single sign-on with OpenID Connect (services/accounts/oidc.ts); undefined unless WHARF_OIDC_ISSUER is set. */
  oidc?: OidcConfig;
  logLevel: LogLevel;
  /**
   * Which proxies' X-Forwarded-For to believe for the client's address (Express's "trust proxy"): false (the TCP
   * peer is the client), a number of hops, or addresses, subnets and "loopback" / "linklocal" / "uniquelocal".
   */
  trustProxy: boolean | number | string;
  /** Apollo introspection and Sandbox (on by default). */
  graphqlIntrospection: boolean;
  /** How long a GraphQL query may run before it is answered 503 queryTimeout. */
  graphqlTimeoutMs: number;
  /** How many times a GraphQL query runs through graphql-js before it runs compiled (graphql/infra/compiled-executor.ts). */
  graphqlCompileAfter: number;
  /** Check every REST response against openapi.yaml, answering 500 on a mismatch (the tests turn this on). */
  checkResponses: boolean;
  /** Report each request's SQL statement count in a response header (tests and benchmarks). */
  countSql: boolean;
  /** Worker processes (WEB_CONCURRENCY, node:cluster); 1 runs Wharf in this process alone. */
  webConcurrency: number;
  /** The Bearer token GET /metrics asks for; metrics are off (404) without one. */
  metricsToken?: string;
  /** How long a publishing task's claim lasts unless renewed: a crashed worker's task is taken over after this. */
  taskLeaseMs: number;
  /** How often each Wharf looks for publishing tasks to take (besides right after an upload). */
  taskPollMs: number;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Members of this group (the "groups" claim) are staff; when set, it decides staff at each sign-in. */
  staffGroup?: string;
  /** What the sign-in button says: "Sign in with <name>" (WHARF_OIDC_NAME; default the issuer's host). */
  name: string;
}

export interface S3Config {
  bucket: string;
  /** Prepended to every key, to share a bucket ("wharf/"). */
  prefix: string;
  /** An S3-compatible server (MinIO, Ceph, R2, ...); AWS when absent. Credentials come from the SDK's usual chain. */
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
}

export class ConfigError extends Error {}

/** The config once the server listens: PUBLIC_URL defaults to the port actually bound (PORT may be 0). */
export function withListeningPort(config: Config, port: number): Config {
  return { ...config, port, publicUrl: config.publicUrl || `http://localhost:${port}` };
}

type Env = Record<string, string | undefined>;

export function parseConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const read = <T>(name: string, parse: (raw: string) => T | string, fallback: T): T => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const parsed = parse(raw);
    if (typeof parsed === "string" && parsed.startsWith("!")) {
      problems.push(`${name}=${JSON.stringify(raw)}: ${parsed.slice(1)}`);
      return fallback;
    }
    return parsed as T;
  };

  const port = read("PORT", parsePort, 8080);
  const host = read("HOST", (raw) => raw, "127.0.0.1");
  const publicUrl = read("PUBLIC_URL", parseHttpUrl, "");
  const dataDir = path.resolve(read("DATA_DIR", (raw) => raw, "./data"));
  const blobDir = path.resolve(read("BLOB_DIR", (raw) => raw, path.join(dataDir, "blobs")));
  const gitBase = read("WHARF_GIT_BASE", parseGitBase, path.join(dataDir, "git"));
  const s3Bucket = read<string | undefined>("WHARF_S3_BUCKET", parseBucket, undefined);
  const s3: S3Config | undefined = s3Bucket
    ? {
        bucket: s3Bucket,
        prefix: read("WHARF_S3_PREFIX", parseKeyPrefix, ""),
        endpoint: read<string | undefined>("WHARF_S3_ENDPOINT", parseHttpUrl, undefined),
        region: read("WHARF_S3_REGION", (raw) => raw, env.AWS_REGION || "us-east-1"),
        forcePathStyle: read("WHARF_S3_FORCE_PATH_STYLE", parseBoolean, false),
      }
    : undefined;
  const databaseUrl = read<string | undefined>("DATABASE_URL", parsePostgresUrl, undefined);
  const adminToken = read<string | undefined>("WHARF_ADMIN_TOKEN", parseToken, undefined);
  const adminPassword = read<string | undefined>("WHARF_ADMIN_PASSWORD", parsePassword, undefined);
  const oidc = readOidc(env, problems);
  const logLevel = read<LogLevel>("LOG_LEVEL", parseLogLevel, "info");
  const trustProxy = read<boolean | number | string>("WHARF_TRUST_PROXY", parseTrustProxy, false);
  const graphqlIntrospection = read("GRAPHQL_INTROSPECTION", parseBoolean, true);
  const graphqlTimeoutMs = read("GRAPHQL_TIMEOUT_MS", parseMilliseconds, 10_000);
  const graphqlCompileAfter = read("GRAPHQL_COMPILE_AFTER", parseCompileAfter, 1);
  const checkResponses = read("WHARF_CHECK_RESPONSES", parseBoolean, false);
  const countSql = read("WHARF_COUNT_SQL", parseBoolean, false);
  const webConcurrency = read("WEB_CONCURRENCY", parseWorkers, 1);
  const metricsToken = read<string | undefined>("WHARF_METRICS_TOKEN", parseToken, undefined);
  const taskLeaseMs = read("WHARF_TASK_LEASE_MS", parseMilliseconds, 30_000);
  const taskPollMs = read("WHARF_TASK_POLL_MS", parseMilliseconds, 5_000);

  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  return {
    host,
    port,
    publicUrl: publicUrl.replace(/\/+$/, ""),
    dataDir,
    blobDir,
    gitBase,
    s3,
    databaseUrl,
    adminToken,
    adminPassword,
    oidc,
    logLevel,
    trustProxy,
    graphqlIntrospection,
    graphqlTimeoutMs,
    graphqlCompileAfter,
    checkResponses,
    countSql,
    webConcurrency,
    metricsToken,
    taskLeaseMs,
    taskPollMs,
  };
}

// Parsers return the value, or a message starting with "!" that explains what was expected.

function parsePort(raw: string): number | string {
  const n = Number(raw);
  return /^\d+$/.test(raw) && n <= 65535 ? n : "!expected a port number from 0 to 65535";
}

/** A parser for URLs of the given protocols. */
function urlOf(protocols: string[], expected: string): (raw: string) => string {
  return (raw) => {
    try {
      if (protocols.includes(new URL(raw).protocol)) return raw;
    } catch {
      // not a URL at all: the same message
    }
    return `!expected ${expected}`;
  };
}

const parseHttpUrl = urlOf(["http:", "https:"], "an absolute http:// or https:// URL");
const parsePostgresUrl = urlOf(["postgresql:", "postgres:"], "a postgresql://user@host:port/database URL");

/** A folder, or an http(s) URL; git's other transports (file://, ssh, git://, ext::<command>) are refused. */
function parseGitBase(raw: string): string {
  // "scheme:" or git's "transport::address", as opposed to a folder.
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(raw)) return path.resolve(raw);
  try {
    const url = new URL(raw);
    if ((url.protocol === "http:" || url.protocol === "https:") && !url.search && !url.hash) return raw.replace(/\/+$/, "");
  } catch {
    // the same message
  }
  return "!expected a folder or an http(s):// URL (without query or fragment)";
}

function parseWorkers(raw: string): number | string {
  const n = Number(raw);
  return /^\d+$/.test(raw) && n >= 1 && n <= 64 ? n : "!expected a number of workers from 1 to 64";
}

function parseCompileAfter(raw: string): number | string {
  const n = Number(raw);
  return /^\d+$/.test(raw) && n <= 1000 ? n : "!expected a number of runs from 0 to 1000";
}

function parseBucket(raw: string): string {
  return /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(raw) ? raw : "!expected an S3 bucket name (3-63 lowercase letters, digits, dots, hyphens)";
}

function parseKeyPrefix(raw: string): string {
  return /^[A-Za-z0-9!_.*'()-]+(\/[A-Za-z0-9!_.*'()-]+)*\/$/.test(raw) ? raw : '!expected a key prefix ending in "/", such as "wharf/"';
}

function parseToken(raw: string): string {
  return raw.length >= 16 ? raw : "!expected a token of at least 16 characters";
}

function parsePassword(raw: string): string {
  return raw.length >= 8 && raw.length <= 1024 ? raw : "!expected a password of 8 to 1024 characters";
}

/** The WHARF_OIDC_* variables: all three of issuer, client id and secret, or none. */
function readOidc(env: Env, problems: string[]): OidcConfig | undefined {
  const [issuer, clientId, clientSecret] = ["WHARF_OIDC_ISSUER", "WHARF_OIDC_CLIENT_ID", "WHARF_OIDC_CLIENT_SECRET"].map((name) => env[name] || undefined);
  if (!issuer && !clientId && !clientSecret) return undefined;
  if (!issuer || !clientId || !clientSecret) {
    problems.push("WHARF_OIDC_ISSUER, WHARF_OIDC_CLIENT_ID and WHARF_OIDC_CLIENT_SECRET: expected all three, or none");
    return undefined;
  }
  let url: URL | undefined;
  try {
    url = new URL(issuer);
  } catch {
    // the same message
  }
  // Plain http only to a provider on this machine (tests, trials): elsewhere its answers could be forged on the way.
  const loopback = url && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  if (!url || !(url.protocol === "https:" || (url.protocol === "http:" && loopback)) || url.search || url.hash) {
    problems.push(`WHARF_OIDC_ISSUER=${JSON.stringify(issuer)}: expected an https:// URL (http:// only on a loopback address)`);
    return undefined;
  }
  return { issuer, clientId, clientSecret, staffGroup: env.WHARF_OIDC_STAFF_GROUP || undefined, name: env.WHARF_OIDC_NAME || url.host };
}

function parseTrustProxy(raw: string): boolean | number | string {
  if (/^\d+$/.test(raw)) return Number(raw);
  const flag = parseBoolean(raw);
  if (typeof flag === "boolean") return flag;
  const named = ["loopback", "linklocal", "uniquelocal"];
  const items = raw.split(",").map((item) => item.trim());
  const valid = items.every((item) => named.includes(item) || (isIP(item.split("/")[0]) !== 0 && /^[^/]+(\/\d{1,3})?$/.test(item)));
  return valid ? items.join(",") : "!expected true, false, a number of hops, or addresses, subnets, loopback, linklocal or uniquelocal separated by commas";
}

function parseLogLevel(raw: string): LogLevel | string {
  return (LOG_LEVELS as string[]).includes(raw) ? (raw as LogLevel) : `!expected one of ${LOG_LEVELS.join(", ")}`;
}

function parseMilliseconds(raw: string): number | string {
  const n = Number(raw);
  return /^\d+$/.test(raw) && n >= 100 && n <= 3_600_000 ? n : "!expected a number of milliseconds from 100 to 3600000";
}

function parseBoolean(raw: string): boolean | string {
  if (["1", "true", "yes", "on"].includes(raw.toLowerCase())) return true;
  if (["0", "false", "no", "off"].includes(raw.toLowerCase())) return false;
  return "!expected true or false";
}
