// Who owns an Atom package.
// A repository's "owner/" is a login or a scope name (one namespace, see
// users.ts and scopes.ts); the package keeps its owner by id from then on.
import type { AtomPackage } from "../generated/prisma/client";
import type { Tx } from "../storage/database";
import type { AtomOwner } from "./policies";

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
