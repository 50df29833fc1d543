// Featured Atom packages and themes: Pulsar keeps a hand-made list of names;
// here staff set a flag on the package, so a rename or a delete cannot leave a
// stale name in the list.
import type { ServiceContext } from "../shared/context";
import { getAtomPackage, summarize } from "./packages";
import type { AtomPackageSummary } from "./package-listing";
import { requireStaff } from "../shared/policies";

/** Staff: puts a package in the featured list (/packages/featured, or /themes/featured for a theme) or takes it out. */
export async function featureAtomPackage(ctx: ServiceContext, requested: string, featured: boolean): Promise<AtomPackageSummary> {
  requireStaff(ctx);
  const { name } = await getAtomPackage(ctx.db, requested);
  // In SQL: featuring is not an update of the package (Prisma's update would move updated_at).
  await ctx.db.$executeRaw`
    UPDATE atom_packages SET featured_at = CASE WHEN ${featured} THEN coalesce(featured_at, now()) END WHERE name = ${name}`;
  return summarize(await getAtomPackage(ctx.db, name));
}
