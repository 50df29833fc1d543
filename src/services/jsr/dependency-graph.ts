// A version's transitive dependencies: each jsr dependency resolved to the
// highest published, unyanked version its constraint allows, followed to a
// given depth. A cycle ends where it meets a version already in the graph.
import semver from "semver";
import type { ServiceContext } from "../shared/context";

export interface GraphNode {
  /** "jsr:@scope/name@version", or "npm:name@constraint" and "jsr:@scope/name@constraint" for what is not resolved here. */
  id: string;
  kind: "jsr" | "npm";
  name: string;
  /** The resolved jsr version; null for npm packages and unresolvable jsr constraints. */
  version: string | null;
  depth: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  constraint: string;
  path: string;
}

export const MAX_GRAPH_DEPTH = 10;

export async function dependencyGraph(
  ctx: ServiceContext,
  root: { scope: string; name: string; version: string },
  depth: number,
): Promise<{ nodes: GraphNode[]; edges: GraphEdge[] }> {
  const rootId = `jsr:@${root.scope}/${root.name}@${root.version}`;
  const nodes = new Map<string, GraphNode>([[rootId, { id: rootId, kind: "jsr", name: `@${root.scope}/${root.name}`, version: root.version, depth: 0 }]]);
  const edges: GraphEdge[] = [];
  let frontier = [{ id: rootId, ...root }];
  for (let level = 1; level <= Math.min(depth, MAX_GRAPH_DEPTH) && frontier.length > 0; level++) {
    // One batch of loads per level, whatever its width.
    const dependencies = await Promise.all(frontier.map((v) => ctx.loaders.dependenciesByVersion.load(`${v.scope}/${v.name}/${v.version}`)));
    const next: typeof frontier = [];
    await Promise.all(
      frontier.flatMap((from, i) =>
        dependencies[i].map(async (dependency) => {
          const target = dependency.kind === "jsr" ? await resolveJsr(ctx, dependency.dependency, dependency.constraint) : undefined;
          const id = target ? `jsr:${dependency.dependency}@${target.version}` : `${dependency.kind}:${dependency.dependency}@${dependency.constraint}`;
          edges.push({ from: from.id, to: id, constraint: dependency.constraint, path: dependency.path });
          if (nodes.has(id)) return;
          nodes.set(id, { id, kind: dependency.kind as "jsr" | "npm", name: dependency.dependency, version: target?.version ?? null, depth: level });
          if (target) next.push({ id, ...target });
        }),
      ),
    );
    frontier = next;
  }
  return { nodes: [...nodes.values()], edges };
}

async function resolveJsr(ctx: ServiceContext, fullName: string, constraint: string) {
  const [scope, name] = fullName.slice(1).split("/");
  const versions = (await ctx.loaders.versionsByPackage.load(`${scope}/${name}`)).filter((v) => !v.yanked);
  const version = semver.maxSatisfying(
    versions.map((v) => v.version),
    constraint,
  );
  return version ? { scope, name, version } : undefined;
}
