// Which files are modules, and the package a specifier depends on. What a module imports is read by TypeScript's
// scanner, in publishing's worker thread (typescript-worker.ts).
const MODULE_EXTENSIONS = /\.(?:[cm]?[jt]sx?|d\.[cm]?ts)$/;

export function isModule(path: string): boolean {
  return MODULE_EXTENSIONS.test(path);
}

export interface Dependency {
  kind: "jsr" | "npm";
  /** "@scope/name" (jsr) or the npm package name. */
  name: string;
  constraint: string;
  /** The subpath imported, "" for the package itself. */
  path: string;
}

// jsr:@scope/name@constraint/sub/path and npm:name@constraint/sub/path (npm names may be @scoped).
const JSR_SPECIFIER = /^jsr:\/?(@[a-z0-9-]+\/[a-z0-9-]+)(?:@([^/]+))?(\/.*)?$/;
const NPM_SPECIFIER = /^npm:\/?((?:@[^/@]+\/)?[^/@]+)(?:@([^/]+))?(\/.*)?$/;

/** The package dependency a specifier names, if it names one. */
export function dependencyOf(specifier: string): Dependency | undefined {
  for (const [kind, pattern] of [["jsr", JSR_SPECIFIER], ["npm", NPM_SPECIFIER]] as const) {
    const match = pattern.exec(specifier);
    if (match) return { kind, name: match[1], constraint: match[2] ?? "*", path: match[3] ?? "" };
  }
  return undefined;
}
