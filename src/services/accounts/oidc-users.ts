// The Wharf user behind a provider's account: found by issuer and subject (never by name or email, which
// people change and providers reuse), or made at the first sign-in with a login from preferred_username,
// made unique among users and scopes (logins and scope names are one namespace).
import { credentialsChanged } from "./credential-events";
import type { User } from "../../generated/prisma/client";
import { WharfError } from "../../errors";
import type { Db, Tx } from "../../storage/database";
import { isUniqueViolation } from "../../storage/pg-errors";
import { lockOwnerName } from "../../storage/queries/locks";
import type { ProviderProfile } from "./oidc";
import { startSession } from "./sessions";
import type { SignedIn } from "./sign-in";

const MAX_LOGIN_LENGTH = 39;

/** A login from what the provider calls the person: lowercase letters, digits and single inner hyphens. */
export function loginBase(profile: Pick<ProviderProfile, "preferredUsername" | "email">): string {
  const wanted = profile.preferredUsername ?? profile.email?.split("@")[0] ?? "";
  const base = wanted
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    // Room for a "-<n>" suffix.
    .slice(0, MAX_LOGIN_LENGTH - 5)
    .replace(/-+$/, "");
  return base || "user";
}

/** Whether a login is free: no user has it and no scope is named so. The caller holds the name's lock. */
async function isFree(tx: Tx, login: string): Promise<boolean> {
  return !(await tx.user.findUnique({ where: { login }, select: { id: true } })) && !(await tx.scope.findUnique({ where: { scope: login }, select: { scope: true } }));
}

async function createFromProfile(db: Db, profile: ProviderProfile, isStaff: boolean): Promise<User> {
  const base = loginBase(profile);
  return db.$transaction(async (tx) => {
    for (let n = 1; ; n++) {
      const login = n === 1 ? base : `${base}-${n}`;
      // Held until commit, as users and scopes are made: of two names taken at once, only one wins.
      await lockOwnerName(tx, login);
      if (!(await isFree(tx, login))) continue;
      const user = await tx.user.create({
        data: { login, name: profile.name ?? login, email: profile.email ?? null, isStaff },
      });
      await tx.userIdentity.create({ data: { userId: user.id, issuer: profile.issuer, subject: profile.subject } });
      return user;
    }
  });
}

/**
 * Signs in the person the provider vouched for, making their user at the first sign-in. With a staff group
 * configured, the provider decides staff at every sign-in (in the group or not); without one, Wharf does.
 */
export async function signInWithProvider(db: Db, profile: ProviderProfile, staffGroup?: string): Promise<SignedIn> {
  const inStaffGroup = staffGroup !== undefined && profile.groups.includes(staffGroup);
  const find = () => db.userIdentity.findUnique({ where: { issuer_subject: { issuer: profile.issuer, subject: profile.subject } }, include: { user: true } });
  let user = (await find())?.user;
  if (!user) {
    try {
      user = await createFromProfile(db, profile, inStaffGroup);
    } catch (err) {
      // The same person's first sign-in in two tabs at once: the other one made the user.
      if (!isUniqueViolation(err)) throw err;
      user = (await find())?.user;
      if (!user) throw err;
    }
  } else if (staffGroup !== undefined && user.isStaff !== inStaffGroup) {
    user = await db.user.update({ where: { id: user.id }, data: { isStaff: inStaffGroup } });
    credentialsChanged();
  }
  if (user.isBlocked) throw new WharfError("blocked");
  return { user, session: await startSession(db, user.id) };
}
