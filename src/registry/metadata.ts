// The files deno reads from a jsr registry: /@scope/name/meta.json and
// /@scope/name/<version>_meta.json (shapes from upstream's metadata.rs).
import type { Tx } from "../storage/database";
import { getPackage } from "../services/jsr/packages";
import { getVersion, latestOf, listFiles, listVersions } from "../services/jsr/versions";

export async function packageMetadata(db: Tx, scope: string, name: string) {
  const pkg = await getPackage(db, scope, name);
  const versions = await listVersions(db, scope, name);
  const [owner, repo] = pkg.githubRepository?.split("/") ?? [];
  return {
    scope,
    name,
    latest: latestOf(versions)?.version ?? null,
    ...(owner && { githubRepository: { owner, name: repo } }),
    versions: Object.fromEntries(
      versions.map((v) => [v.version, { ...(v.yanked && { yanked: true }), createdAt: v.createdAt.toISOString() }]),
    ),
  };
}

export async function versionMetadata(db: Tx, scope: string, name: string, version: string) {
  const found = await getVersion(db, scope, name, version);
  const files = await listFiles(db, scope, name, version);
  return {
    manifest: Object.fromEntries(files.map((f) => [f.path, { size: f.size, checksum: `sha256-${f.sha256}` }])),
    // deno_graph's ModuleInfo per module; deno parses the modules left out itself.
    moduleGraph2: found.moduleGraph,
    exports: found.exports,
  };
}
