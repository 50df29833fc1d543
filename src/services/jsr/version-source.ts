// A version's files as jsr's source view gives them: a directory's entries, or one file with an HTML view of its
// text. Upstream also sends the CSS and script of its rendering; Wharf's views need none (empty strings).
import type { PackageVersion } from "../../generated/prisma/client";
import { WharfError } from "../../errors";
import type { Tx } from "../../storage/database";
import type { ServiceContext } from "../shared/context";
import { readFileSource } from "./file-source";
import { getVersion, latestOf, listFiles, listVersions } from "./versions";

/** A version by number, or "latest" (as upstream's docs and source pages accept). */
export async function resolveVersion(db: Tx, scope: string, name: string, version: string): Promise<PackageVersion> {
  if (version !== "latest") return getVersion(db, scope, name, version);
  const latest = latestOf(await listVersions(db, scope, name));
  if (!latest) throw new WharfError("packageVersionNotFound");
  return latest;
}

export type Source = { kind: "dir"; entries: { name: string; size: number; kind: "dir" | "file" }[] } | { kind: "file"; size: number; view: string | null };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function versionSource(ctx: ServiceContext, scope: string, name: string, version: string, path: string): Promise<{ version: PackageVersion; source: Source }> {
  const found = await resolveVersion(ctx.db, scope, name, version);
  const files = await listFiles(ctx.db, scope, name, found.version);
  const wanted = "/" + path.replace(/^\/+|\/+$/g, "");
  const file = files.find((f) => f.path === wanted);
  if (file) {
    const { text } = await readFileSource(ctx.blobs, file);
    const view = text === null ? null : `<pre class="source">${escapeHtml(text)}</pre>`;
    return { version: found, source: { kind: "file", size: file.size, view } };
  }
  const prefix = wanted === "/" ? "/" : `${wanted}/`;
  const entries = new Map<string, { name: string; size: number; kind: "dir" | "file" }>();
  for (const f of files.filter((f) => f.path.startsWith(prefix))) {
    const [first, ...rest] = f.path.slice(prefix.length).split("/");
    const entry = entries.get(first) ?? { name: first, size: 0, kind: rest.length > 0 ? "dir" : "file" };
    entry.size += f.size;
    entries.set(first, entry);
  }
  if (entries.size === 0) throw new WharfError("packagePathNotFound");
  // Directories first, then files, each by name (upstream's order).
  const sorted = [...entries.values()].sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === "dir" ? -1 : 1));
  return { version: found, source: { kind: "dir", entries: sorted } };
}
