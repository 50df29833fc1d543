// Publishing Atom packages from repositories Wharf does not trust. Whoever can
// write a bare repository's folder controls its config, hooks and
// info/attributes, and the pusher controls its .gitattributes: a publish must
// run none of the programs they name, still publish the files as committed,
// and git must never see Wharf's secrets.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { atomAs } from "./support/atom";
import { atomPackageJson, makeGitBase, makeRepository } from "./support/git";
import { tarballFiles } from "./support/tarball";
import { uniqueName, useWharf } from "./support/world";

const gitBase = makeGitBase();
// The trap program, the marks it leaves, and a `git` first on Wharf's PATH that records each git's environment.
const traps = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-traps-"));
const marks = path.join(traps, "marks");
const envs = path.join(traps, "envs");
const bin = path.join(traps, "bin");
for (const dir of [marks, envs, bin, path.join(traps, "hooks")]) fs.mkdirSync(dir);
const TRAP = path.join(traps, "trap.sh");
script(TRAP, `{ echo "$0 $*"; env; } > "${marks}/$$-$(date +%s%N)"\necho TRAPPED\n`);
const realGit = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
script(path.join(bin, "git"), `env -0 > "${envs}/$$-$(date +%s%N)"\nexec "${realGit}" "$@"\n`);

const world = useWharf({ WHARF_GIT_BASE: gitBase, PATH: `${bin}${path.delimiter}${process.env.PATH}` });
afterAll(() => {
  for (const dir of [gitBase, traps]) fs.rmSync(dir, { recursive: true, force: true });
});

function script(file: string, body: string): void {
  fs.writeFileSync(file, `#!/bin/sh\n${body}`, { mode: 0o755 });
}

const HOOKS = ["pre-commit", "post-checkout", "post-merge", "reference-transaction", "pre-auto-gc", "post-rewrite", "pre-push", "post-update", "pre-receive", "update", "post-receive", "push-to-checkout", "fsmonitor-watchman"];

/** Every way we know for a repository's own files to name a program git would run, each pointing at the trap. */
function boobyTrap(bare: string): void {
  const set = (key: string, value: string) => execFileSync(realGit, ["config", "--file", path.join(bare, "config"), "--add", key, value]);
  const trap = (what: string) => `${TRAP} ${what}`;
  for (const hook of HOOKS) {
    script(path.join(bare, "hooks", hook), `exec ${trap(hook)}`);
    script(path.join(traps, "hooks", hook), `exec ${trap(`hooksPath-${hook}`)}`);
  }
  set("core.hooksPath", path.join(traps, "hooks"));
  set("core.fsmonitor", trap("fsmonitor"));
  set("core.pager", trap("pager"));
  for (const command of ["tag", "show", "cat-file", "for-each-ref", "archive", "log"]) set(`pager.${command}`, trap(`pager-${command}`));
  set("core.askPass", trap("askpass"));
  set("credential.helper", `!${trap("credential")}`);
  set("core.sshCommand", trap("ssh"));
  set("core.gitProxy", trap("git-proxy"));
  set("core.alternateRefsCommand", trap("alternate-refs"));
  set("core.editor", trap("editor"));
  set("diff.external", trap("diff-external"));
  set("diff.trap.textconv", trap("textconv"));
  set("filter.trap.smudge", trap("smudge"));
  set("filter.trap.clean", trap("clean"));
  set("filter.trap.process", trap("filter-process"));
  set("filter.info.smudge", trap("info-attributes-smudge"));
  set("tar.tar.gz.command", trap("tar-gz"));
  set("tar.tgz.command", trap("tgz"));
  set("uploadpack.packObjectsHook", trap("pack-objects-hook"));
  set("log.showSignature", "true");
  set("gpg.program", trap("gpg"));
  // A config include: what it names is as much the repository's as its own config.
  const included = path.join(traps, `included-${path.basename(bare)}.config`);
  fs.writeFileSync(included, `[filter "included"]\n\tsmudge = ${trap("included-smudge")}\n`);
  set("include.path", included);
  // info/attributes outranks the tree's .gitattributes, and names a driver no `-c` could guess.
  fs.mkdirSync(path.join(bare, "info"), { recursive: true });
  fs.writeFileSync(path.join(bare, "info", "attributes"), "*.js filter=info\n");
}

/** What the traps left: the first line of each mark (which trap fired), for a readable failure. */
const fired = () => fs.readdirSync(marks).map((mark) => fs.readFileSync(path.join(marks, mark), "utf8").split("\n")[0]);

it("publishes from a booby-trapped repository without running any of its programs", async () => {
  const user = await world.user("trap");
  const name = uniqueName("trapped");
  const files = (version: string) => ({
    "package.json": atomPackageJson(name, version),
    "README.md": `# ${name}\n`,
    "main.js": "module.exports = {};\n",
    "secret.txt": "left out of the tarball\n",
    ".gitattributes": "package.json filter=trap diff=trap\nREADME.md filter=included\nsecret.txt export-ignore\n",
  });
  makeRepository(gitBase, user.login, name, [
    { tag: "v1.0.0", files: files("1.0.0") },
    { tag: "v1.1.0", files: files("1.1.0") },
  ]);
  boobyTrap(path.join(gitBase, user.login, `${name}.git`));

  const created = await world.anonymous.post(`/atom/api/packages?repository=${user.login}/${name}`, { headers: atomAs(user) });
  expect([created.status, created.body.releases]).toEqual([201, { latest: "1.1.0" }]);
  const added = await world.anonymous.post(`/atom/api/packages/${name}/versions?tag=v1.0.0`, { headers: atomAs(user) });
  expect(added.status).toBe(201);
  expect(fired()).toEqual([]);

  // The files as committed: no filter touched them, and the tree's own export-ignore still applies.
  const shown = await world.anonymous.get(`/atom/api/packages/${name}`);
  expect(shown.body.readme).toBe(`# ${name}\n`);
  const download = await fetch(`${world.server.url}/atom/api/packages/${name}/versions/1.1.0/tarball`);
  const tarball = tarballFiles(Buffer.from(await download.arrayBuffer()));
  expect(Object.fromEntries(tarball)).toEqual({
    "package/package.json": atomPackageJson(name, "1.1.0"),
    "package/README.md": `# ${name}\n`,
    "package/main.js": "module.exports = {};\n",
    "package/.gitattributes": files("1.1.0")[".gitattributes"],
  });
});

it("runs git with none of Wharf's environment, and without system or global config", async () => {
  const user = await world.user("env");
  const name = uniqueName("envs");
  makeRepository(gitBase, user.login, name, [{ tag: "v1.0.0", files: { "package.json": atomPackageJson(name, "1.0.0") } }]);
  for (const dump of fs.readdirSync(envs)) fs.rmSync(path.join(envs, dump));
  expect((await world.anonymous.post(`/atom/api/packages?repository=${user.login}/${name}`, { headers: atomAs(user) })).status).toBe(201);

  const dumps = fs.readdirSync(envs).map((dump) => fs.readFileSync(path.join(envs, dump), "utf8"));
  expect(dumps.length).toBeGreaterThan(0);
  for (const dump of dumps) {
    expect(dump).not.toContain(world.server.adminToken);
    const variables = Object.fromEntries(
      dump
        .split("\0")
        .filter(Boolean)
        .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
    );
    // Only what git needs: PATH, a HOME of its own, git's own settings (and the shell's PWD, SHLVL, _).
    const unexpected = Object.keys(variables).filter(
      (key) => !/^(PATH|HOME|XDG_CONFIG_HOME|LC_ALL|PWD|OLDPWD|SHLVL|_|GIT_[A-Z_]+|SSL_CERT_(FILE|DIR)|(https?|no|all)_proxy|(HTTPS?|NO|ALL)_PROXY)$/.test(key),
    );
    expect(unexpected).toEqual([]);
    expect(variables).toMatchObject({ GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", GIT_TERMINAL_PROMPT: "0" });
    expect(variables.HOME).not.toBe(os.homedir());
  }
});
