// A page of packages loads what its nodes' selected fields will read before it returns them, through the same
// loaders and so in the same statements (one per kind of thing): each node's fields are then answered at once
// (NotingLoader.loadNow) rather than each with a promise, which graphql-js waits for node by node. Only what the query
// selects is loaded.
import type { GraphQLResolveInfo } from "graphql";
import { parseResolveInfo, type ResolveTree } from "graphql-parse-resolve-info";
import type { Package } from "../../generated/prisma/client";
import type { AtomPackageSummary } from "../../storage/queries/atom-package-summary";
import { viewerOf } from "../../services/shared/policies";
import { atomVersionKey } from "../../services/shared/loaders";
import type { GraphQLContext } from "../infra/context";
import { ATOM_VERSION_ROW_FIELDS } from "../atom-package/version.resolver";

/** The selections of `field` (under any alias) on `typeName` in these selections. */
function selected(trees: ResolveTree[], typeName: string, field: string): ResolveTree[] {
  return trees.flatMap((tree) => Object.values(tree.fieldsByTypeName[typeName] ?? {}).filter((sub) => sub.name === field));
}

/** A PackageConnection's nodes as the query selects them, through nodes or edges { node }. */
function nodesOf(info: GraphQLResolveInfo): ResolveTree[] {
  const connection = parseResolveInfo(info) as ResolveTree | null | undefined;
  if (!connection) return [];
  return [...selected([connection], "PackageConnection", "nodes"), ...selected(selected([connection], "PackageConnection", "edges"), "PackageEdge", "node")];
}

const unique = <T>(values: T[]) => [...new Set(values)];

/** A page of jsr packages: their scopes, and those scopes' creators. */
export async function prefetchJsrPage(ctx: GraphQLContext, info: GraphQLResolveInfo, items: Package[]): Promise<void> {
  const scopes = selected(nodesOf(info), "JsrPackage", "scope");
  if (scopes.length === 0 || items.length === 0) return;
  const loaded = await ctx.loaders.scopeByName.loadMany(unique(items.map((pkg) => pkg.scope)));
  if (selected(scopes, "Scope", "creator").length === 0) return;
  const creators = loaded.flatMap((scope) => (scope && !(scope instanceof Error) ? [scope.creatorId] : []));
  await ctx.loaders.userById.loadMany(unique(creators));
}

/** A page of Atom packages: their latest versions' rows if a field of them is selected, and whether the viewer starred them. */
export async function prefetchAtomPage(ctx: GraphQLContext, info: GraphQLResolveInfo, items: AtomPackageSummary[]): Promise<void> {
  if (items.length === 0) return;
  const nodes = nodesOf(info);
  const names = items.map((pkg) => pkg.name);
  const viewer = viewerOf(ctx);
  const latest = selected(nodes, "AtomPackage", "latestVersion");
  await Promise.all([
    ATOM_VERSION_ROW_FIELDS.some((field) => selected(latest, "AtomVersion", field).length > 0)
      ? ctx.loaders.atomVersionByKey.loadMany(items.flatMap((pkg) => (pkg.latest ? [atomVersionKey(pkg.name, pkg.latest)] : [])))
      : undefined,
    viewer && selected(nodes, "AtomPackage", "viewerHasStarred").length > 0 ? ctx.loaders.atomStarByUser.loadMany(names.map((name) => `${viewer.id}:${name}`)) : undefined,
  ]);
}
