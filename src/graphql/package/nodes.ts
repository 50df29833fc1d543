// Packages of either ecosystem as GraphQL nodes; lists are loaded through
// the request's DataLoaders, so a list costs one statement per ecosystem.
import type { ServiceContext } from "../../services/shared/context";
import type { PackageRef } from "../../storage/queries/package-directory";
import type { FoundPackage } from "../../services/catalog/package-search";
import { atomPackageNode } from "../atom-package/type";
import { jsrPackageNode } from "../jsr-package/type";
import type { PackageInterface } from "./type";

export async function loadPackageNodes(ctx: ServiceContext, refs: PackageRef[]): Promise<PackageInterface[]> {
  const nodes = await Promise.all(
    refs.map(async (ref): Promise<PackageInterface | undefined> => {
      if (ref.ecosystem === "atom") {
        const pkg = await ctx.loaders.atomPackageByName.load(ref.name);
        return pkg && atomPackageNode(pkg);
      }
      const pkg = await ctx.loaders.jsrPackageByName.load(`${ref.scope}/${ref.name}`);
      return pkg && jsrPackageNode(pkg);
    }),
  );
  // A package deleted between the two reads is left out.
  return nodes.flatMap((node) => (node ? [node] : []));
}

/** A search result as its GraphQL node. */
export function foundPackageNode(found: FoundPackage): PackageInterface {
  return found.ecosystem === "atom" ? atomPackageNode(found.package) : jsrPackageNode(found.package);
}
