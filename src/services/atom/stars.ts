// Stars on Atom packages.
import type { User } from "../../generated/prisma/client";
import type { Tx } from "../../storage/database";
import type { ServiceContext } from "../shared/context";
import { getAtomPackage, summarize, withDetail } from "./packages";
import type { AtomPackageSummary } from "../../storage/queries/atom-package-summary";
import { requireUser } from "../shared/policies";
import { isForeignKeyViolation } from "../../storage/pg-errors";
import { WharfError } from "../../errors";
import { atomPackagesChanged } from "./package-events";
import { readsChanged, readTag } from "../shared/kept-reads";
import { normalizeLogin } from "../accounts/users";

export async function starAtomPackage(ctx: ServiceContext, requested: string): Promise<AtomPackageSummary> {
  const user = requireUser(ctx);
  const { name } = await getAtomPackage(ctx.db, requested);
  // INSERT ... ON CONFLICT DO NOTHING: starring twice at once is one star, never a unique violation (Prisma's upsert reads, then inserts).
  try {
    await ctx.db.atomStar.createMany({ data: [{ userId: user.id, name }], skipDuplicates: true });
    atomPackagesChanged([name]);
    readsChanged([readTag.atomStarsOf(normalizeLogin(user.login))]);
  } catch (err) {
    // The package was deleted meanwhile.
    if (isForeignKeyViolation(err)) throw new WharfError("atomPackageNotFound");
    throw err;
  }
  return summarize(await getAtomPackage(ctx.db, name));
}

export async function unstarAtomPackage(ctx: ServiceContext, requested: string): Promise<void> {
  const user = requireUser(ctx);
  const { name } = await getAtomPackage(ctx.db, requested);
  await ctx.db.atomStar.deleteMany({ where: { userId: user.id, name } });
  atomPackagesChanged([name]);
  readsChanged([readTag.atomStarsOf(normalizeLogin(user.login))]);
}

export async function stargazers(db: Tx, requested: string): Promise<User[]> {
  const { name } = await getAtomPackage(db, requested);
  const stars = await db.atomStar.findMany({ where: { name }, include: { user: true }, orderBy: { createdAt: "asc" } });
  return stars.map((s) => s.user);
}

export async function starredBy(db: Tx, userId: string): Promise<AtomPackageSummary[]> {
  const stars = await db.atomStar.findMany({
    where: { userId },
    include: { package: { include: withDetail } },
    orderBy: { createdAt: "desc" },
  });
  return stars.map((s) => summarize(s.package));
}
