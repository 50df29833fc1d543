// Reading a version's stored docs the ways jsr serves them: the index of its entrypoints, one entrypoint, one
// symbol, all symbols, a search index, and every symbol in full (search_structured); and the package's score.
import type { PackageVersion, Prisma } from "../../../generated/prisma/client";
import { WharfError } from "../../../errors";
import type { ServiceContext } from "../../shared/context";
import { getPackage } from "../packages";
import { resolveVersion } from "../version-source";
import { latestOf, listVersions } from "../versions";
import type { DocsJson, DocSymbol, JsDoc } from "./generate-docs";
import { packageScore, type PackageScore, type VersionScore } from "./package-score";

export interface VersionDocs {
  version: PackageVersion;
  docs: DocsJson;
}

/** The version's docs; a version published without docs answers why. */
export async function getVersionDocs(ctx: ServiceContext, scope: string, name: string, version: string): Promise<VersionDocs> {
  const found = await resolveVersion(ctx.db, scope, name, version);
  const row = await ctx.db.packageVersionDocs.findUnique({ where: { scope_name_version: { scope, name, version: found.version } } });
  if (!row) throw new WharfError("docsNotFound", "This version was published before Wharf made docs.");
  if (!row.docs) throw new WharfError("docsNotFound", `This version has no docs: ${row.error ?? "they could not be generated"}`);
  return { version: found, docs: row.docs as unknown as DocsJson };
}

/** The docs of a version known to exist, or null when it has none (GraphQL asks this of versions it already has). */
export async function findVersionDocs(ctx: ServiceContext, version: PackageVersion): Promise<VersionDocs | null> {
  const { scope, name } = version;
  const row = await ctx.db.packageVersionDocs.findUnique({ where: { scope_name_version: { scope, name, version: version.version } }, select: { docs: true } });
  return row?.docs ? { version, docs: row.docs as unknown as DocsJson } : null;
}

/** Why a version has no docs, or null when it has them (or was published before docs were made). */
export async function docsError(ctx: ServiceContext, scope: string, name: string, version: string): Promise<string | null> {
  const row = await ctx.db.packageVersionDocs.findUnique({ where: { scope_name_version: { scope, name, version } }, select: { error: true } });
  return row?.error ?? null;
}

const KIND_ORDER = ["namespace", "class", "enum", "variable", "function", "interface", "typeAlias", "import", "moduleDoc"];
const summaryOf = (doc: JsDoc | undefined) => (doc?.doc ?? "").split(/\n\s*\n/)[0] ?? "";
const kindsOf = (symbol: DocSymbol) => [...new Set(symbol.declarations.map((d) => d.kind))].sort((a, b) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b));
const docOf = (symbol: DocSymbol) => symbol.declarations.find((d) => d.jsDoc)?.jsDoc;

/** The module path an entrypoint names: an export key (".", "./util") or a path ("/mod.ts", "mod.ts"). */
function modulePath(version: PackageVersion, docs: DocsJson, entrypoint: string): string {
  const exports = version.exports as Record<string, string>;
  const target = exports[entrypoint] ?? exports[`./${entrypoint.replace(/^\.?\//, "")}`];
  const path = target ? target.replace(/^\./, "") : `/${entrypoint.replace(/^\.?\//, "")}`;
  if (!docs.nodes[path]) throw new WharfError("docsNotFound", `No entrypoint ${JSON.stringify(entrypoint)} in this version's docs.`);
  return path;
}

export type DocsMain =
  | { kind: "index"; value: { entrypoints: { key: string; path: string; moduleDoc: JsDoc | null; symbols: { name: string; kind: string[]; doc: string }[] }[] } }
  | { kind: "file"; value: { path: string; moduleDoc: JsDoc | null; symbols: DocSymbol[] } }
  | { kind: "symbol"; value: { path: string; symbol: DocSymbol } }
  | { kind: "allSymbols"; value: { symbols: (DocSymbol & { path: string })[] } };

export function docsPage({ version, docs }: VersionDocs, query: { entrypoint?: string; symbol?: string; allSymbols?: boolean }): DocsMain {
  if (query.allSymbols) {
    return { kind: "allSymbols", value: { symbols: Object.entries(docs.nodes).flatMap(([path, node]) => (node.symbols ?? []).map((s) => ({ ...s, path }))) } };
  }
  if (query.symbol !== undefined) {
    const path = modulePath(version, docs, query.entrypoint ?? ".");
    const symbol = (docs.nodes[path].symbols ?? []).find((s) => s.name === query.symbol);
    if (!symbol) throw new WharfError("docsNotFound", `No symbol ${JSON.stringify(query.symbol)} in ${path}.`);
    return { kind: "symbol", value: { path, symbol } };
  }
  if (query.entrypoint !== undefined) {
    const path = modulePath(version, docs, query.entrypoint);
    return { kind: "file", value: { path, moduleDoc: docs.nodes[path].module_doc ?? null, symbols: docs.nodes[path].symbols ?? [] } };
  }
  const entrypoints = Object.entries(version.exports as Record<string, string>)
    .map(([key, target]) => ({ key, path: target.replace(/^\./, "") }))
    .filter(({ path }) => docs.nodes[path])
    .map(({ key, path }) => ({
      key,
      path,
      moduleDoc: docs.nodes[path].module_doc ?? null,
      symbols: (docs.nodes[path].symbols ?? []).map((s) => ({ name: s.name, kind: kindsOf(s), doc: summaryOf(docOf(s)) })),
    }));
  return { kind: "index", value: { entrypoints } };
}

export interface SearchNode {
  name: string;
  kind: string[];
  file: string;
  doc: string;
  deprecated: boolean;
}

/** Every symbol with what a search shows of it (deno_doc's search index, in spirit). */
export function searchIndex({ docs }: VersionDocs, query?: string): { nodes: SearchNode[] } {
  const needle = query?.toLowerCase();
  const nodes = Object.entries(docs.nodes).flatMap(([file, node]) =>
    (node.symbols ?? []).map((s) => ({
      name: s.name,
      kind: kindsOf(s),
      file,
      doc: summaryOf(docOf(s)),
      deprecated: s.declarations.some((d) => d.jsDoc?.tags?.some((t) => t.kind === "deprecated")),
    })),
  );
  return { nodes: needle ? nodes.filter((n) => n.name.toLowerCase().includes(needle) || n.doc.toLowerCase().includes(needle)) : nodes };
}

/** The package's score: its latest version's, with the package's description and runtimes as they are now. */
export async function getPackageScore(ctx: ServiceContext, scope: string, name: string): Promise<PackageScore> {
  const pkg = await getPackage(ctx.db, scope, name);
  const latest = latestOf(await listVersions(ctx.db, scope, name));
  if (!latest) throw new WharfError("packageVersionNotFound", "The package has no published version to score.");
  const row = await ctx.db.packageVersionDocs.findUnique({ where: { scope_name_version: { scope, name, version: latest.version } }, select: { score: true } });
  if (!row) throw new WharfError("docsNotFound", "The latest version was published before Wharf scored packages.");
  return packageScore(row.score as unknown as VersionScore, { description: pkg.description, runtimeCompat: pkg.runtimeCompat as Prisma.JsonObject as never });
}
