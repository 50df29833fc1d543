// jsr's rules for the paths of files in a package (crates/jsr_types ids.rs):
// portable to every OS and every tarball format.
const WINDOWS_RESERVED = new Set(["con", "prn", "aux", "nul", ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [`com${n}`, `lpt${n}`])]);
const VALID_CHAR = /^[A-Za-z0-9$()+\-.@[\]_{}~]$/;

/** Why a path (like "/mod.ts") is refused, or undefined when it is fine. */
export function packagePathProblem(path: string): string | undefined {
  if (path.length > 155) return `the path is ${path.length} characters long; at most 155 are allowed`;
  if (!path.startsWith("/")) return "the path must start with /";
  const components = path.slice(1).split("/");
  for (const [i, component] of components.entries()) {
    if (component === "") return i === components.length - 1 ? "the path ends with /" : "the path has an empty component";
    if (component === "." || component === "..") return "the path has a . or .. component";
    const bad = [...component].find((c) => !VALID_CHAR.test(c));
    if (bad !== undefined) return `the path contains the character ${JSON.stringify(bad)}, which is not allowed`;
    if (component.endsWith(".")) return `the component ${JSON.stringify(component)} ends with a dot`;
    const base = component.includes(".") ? component.slice(0, component.lastIndexOf(".")) : component;
    if (WINDOWS_RESERVED.has(base.toLowerCase())) return `${JSON.stringify(component)} is a name reserved on Windows`;
    if (i === 0 && component.toLowerCase() === "_dist") return "the top-level folder _dist is reserved";
  }
  const last = components.at(-1)!;
  if (last.length > 95) return `the file name is ${last.length} characters long; at most 95 are allowed`;
  return undefined;
}
