// Reading Atom packages from git, without GitHub: "owner/repo" is a bare
// repository under WHARF_GIT_BASE, either a folder (<base>/owner/repo(.git))
// or an http(s) git server (<base>/owner/repo.git), which Wharf mirrors under
// DATA_DIR/git-cache/mirrors and refreshes at each publish.
//
// A repository is untrusted: whoever can write its folder writes its config,
// hooks and info/attributes, the pusher its .gitattributes, and `git archive`
// would run the filters they name. So git touches a repository in two ways
// only, both through git-command.ts (environment and overrides):
// - its tags, listed with for-each-ref in the repository itself, which runs nothing;
// - contents, by object id, through an empty repository of Wharf's own that
//   borrows the repository's object store (GIT_OBJECT_DIRECTORY): the
//   repository's config, hooks and info/attributes are never read, and a
//   filter its .gitattributes names has no driver.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { once } from "node:events";
import { PassThrough, type Readable } from "node:stream";
import { createGzip } from "node:zlib";
import type { Config } from "../../config";
import { malformed, WharfError } from "../../errors";
import { git, spawnGit } from "./git-command";
import { unstorableJson } from "../shared/storable";

const REPOSITORY = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/;
const FETCH_TIMEOUT = 5 * 60_000;
/** filesAt reads at most this many files of a folder. */
const MAX_FOLDER_FILES = 100;

export interface GitRepository {
  owner: string;
  name: string;
  /** The bare repository read: the folder under the base, or Wharf's mirror of the server's. */
  gitDir: string;
  /** On an http(s) base, the server's repository, fetched into gitDir before it is read. */
  url?: string;
  /** Wharf's own folder for git: an empty HOME, empty repositories, the mirrors. */
  cacheDir: string;
}

export function isHttpGitBase(gitBase: string): boolean {
  return /^https?:\/\//i.test(gitBase);
}

export function locateRepository(config: Pick<Config, "gitBase" | "dataDir">, repository: string): GitRepository {
  const match = REPOSITORY.exec(repository);
  if (!match || match[1].startsWith(".") || match[2].startsWith(".")) {
    throw malformed('repository must be "owner/repo"');
  }
  const [, owner, name] = match;
  const cacheDir = path.join(config.dataDir, "git-cache");
  if (isHttpGitBase(config.gitBase)) {
    const url = `${config.gitBase.replace(/\/+$/, "")}/${owner}/${name}.git`;
    return { owner, name, url, gitDir: path.join(cacheDir, "mirrors", owner, `${name}.git`), cacheDir };
  }
  const bare = path.join(config.gitBase, owner, `${name}.git`);
  return { owner, name, gitDir: fs.existsSync(bare) ? bare : path.join(config.gitBase, owner, name), cacheDir };
}

// Clone URLs of listed packages, for a few seconds: finding a folder's (bare or not) costs a stat per package
// listed. Bounded in bytes; a folder that changes its layout shows within CLONE_URL_MS.
const CLONE_URL_MS = 10_000;
const CLONE_URL_BYTES = 1 << 20;
const cloneUrls = new Map<string, { url: string; until: number }>();
let cloneUrlBytes = 0;

/** Where git clones owner/repo from: the server's URL, or the folder's file:// URL. */
export function cloneUrlOf(config: Pick<Config, "gitBase" | "dataDir">, repository: string): string {
  const key = `${config.gitBase}\0${repository}`;
  const now = Date.now();
  const known = cloneUrls.get(key);
  if (known && known.until > now) return known.url;
  const repo = locateRepository(config, repository);
  const url = repo.url ?? pathToFileURL(repo.gitDir).href;
  if (cloneUrlBytes > CLONE_URL_BYTES) {
    cloneUrls.clear();
    cloneUrlBytes = 0;
  }
  if (!known) cloneUrlBytes += 2 * (key.length + url.length);
  cloneUrls.set(key, { url, until: now + CLONE_URL_MS });
  return url;
}

export async function listTags(repo: GitRepository): Promise<string[]> {
  return [...(await tagsOf(repo)).keys()];
}

/** The package.json at a tag, parsed; a missing tag or file, or bad JSON, is the publisher's error. */
export async function packageJsonAt(repo: GitRepository, tag: string): Promise<Record<string, unknown>> {
  const object = await objectOf(repo, tag);
  let text: string;
  try {
    text = await fileAt(repo, object, "package.json");
  } catch {
    throw new WharfError("atomInvalidPackageJson", `There is no package.json at ${repo.owner}/${repo.name}@${tag}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // the same message as a non-object
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new WharfError("atomInvalidPackageJson", `The package.json at ${repo.owner}/${repo.name}@${tag} isn't valid JSON.`);
  }
  // It is stored as jsonb: what PostgreSQL cannot store is the publisher's error, not a 500.
  const problem = unstorableJson(json);
  if (problem) throw new WharfError("atomInvalidPackageJson", `The package.json at ${repo.owner}/${repo.name}@${tag} ${problem}.`);
  return json as Record<string, unknown>;
}

/** The readme at a tag, if there is one. */
export async function readmeAt(repo: GitRepository, tag: string): Promise<string> {
  const object = await objectOf(repo, tag);
  for (const name of ["README.md", "readme.md", "README"]) {
    const text = await fileAt(repo, object, name).catch(() => undefined);
    // PostgreSQL's text refuses NUL: it goes the way of the bytes that are not UTF-8, to U+FFFD.
    if (text !== undefined) return text.replaceAll("\u0000", "\uFFFD");
  }
  return "";
}

/** The commit a tag names (through an annotated tag). */
export async function commitAt(repo: GitRepository, tag: string): Promise<string> {
  const object = await objectOf(repo, tag);
  return (await git(["rev-parse", "--verify", "--quiet", `${object}^{commit}`], await borrowing(repo, object))).trim();
}

/** The files directly in a folder at a tag, with their text (none when there is no such folder). */
export async function filesAt(repo: GitRepository, tag: string, folder: string): Promise<Array<{ name: string; text: string }>> {
  const object = await objectOf(repo, tag);
  const options = await borrowing(repo, object);
  const listing = await git(["ls-tree", "-z", "--name-only", `${object}:${folder}`], options).catch(() => "");
  const names = listing.split("\0").filter(Boolean).slice(0, MAX_FOLDER_FILES);
  return Promise.all(names.map(async (name) => ({ name, text: await git(["cat-file", "blob", `${object}:${folder}/${name}`], options).catch(() => "") })));
}

/**
 * The tag as an npm-style gzipped tarball (files under package/), as apm installs it. git writes a plain tar
 * and node gzips it, so no tar.<format>.command is ever consulted. The tree's export-ignore and export-subst
 * attributes still apply, as in GitHub's tarballs; its filters have no driver.
 */
export function archiveAt(repo: GitRepository, tag: string): Readable {
  const out = new PassThrough();
  (async () => {
    const object = await objectOf(repo, tag);
    const child = spawnGit(["archive", "--format=tar", "--prefix=package/", object], await borrowing(repo, object));
    const gzip = child.stdout.pipe(createGzip());
    // A reader that gives up (e.g. a blob too large) stops git, and what is left drains.
    out.once("close", () => {
      if (child.exitCode === null) child.kill("SIGKILL");
      gzip.resume();
    });
    gzip.pipe(out, { end: false });
    // The tarball ends only once git has said it is whole.
    const [[code]] = await Promise.all([once(child, "close"), once(gzip, "end")]);
    if (code !== 0) throw new WharfError("atomRepositoryInaccessible");
    out.end();
  })().catch((err) => out.destroy(err instanceof WharfError ? err : new WharfError("atomRepositoryInaccessible")));
  return out;
}

// Tags are read once per GitRepository (one per publish), so package.json, readme and tarball come from one commit.
const tagLists = new WeakMap<GitRepository, Promise<Map<string, string>>>();

function tagsOf(repo: GitRepository): Promise<Map<string, string>> {
  let tags = tagLists.get(repo);
  if (!tags) {
    tags = readTags(repo).catch(() => {
      throw new WharfError("atomRepositoryInaccessible");
    });
    tagLists.set(repo, tags);
  }
  return tags;
}

async function readTags(repo: GitRepository): Promise<Map<string, string>> {
  const home = await homeOf(repo.cacheDir);
  if (repo.url) await refreshMirror(repo, home);
  const listing = await git(["--git-dir", repo.gitDir, "for-each-ref", "--format=%(objectname) %(refname:strip=2)", "refs/tags/"], { home });
  // Ref names hold no spaces or newlines.
  return new Map(listing.split("\n").filter(Boolean).map((line) => [line.slice(line.indexOf(" ") + 1), line.slice(0, line.indexOf(" "))]));
}

async function objectOf(repo: GitRepository, tag: string): Promise<string> {
  const object = (await tagsOf(repo)).get(tag);
  if (!object) throw new WharfError("atomTagNotFound", `Git tag not found: ${tag}.`);
  return object;
}

async function fileAt(repo: GitRepository, object: string, file: string): Promise<string> {
  return git(["cat-file", "blob", `${object}:${file}`], await borrowing(repo, object));
}

/** git's options to read the repository's objects from an empty repository of Wharf's own (of the same hash). */
async function borrowing(repo: GitRepository, object: string) {
  const home = await homeOf(repo.cacheDir);
  const format = object.length === 64 ? "sha256" : "sha1";
  const empty = await memo(path.join(repo.cacheDir, `empty-${format}.git`), async (dir) => {
    if (!fs.existsSync(path.join(dir, "HEAD"))) await git(["init", "--bare", "--quiet", "--template=", `--object-format=${format}`, dir], { home });
  });
  return { home, env: { GIT_DIR: empty, GIT_OBJECT_DIRECTORY: path.resolve(repo.gitDir, "objects") } };
}

function homeOf(cacheDir: string): Promise<string> {
  return memo(path.join(cacheDir, "home"), async (dir) => {
    await fs.promises.mkdir(cacheDir, { recursive: true });
    await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
  });
}

/** Makes a folder of Wharf's once per process; resolves to its path. */
const made = new Map<string, Promise<string>>();
function memo(dir: string, make: (dir: string) => Promise<unknown>): Promise<string> {
  let done = made.get(dir);
  if (!done) {
    done = make(dir).then(() => dir);
    done.catch(() => made.delete(dir));
    made.set(dir, done);
  }
  return done;
}

// One fetch at a time into a mirror: concurrent publishes from one repository take turns.
const refreshing = new Map<string, Promise<void>>();

async function refreshMirror(repo: GitRepository, home: string): Promise<void> {
  const previous = refreshing.get(repo.gitDir) ?? Promise.resolve();
  const mine = previous.then(
    () => fetchInto(repo, home),
    () => fetchInto(repo, home),
  );
  refreshing.set(repo.gitDir, mine);
  try {
    await mine;
  } finally {
    if (refreshing.get(repo.gitDir) === mine) refreshing.delete(repo.gitDir);
  }
}

/** The server's tags (and what they need) into the mirror; tags gone from the server go from the mirror. */
async function fetchInto(repo: GitRepository, home: string): Promise<void> {
  const fresh = !fs.existsSync(path.join(repo.gitDir, "HEAD"));
  if (fresh) {
    await fs.promises.mkdir(path.dirname(repo.gitDir), { recursive: true });
    await git(["init", "--bare", "--quiet", "--template=", repo.gitDir], { home });
  }
  try {
    await git(
      ["--git-dir", repo.gitDir, "fetch", "--quiet", "--prune", "--no-tags", "--no-write-fetch-head", "--no-recurse-submodules", repo.url!, "+refs/tags/*:refs/tags/*"],
      { home, timeout: FETCH_TIMEOUT },
    );
  } catch (err) {
    // No empty mirror is left behind for a repository the server does not have.
    if (fresh) await fs.promises.rm(repo.gitDir, { recursive: true, force: true });
    throw err;
  }
}
