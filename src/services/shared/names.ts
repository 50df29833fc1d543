// jsr's rules for scope and package names: lowercase letters, digits and
// single inner hyphens; a scope 2 to 20 long, a package 2 to 58.
import { malformed } from "../../errors";

const LIMITS = { scope: 20, package: 58 } as const;
type NameKind = keyof typeof LIMITS;

/** Why a name is refused, or undefined when it is fine. */
export function nameProblem(kind: NameKind, name: string): string | undefined {
  if (name.length < 2) return `a ${kind} name must be at least 2 characters long`;
  if (name.length > LIMITS[kind]) return `a ${kind} name must be at most ${LIMITS[kind]} characters long`;
  if (!/^[a-z0-9-]+$/.test(name)) return `a ${kind} name may only contain lowercase letters, digits and hyphens`;
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name)) return `a ${kind} name may not start or end with a hyphen, or hold two in a row`;
  return undefined;
}

export function assertName(kind: NameKind, name: string): string {
  const problem = nameProblem(kind, name);
  if (problem) throw malformed(problem);
  return name;
}
