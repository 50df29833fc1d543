// Atom/Pulsar packages: published from a git tag, listed, searched, removed.
import semver from "semver";
import { highestBy } from "../shared/highest-version";
import type { AtomPackage, AtomVersion } from "../../generated/prisma/client";
import { malformed, WharfError } from "../../errors";
import type { Tx } from "../../storage/database";
import { runsOn, storedManifest } from "./manifest";
import type { ServiceContext } from "../shared/context";
import { archiveAt, commitAt, listTags, locateRepository, packageJsonAt, readmeAt, type GitRepository } from "./git-repository";
import { grammarFileTypesAt } from "./grammars";
import { claimAtomName, ownerOf, recordAtomVersion, resolveAtomOwner } from "./package-names";
import { requireAtomOwner, viewerOf } from "../shared/policies";
import { isForeignKeyViolation, isUniqueViolation } from "../../storage/pg-errors";
import type { AtomPackageSummary } from "../../storage/queries/atom-package-summary";
import { atomPackagesChanged } from "./package-events";

const NAME = /^[a-z0-9][a-z0-9._-]{0,213}$/;

export type AtomPackageWithDetail = AtomPackage & { versions: AtomVersion[] };
export const withDetail = { versions: { where: { deleted: false } } } as const;

/** A package by its name, or by a name it had before a rename; names are lowercase, so any case finds it (as on Pulsar). */
export async function getAtomPackage(db: Tx, requested: string): Promise<AtomPackageWithDetail> {
  const name = requested.toLowerCase();
  const pkg =
    (await db.atomPackage.findUnique({ where: { name }, include: withDetail })) ??
    (await db.atomRename.findUnique({ where: { oldName: name } }).then(
      (rename) => rename && db.atomPackage.findUnique({ where: { name: rename.name }, include: withDetail }),
    ));
  if (!pkg) throw new WharfError("atomPackageNotFound");
  return pkg;
}

interface Release {
  json: Record<string, unknown>;
  version: string;
  tag: string;
  /** The commit the tag names, and the file extensions its grammars declare. */
  sha: string;
  fileExtensions: string[];
}

/** The package.json at a tag, checked as Pulsar checks it. */
async function releaseAt(repo: GitRepository, tag: string): Promise<Release> {
  const json = await packageJsonAt(repo, tag);
  const name = json.name;
  if (typeof name !== "string" || !NAME.test(name)) {
    throw new WharfError("atomInvalidPackageJson", `The package.json at ${repo.owner}/${repo.name}@${tag} has no valid "name".`);
  }
  const version = typeof json.version === "string" ? semver.valid(json.version) : null;
  if (!version) throw new WharfError("atomInvalidPackageJson", `The package.json at ${repo.owner}/${repo.name}@${tag} has no valid semver "version".`);
  const engine = (json.engines as { atom?: unknown } | undefined)?.atom;
  if (engine !== undefined && (typeof engine !== "string" || semver.validRange(engine) === null)) {
    throw new WharfError("atomInvalidPackageJson", `The package.json at ${repo.owner}/${repo.name}@${tag} has an invalid engines.atom range.`);
  }
  return { json, version, tag, sha: await commitAt(repo, tag), fileExtensions: await grammarFileTypesAt(repo, tag) };
}

/** What a version keeps of its release, and its package keeps of its latest version. */
const releaseColumns = (release: Pick<Release, "json" | "sha" | "fileExtensions">) => ({
  metadata: release.json as object,
  sha: release.sha,
  fileExtensions: release.fileExtensions,
});

/** The packages a user owns, by name. */
export async function atomPackagesOwnedBy(db: Tx, userId: string): Promise<AtomPackageSummary[]> {
  const owned = await db.atomPackage.findMany({ where: { ownerUserId: userId }, include: withDetail, orderBy: { name: "asc" } });
  return owned.map((pkg) => summarize(pkg));
}

const noOwner = (name: string) => malformed(`${name} is neither a user nor a scope, so nobody could own the package`);

/** POST /packages: the package from the repository's newest semver tag, owned by the user or scope the repository's owner names. */
export async function createAtomPackage(ctx: ServiceContext, repository: string): Promise<AtomPackageWithDetail> {
  const repo = locateRepository(ctx.config, repository);
  const owner = await resolveAtomOwner(ctx.db, repo.owner);
  await requireAtomOwner(ctx, owner ?? { userId: null, scope: null, name: repo.owner.toLowerCase() });
  if (!owner) throw noOwner(repo.owner);
  const tags = (await listTags(repo)).filter((t) => semver.valid(t));
  const newest = tags.sort(semver.rcompare)[0];
  if (!newest) throw new WharfError("atomTagNotFound", `${repository} has no semver tag to publish.`);
  const release = await releaseAt(repo, newest);
  const name = release.json.name as string;
  if (await ctx.db.atomPackage.findUnique({ where: { name } })) throw new WharfError("atomPackageExists");
  const tarball = (await ctx.blobs.put(archiveAt(repo, newest))).sha256;
  const readme = await readmeAt(repo, newest);
  try {
    await ctx.db.$transaction(async (tx) => {
      await claimAtomName(tx, name, owner);
      await recordAtomVersion(tx, name, release.version, tarball);
      await tx.atomPackage.create({
        data: {
          name,
          owner: owner.name,
          ownerUserId: owner.userId,
          ownerScope: owner.scope,
          repository,
          ...releaseColumns(release),
          readme,
          versions: { create: { version: release.version, ...releaseColumns(release), tarball } },
        },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new WharfError("atomPackageExists");
    // The owning scope was deleted meanwhile.
    if (isForeignKeyViolation(err)) throw noOwner(repo.owner);
    throw err;
  }
  // The name may have led to a package renamed away from it.
  atomPackagesChanged([name]);
  return getAtomPackage(ctx.db, name);
}

/**
 * POST /packages/:name/versions: a new version from a tag. With rename (true, or the new name as ppm sends it),
 * the package takes the name in the tag's package.json; a new name given must be that one.
 */
export async function publishAtomVersion(ctx: ServiceContext, requested: string, tag: string, rename: boolean | string): Promise<AtomVersion> {
  if (!tag) throw malformed("tag is required");
  const pkg = await getAtomPackage(ctx.db, requested);
  const name = pkg.name;
  await requireAtomOwner(ctx, ownerOf(pkg));
  const repo = locateRepository(ctx.config, pkg.repository);
  const release = await releaseAt(repo, tag);
  const newName = release.json.name as string;
  if (newName !== name && !rename) throw new WharfError("atomNameMismatch");
  if (typeof rename === "string" && rename.toLowerCase() !== newName) {
    throw new WharfError("atomNameMismatch", `rename=${rename}, but the package.json at ${tag} names the package "${newName}".`);
  }
  const tarball = (await ctx.blobs.put(archiveAt(repo, tag))).sha256;
  const readme = await readmeAt(repo, tag);
  try {
    const created = await ctx.db.$transaction(async (tx) => {
      // Deleted versions keep their row, so they can never come back.
      if (await tx.atomVersion.findUnique({ where: { name_version: { name, version: release.version } } })) throw new WharfError("atomVersionExists");
      if (newName !== name) {
        await claimAtomName(tx, newName, ownerOf(pkg));
        await tx.atomPackage.update({ where: { name }, data: { name: newName } });
        // Every earlier name now leads to the new one.
        await tx.atomRename.updateMany({ where: { name }, data: { name: newName } });
        await tx.atomRename.create({ data: { oldName: name, name: newName } });
        // The versions now answer under the new name too: with the bytes they have, never with others.
        for (const v of await tx.atomVersion.findMany({ where: { name: newName } })) await recordAtomVersion(tx, newName, v.version, v.tarball);
      }
      await recordAtomVersion(tx, newName, release.version, tarball);
      const created = await tx.atomVersion.create({ data: { name: newName, version: release.version, ...releaseColumns(release), tarball } });
      const latest = latestOf([...(await tx.atomVersion.findMany({ where: { name: newName, deleted: false } }))]);
      if (latest?.version === release.version) await tx.atomPackage.update({ where: { name: newName }, data: { ...releaseColumns(release), readme } });
      return created;
    });
    atomPackagesChanged([name, newName]);
    return created;
  } catch (err) {
    if (isUniqueViolation(err)) throw new WharfError(newName !== name ? "atomPackageExists" : "atomVersionExists");
    throw err;
  }
}

export function latestOf(versions: AtomVersion[]): AtomVersion | undefined {
  return highestBy(versions.filter((v) => !v.deleted), (v) => v.version);
}

/** The package as lists show it, from the given (e.g. engine-compatible) versions. */
export function summarize({ versions, ...pkg }: AtomPackageWithDetail, shown: AtomVersion[] = versions): AtomPackageSummary {
  return { ...pkg, latest: latestOf(shown)?.version ?? null };
}

/** Whether the actor may publish or remove the package; for showing or hiding the owners' controls. */
export async function canManageAtomPackage(ctx: ServiceContext, name: string): Promise<boolean> {
  if (!viewerOf(ctx)) return false;
  const pkg = await getAtomPackage(ctx.db, name);
  return requireAtomOwner(ctx, ownerOf(pkg)).then(
    () => true,
    () => false,
  );
}

export async function deleteAtomPackage(ctx: ServiceContext, name: string): Promise<void> {
  const pkg = await getAtomPackage(ctx.db, name);
  await requireAtomOwner(ctx, ownerOf(pkg));
  // Its names (atom_names) and versions' bytes (atom_published_versions) outlive it.
  await ctx.db.$transaction([
    ctx.db.atomRename.deleteMany({ where: { name: pkg.name } }),
    ctx.db.atomPackage.delete({ where: { name: pkg.name } }),
  ]);
  atomPackagesChanged([pkg.name]);
}

export async function deleteAtomVersion(ctx: ServiceContext, name: string, version: string): Promise<void> {
  const pkg = await getAtomPackage(ctx.db, name);
  await requireAtomOwner(ctx, ownerOf(pkg));
  await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.atomVersion.updateMany({ where: { name: pkg.name, version, deleted: false }, data: { deleted: true } });
    if (count === 0) throw new WharfError("atomPackageNotFound");
    // The package shows its latest version's package.json: with the latest gone, the one before it.
    const latest = latestOf(await tx.atomVersion.findMany({ where: { name: pkg.name, deleted: false } }));
    if (latest) {
      await tx.atomPackage.update({ where: { name: pkg.name }, data: releaseColumns({ json: latest.metadata as Record<string, unknown>, sha: latest.sha, fileExtensions: latest.fileExtensions }) });
    }
  });
  atomPackagesChanged([pkg.name]);
}

/** How Pulsar says a package came to be: every Wharf package was published by its owner (none came over from atom.io). */
export const ATOM_CREATION_METHOD = "User Made Package";

/** Pulsar's badges on a package: published by its owner, so "Made for Pulsar!". */
export function atomBadges(): Array<{ title: string; type: string }> {
  return [{ title: "Made for Pulsar!", type: "success" }];
}

/** Where a version's tarball is served; each download there counts. */
export function atomTarballUrl(publicUrl: string, name: string, version: string): string {
  return `${publicUrl}/atom/api/packages/${encodeURIComponent(name)}/versions/${encodeURIComponent(version)}/tarball`;
}

/** The versions an editor of version `engine` can run (all of them without an engine). */
export function versionsRunningOn<V extends Pick<AtomVersion, "metadata">>(pkg: { versions: V[] }, engine: string | undefined): V[] {
  return engine ? pkg.versions.filter((v) => runsOn(storedManifest(v.metadata), engine)) : pkg.versions;
}
