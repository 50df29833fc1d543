// Running git on repositories Wharf does not trust. A repository's config can
// name programs for git to run (filters, tar.<format>.command, fsmonitor,
// hooks, pagers, credential helpers...), and what git runs inherits git's
// environment. So git runs here:
// - with an environment of its own: PATH, an empty HOME, git's settings, and
//   the proxy and CA variables an http(s) base may need; none of Wharf's
//   (WHARF_ADMIN_TOKEN, DATABASE_URL, DATA_DIR...);
// - without system or global config;
// - with `-c` overrides, which outrank a repository's own config, for each
//   program-naming key with a fixed name;
// - over http(s) only (GIT_ALLOW_PROTOCOL), so ext::, file://, ssh and the
//   commands they run (core.sshCommand, core.gitProxy, remote.*.uploadpack)
//   are out of reach; and never following a redirect, to another host or not.
// Keys named by the repository (filter.<driver>.*, diff.<driver>.textconv)
// cannot be overridden: git-repository.ts reads contents without letting git
// see the repository's config or attributes at all.
import { execFile, spawn, type ChildProcessByStdio } from "node:child_process";
import type { Readable } from "node:stream";
import { promisify } from "node:util";

const run = promisify(execFile);

const OVERRIDES = [
  "core.fsmonitor=false",
  "core.hooksPath=/dev/null",
  "core.askPass=",
  "credential.helper=",
  "core.alternateRefsCommand=",
  "diff.external=",
  "log.showSignature=false",
  // Whose repository it is does not matter: none is trusted (and each is named explicitly, never discovered).
  "safe.directory=*",
  "http.followRedirects=false",
  // Give up on a server that stalls (under 1 KiB/s for a minute) rather than hold a request forever.
  "http.lowSpeedLimit=1024",
  "http.lowSpeedTime=60",
  // No background gc or maintenance in Wharf's mirrors.
  "gc.auto=0",
  "maintenance.auto=false",
].flatMap((setting) => ["-c", setting]);

/** The variables git may have from Wharf's environment: none of them a secret of Wharf's. */
const PASSED_ON = [
  "PATH",
  "http_proxy",
  "https_proxy",
  "no_proxy",
  "all_proxy",
  "HTTP_PROXY",
  "HTTPS_PROXY",
  "NO_PROXY",
  "ALL_PROXY",
  "SSL_CERT_FILE",
  "SSL_CERT_DIR",
  "GIT_SSL_CAINFO",
  "GIT_SSL_CAPATH",
];

function environment(home: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of PASSED_ON) if (process.env[name] !== undefined) env[name] = process.env[name];
  return {
    PATH: "/usr/local/bin:/usr/bin:/bin",
    ...env,
    // An empty HOME: no ~/.gitconfig, ~/.config/git/attributes or ~/.netrc.
    HOME: home,
    XDG_CONFIG_HOME: home,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_ATTR_NOSYSTEM: "1",
    GIT_TERMINAL_PROMPT: "0",
    // Set and empty, GIT_ASKPASS also stops git from falling back to core.askPass and SSH_ASKPASS.
    GIT_ASKPASS: "",
    GIT_PAGER: "cat",
    GIT_ALLOW_PROTOCOL: "http:https",
    GIT_PROTOCOL_FROM_USER: "0",
    GIT_NO_REPLACE_OBJECTS: "1",
    LC_ALL: "C",
    ...extra,
  };
}

export interface GitOptions {
  /** An empty folder of Wharf's own, git's HOME. */
  home: string;
  /** More variables, e.g. GIT_OBJECT_DIRECTORY. */
  env?: Record<string, string>;
  /** Milliseconds before git is killed. */
  timeout?: number;
}

/** git's stdout; rejects when git fails (or runs past the timeout). */
export async function git(args: string[], options: GitOptions): Promise<string> {
  const { stdout } = await run("git", ["--no-pager", ...OVERRIDES, ...args], {
    env: environment(options.home, options.env ?? {}),
    maxBuffer: 4 * 1024 * 1024,
    timeout: options.timeout ?? 60_000,
    killSignal: "SIGKILL",
  });
  return stdout;
}

/** git as a child process whose stdout the caller streams. */
export function spawnGit(args: string[], options: GitOptions): ChildProcessByStdio<null, Readable, null> {
  return spawn("git", ["--no-pager", ...OVERRIDES, ...args], {
    env: environment(options.home, options.env ?? {}),
    stdio: ["ignore", "pipe", "ignore"],
  });
}
