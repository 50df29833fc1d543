// Real git repositories for Atom publishing tests: a bare repository under a
// git base folder, filled from a work tree with tagged commits.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", args, {
    cwd,
    env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" },
    stdio: "pipe",
  });

/** Files by path in the work tree (folders made as needed). */
function writeFiles(work: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(work, name)), { recursive: true });
    fs.writeFileSync(path.join(work, name), content);
  }
}

export function makeGitBase(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "wharf-git-"));
}

/** owner/repo.git under the base, with one tagged commit per release (files as given). */
export function makeRepository(base: string, owner: string, repo: string, releases: Array<{ tag: string; files: Record<string, string> }>): void {
  const bare = path.join(base, owner, `${repo}.git`);
  fs.mkdirSync(bare, { recursive: true });
  git(bare, "init", "--bare", "-q");
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-work-"));
  git(work, "init", "-q");
  for (const { tag, files } of releases) {
    writeFiles(work, files);
    git(work, "add", "-A");
    git(work, "commit", "-q", "-m", tag);
    git(work, "tag", tag);
  }
  git(work, "push", "-q", bare, "HEAD:refs/heads/main", "--tags");
  fs.rmSync(work, { recursive: true, force: true });
}

export function atomPackageJson(name: string, version: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ name, version, description: `The ${name} package`, main: "./lib/main.js", engines: { atom: ">=1.0.0 <2.0.0" }, ...extra });
}

/** One more tagged commit on top of an existing owner/repo.git. */
export function addRelease(base: string, owner: string, repo: string, release: { tag: string; files: Record<string, string> }): void {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-work-"));
  git(work, "clone", "-q", "--branch", "main", path.join(base, owner, `${repo}.git`), ".");
  writeFiles(work, release.files);
  git(work, "add", "-A");
  git(work, "commit", "-q", "-m", release.tag);
  git(work, "tag", release.tag);
  git(work, "push", "-q", "origin", "HEAD:refs/heads/main", "--tags");
  fs.rmSync(work, { recursive: true, force: true });
}
