// Packages of either ecosystem as GraphQL nodes: loaded through the
// request's DataLoaders, so a list costs one statement per ecosystem.
import { searchAtomPackages } from "../../services/atom-package-listing";
import type { ServiceContext } from "../../services/context";
import type { PackageRef } from "../../services/package-directory";
import { listJsrPackages, type PageRequest } from "../../services/package-listing";
import { atomPackageNode } from "../types/atom-package";
import { Ecosystem, jsrPackageNode, type PackageInterface } from "../types/package";

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

/** Each ecosystem's search, ranked as its REST face ranks; without an ecosystem, the two rankings interleaved. */
export async function searchPackages(
  ctx: ServiceContext,
  query: string,
  ecosystem: Ecosystem | undefined,
  window: PageRequest,
): Promise<{ items: PackageInterface[]; total: number }> {
  // What each ecosystem must supply: the window itself, or with both, everything up to its end.
  const reach = ecosystem ? window : { offset: 0, limit: window.offset + window.limit };
  const [atom, jsr] = await Promise.all([
    ecosystem === Ecosystem.JSR ? undefined : searchAtomPackages(ctx.sql, query, { ...reach, direction: "desc" }),
    ecosystem === Ecosystem.ATOM ? undefined : listJsrPackages(ctx, { query }, { field: "updatedAt", direction: "desc" }, reach),
  ]);
  const atomNodes = atom?.items.map(atomPackageNode) ?? [];
  const jsrNodes = jsr?.items.map(jsrPackageNode) ?? [];
  const total = (atom?.total ?? 0) + (jsr?.total ?? 0);
  if (ecosystem) return { items: [...atomNodes, ...jsrNodes], total };
  const interleaved: PackageInterface[] = [];
  for (let i = 0; i < Math.max(atomNodes.length, jsrNodes.length); i++) {
    if (atomNodes[i]) interleaved.push(atomNodes[i]);
    if (jsrNodes[i]) interleaved.push(jsrNodes[i]);
  }
  return { items: interleaved.slice(window.offset, window.offset + window.limit), total };
}
