// jsr token permissions: what a token (personal or from the device flow) is
// limited to. Upstream's three shapes, from widest to narrowest:
//   {permission: "package/publish", scope}
//   {permission: "package/publish", scope, package}
//   {permission: "package/publish", scope, package, version, tarballHash}
// A token with permissions passes only the policies they name (publishing);
// a token without (null) may do anything its user may.
import semver from "semver";
import { malformed } from "../../errors";
import { nameProblem } from "./names";

export interface Permission {
  permission: "package/publish";
  scope: string;
  package?: string;
  version?: string;
  /** "sha256-<hex>" of the gzipped tarball as uploaded, as deno computes it. */
  tarballHash?: string;
}

/** Why a permission is not one of upstream's shapes, or undefined when it is one. */
function permissionProblem(p: unknown): string | undefined {
  if (typeof p !== "object" || p === null || Array.isArray(p)) return "a permission must be an object";
  const { permission, scope, package: pkg, version, tarballHash } = p as Record<string, unknown>;
  if (permission !== "package/publish") return 'the only permission is "package/publish"';
  if (typeof scope !== "string" || nameProblem("scope", scope)) return "a permission needs a valid scope";
  if (pkg !== undefined && (typeof pkg !== "string" || nameProblem("package", pkg))) return "a permission's package must be a valid package name";
  if (version === undefined && tarballHash === undefined) return undefined;
  // A version without its tarball's hash would read narrower than upstream grants it (any version of the package).
  if (pkg === undefined || typeof version !== "string" || semver.valid(version) !== version || typeof tarballHash !== "string" || !tarballHash) {
    return "a permission for a version needs its package, a semver version and the tarballHash";
  }
  return undefined;
}

/** The permission in its canonical form (only the fields of its shape). */
function canonical(p: Record<string, unknown>): Permission {
  const { scope, package: pkg, version, tarballHash } = p as unknown as Permission;
  return {
    permission: "package/publish",
    scope,
    ...(pkg !== undefined && { package: pkg }),
    ...(version !== undefined && { version, tarballHash }),
  };
}

/**
 * Checks permissions a client asks for: null (or absent) for none, else a list
 * of upstream's shapes; `exactlyOne` as upstream asks of personal tokens.
 */
export function parsePermissions(input: unknown, options: { exactlyOne?: boolean } = {}): Permission[] | null {
  if (input === null || input === undefined) return null;
  if (!Array.isArray(input)) throw malformed("permissions must be an array");
  if (options.exactlyOne && input.length !== 1) {
    throw malformed("permissions must contain exactly one element");
  }
  return input.map((p) => {
    const problem = permissionProblem(p);
    if (problem) throw malformed(problem);
    return canonical(p as Record<string, unknown>);
  });
}

/** The permissions stored on a token, as far as they are well formed: what is not can grant nothing. */
export function storedPermissions(stored: unknown): Permission[] | null {
  if (stored === null || stored === undefined) return null;
  if (!Array.isArray(stored)) return [];
  return stored.filter((p) => !permissionProblem(p)).map((p) => canonical(p as Record<string, unknown>));
}

/**
 * What the permissions allow for publishing scope/package@version: null when
 * nothing, else the tarball hashes the upload must have (null: any upload).
 */
export function publishGrant(permissions: readonly Permission[], scope: string, pkg: string, version: string): { tarballHashes: string[] | null } | null {
  const matching = permissions.filter(
    (p) => p.scope === scope && (p.package === undefined || p.package === pkg) && (p.version === undefined || p.version === version),
  );
  if (matching.length === 0) return null;
  if (matching.some((p) => p.version === undefined)) return { tarballHashes: null };
  return { tarballHashes: matching.map((p) => p.tarballHash!) };
}
