// getDependencyGraph in upstream's shape: a flat list of items, each with an id, what it is (the version's own
// entrypoints as "root", jsr and npm packages, or an error where a constraint matches no version) and its children's
// ids. Upstream walks modules; Wharf walks packages (dependency-graph.ts), which is what the graph shows.
import type { ServiceContext } from "../shared/context";
import { dependencyGraph, MAX_GRAPH_DEPTH } from "./dependency-graph";
import { getVersion } from "./versions";

type Dependency =
  | { type: "root"; path: string }
  | { type: "jsr"; scope: string; package: string; version: string; entrypoint: { type: "entrypoint"; value: string }; fallbackUrl: null }
  | { type: "npm"; package: string }
  | { type: "error"; error: string };

export interface DependencyGraphItem {
  id: number;
  dependency: Dependency;
  children: number[];
  size: number | null;
  mediaType: string | null;
}

export async function dependencyGraphItems(ctx: ServiceContext, scope: string, name: string, version: string): Promise<DependencyGraphItem[]> {
  const root = await getVersion(ctx.db, scope, name, version);
  const graph = await dependencyGraph(ctx, { scope, name, version }, MAX_GRAPH_DEPTH);
  const roots = [...new Set(Object.values(root.exports as Record<string, string>))].map((target) => target.replace(/^\./, ""));
  const ids = new Map<string, number>();
  graph.nodes.filter((n) => n.depth > 0).forEach((n, i) => ids.set(n.id, roots.length + i));
  const childrenOf = (from: string) => [...new Set(graph.edges.filter((e) => e.from === from).map((e) => ids.get(e.to)!))];
  const rootId = graph.nodes.find((n) => n.depth === 0)!.id;
  const items: DependencyGraphItem[] = roots.map((path, i) => ({ id: i, dependency: { type: "root", path }, children: childrenOf(rootId), size: null, mediaType: null }));
  for (const node of graph.nodes.filter((n) => n.depth > 0)) {
    let dependency: Dependency;
    if (node.kind === "npm") dependency = { type: "npm", package: node.id.slice("npm:".length) };
    else if (node.version === null) dependency = { type: "error", error: `no published version of ${node.id.slice("jsr:".length)} matches` };
    else {
      const [nodeScope, nodePackage] = node.name.slice(1).split("/");
      dependency = { type: "jsr", scope: nodeScope, package: nodePackage, version: node.version, entrypoint: { type: "entrypoint", value: "." }, fallbackUrl: null };
    }
    items.push({ id: ids.get(node.id)!, dependency, children: childrenOf(node.id), size: null, mediaType: null });
  }
  return items;
}
