// Reading Atom packages from git, without GitHub: "owner/repo" is a
// repository under WHARF_GIT_BASE (a folder of bare repositories, or an
// http(s) git server). Only the git CLI is used, never a shell.
import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type { Readable } from "node:stream";
import { WharfError } from "../errors";
import { unstorableJson } from "./storable";

const run = promisify(execFile);
const REPOSITORY = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/;

export interface GitRepository {
  owner: string;
  name: string;
  location: string;
}

export function locateRepository(gitBase: string, repository: string): GitRepository {
  const match = REPOSITORY.exec(repository);
  if (!match || match[1].startsWith(".") || match[2].startsWith(".")) {
    throw new WharfError("malformedRequest", 'Malformed request: repository must be "owner/repo".');
  }
  const [, owner, name] = match;
  if (/^https?:\/\//.test(gitBase)) return { owner, name, location: `${gitBase.replace(/\/+$/, "")}/${owner}/${name}.git` };
  const bare = path.join(gitBase, owner, `${name}.git`);
  return { owner, name, location: fs.existsSync(bare) ? bare : path.join(gitBase, owner, name) };
}

async function git(repo: GitRepository, args: string[]): Promise<string> {
  try {
    const { stdout } = await run("git", ["--git-dir", repo.location, ...args], { maxBuffer: 4 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: "0" } });
    return stdout;
  } catch {
    throw new WharfError("atomRepositoryInaccessible");
  }
}

export async function listTags(repo: GitRepository): Promise<string[]> {
  return (await git(repo, ["tag", "--list"])).split("\n").filter(Boolean);
}

/** The package.json at a tag, parsed; a missing tag or file, or bad JSON, is the publisher's error. */
export async function packageJsonAt(repo: GitRepository, tag: string): Promise<Record<string, unknown>> {
  if (!(await listTags(repo)).includes(tag)) throw new WharfError("atomTagNotFound", `Git tag not found: ${tag}.`);
  let text: string;
  try {
    text = await git(repo, ["show", `refs/tags/${tag}:package.json`]);
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
  for (const name of ["README.md", "readme.md", "README"]) {
    const text = await git(repo, ["show", `refs/tags/${tag}:${name}`]).catch(() => undefined);
    // PostgreSQL's text refuses NUL: it goes the way of the bytes that are not UTF-8, to U+FFFD.
    if (text !== undefined) return text.replaceAll("\u0000", "\uFFFD");
  }
  return "";
}

/** The tag as an npm-style gzipped tarball (files under package/), as apm installs it. */
export function archiveAt(repo: GitRepository, tag: string): Readable {
  const child = spawn("git", ["--git-dir", repo.location, "archive", "--format=tar.gz", "--prefix=package/", `refs/tags/${tag}`], {
    stdio: ["ignore", "pipe", "ignore"],
  });
  child.once("exit", (code) => {
    if (code !== 0) child.stdout.destroy(new WharfError("atomRepositoryInaccessible"));
  });
  return child.stdout;
}
