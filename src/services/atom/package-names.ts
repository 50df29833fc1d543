// Who owns an Atom package, and the names and versions that stay theirs.
// A repository's "owner/" is a login or a scope name (one namespace, see
// users.ts and scopes.ts); the package keeps its owner by id from then on.
import type { AtomPackage } from "../../generated/prisma/client";
import { WharfError } from "../../errors";
import type { Tx } from "../../storage/database";
import type { AtomOwner } from "../shared/policies";

/** The user (by login) or else the scope a repository owner's name stands for; null when neither exists. */
export async function resolveAtomOwner(db: Tx, ownerName: string): Promise<AtomOwner | null> {
  const name = ownerName.toLowerCase();
  const user = await db.user.findUnique({ where: { login: name }, select: { id: true } });
  if (user) return { userId: user.id, scope: null, name };
  const scope = await db.scope.findUnique({ where: { scope: name }, select: { scope: true } });
  return scope ? { userId: null, scope: scope.scope, name } : null;
}

export function ownerOf(pkg: Pick<AtomPackage, "owner" | "ownerUserId" | "ownerScope">): AtomOwner {
  return { userId: pkg.ownerUserId, scope: pkg.ownerScope, name: pkg.owner };
}

const sameOwner = (a: { ownerUserId: string | null; ownerScope: string | null }, b: AtomOwner) =>
  (a.ownerUserId !== null && a.ownerUserId === b.userId) || (a.ownerScope !== null && a.ownerScope === b.scope);

/**
 * Takes a name for an owner's package, in the transaction that gives it the
 * name: a name once used (today, before a rename, or by a deleted package)
 * stays with its owner. Concurrent takers of a new name: the first commit wins.
 */
export async function claimAtomName(tx: Tx, name: string, owner: AtomOwner): Promise<void> {
  await tx.atomName.createMany({ data: [{ name, ownerUserId: owner.userId, ownerScope: owner.scope }], skipDuplicates: true });
  const held = await tx.atomName.findUniqueOrThrow({ where: { name } });
  if (!sameOwner(held, owner)) {
    throw new WharfError("atomPackageExists", "A package by that name exists or existed, and the name stays with its owner.");
  }
  // The owner takes back a name they renamed away from: it no longer leads to the renamed package.
  await tx.atomRename.deleteMany({ where: { oldName: name } });
}

/** Records that name@version serves this tarball; refuses other bytes for a name@version ever published (even if since deleted). */
export async function recordAtomVersion(tx: Tx, name: string, version: string, tarball: string): Promise<void> {
  await tx.atomPublishedVersion.createMany({ data: [{ name, version, tarball }], skipDuplicates: true });
  const recorded = await tx.atomPublishedVersion.findUniqueOrThrow({ where: { name_version: { name, version } } });
  if (recorded.tarball !== tarball) {
    throw new WharfError("atomVersionExists", `${name}@${version} was published before with other contents; a version never changes. Publish a new version.`);
  }
}
