// Atom packages for tests: a user with a git repository of releases, and apm's way of presenting a token.
import { atomPackageJson, makeRepository } from "./git";
import { uniqueName, type TestUser, type World } from "./world";

/** apm sends the raw token, not a Bearer one. */
export const atomAs = (user: TestUser) => ({ authorization: user.token });

export interface Publisher {
  user: TestUser;
  name: string;
  /** owner/repo under the git base. */
  repo: string;
}

/** Makes publishers: each a new user with a repository holding releases 1.0.0 and 1.1.0 (the latter for Atom >=1.50.0) of a package. */
export function publishers(world: World, gitBase: string) {
  return async (name = uniqueName("atom")): Promise<Publisher> => {
    const user = await world.user("ppm");
    makeRepository(gitBase, user.login, name, [
      { tag: "v1.0.0", files: { "package.json": atomPackageJson(name, "1.0.0"), "README.md": `# ${name}\n` } },
      { tag: "v1.1.0", files: { "package.json": atomPackageJson(name, "1.1.0", { engines: { atom: ">=1.50.0" } }) } },
    ]);
    return { user, name, repo: `${user.login}/${name}` };
  };
}
