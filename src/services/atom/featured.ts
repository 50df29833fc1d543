// Featured Atom packages and themes: Pulsar keeps a hand-made list of names;
// here staff set a flag on the package, so a rename or a delete cannot leave a
// stale name in the list.
import type { ServiceContext } from "../shared/context";
import { getAtomPackage, summarize } from "./packages";
import type { AtomPackageSummary } from "../../storage/queries/atom-package-summary";
import { requireStaff } from "../shared/policies";
import { atomPackagesChanged } from "./package-events";
import { setAtomPackageFeatured } from "../../storage/queries/atom-featured";
import { featuredAtomPackages } from "../../storage/queries/atom-package-pages";

/** The packages staff featured, by name: the themes, or the others. Pulsar does not page them. */
export function readFeaturedAtomPackages(ctx: Pick<ServiceContext, "sql">, themes: boolean): Promise<AtomPackageSummary[]> {
  return featuredAtomPackages(ctx.sql, themes);
}

/** Staff: puts a package in the featured list (/packages/featured, or /themes/featured for a theme) or takes it out. */
export async function featureAtomPackage(ctx: ServiceContext, requested: string, featured: boolean): Promise<AtomPackageSummary> {
  requireStaff(ctx);
  const { name } = await getAtomPackage(ctx.db, requested);
  await setAtomPackageFeatured(ctx.db, name, featured);
  atomPackagesChanged([name]);
  return summarize(await getAtomPackage(ctx.db, name));
}
