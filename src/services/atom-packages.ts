// Atom/Pulsar packages: published from a git tag, listed, searched, removed.
import semver from "semver";
import type { AtomPackage, AtomVersion } from "../generated/prisma/client";
import { WharfError } from "../errors";
import type { Tx } from "../storage/database";
import type { ServiceContext } from "./context";
import { archiveAt, listTags, locateRepository, packageJsonAt, readmeAt, type GitRepository } from "./git-repository";
import { requireAtomOwner } from "./policies";
import { isUniqueViolation } from "./sql";

export const ATOM_PAGE_SIZE = 30;
export type AtomSort = "downloads" | "created_at" | "updated_at" | "stars";
const NAME = /^[a-z0-9][a-z0-9._-]{0,213}$/;

export type AtomPackageWithDetail = AtomPackage & { versions: AtomVersion[]; _count: { stars: number } };
const withDetail = { versions: { where: { deleted: false } }, _count: { select: { stars: true } } } as const;

/** A package by its name, or by a name it had before a rename. */
export async function getAtomPackage(db: Tx, name: string): Promise<AtomPackageWithDetail> {
  const pkg =
    (await db.atomPackage.findUnique({ where: { name }, include: withDetail })) ??
    (await db.atomRename.findUnique({ where: { oldName: name } }).then(
      (rename) => rename && db.atomPackage.findUnique({ where: { name: rename.name }, include: withDetail }),
    ));
  if (!pkg) throw new WharfError("atomPackageNotFound");
  return pkg;
}

export async function listAtomPackages(
  db: Tx,
  options: { page: number; sort?: AtomSort; direction: "asc" | "desc"; query?: string },
): Promise<{ items: AtomPackageWithDetail[]; total: number }> {
  const skip = (options.page - 1) * ATOM_PAGE_SIZE;
  const text = options.query?.trim().toLowerCase();
  const ranked = text ? await searchNames(db, text) : undefined;
  if (ranked && !options.sort) {
    // Relevance: the search's own order, a page of it at a time.
    const names = ranked.slice(skip, skip + ATOM_PAGE_SIZE);
    const found = await db.atomPackage.findMany({ where: { name: { in: names } }, include: withDetail });
    return { items: names.flatMap((n) => found.filter((p) => p.name === n)), total: ranked.length };
  }
  const filter = ranked ? { name: { in: ranked } } : {};
  const sort = options.sort ?? "downloads";
  const orderBy =
    sort === "stars"
      ? { stars: { _count: "desc" as const } }
      : { [sort === "created_at" ? "createdAt" : sort === "updated_at" ? "updatedAt" : "downloads"]: options.direction };
  const [items, total] = await Promise.all([
    db.atomPackage.findMany({ where: filter, include: withDetail, orderBy: [orderBy, { name: "asc" }], skip, take: ATOM_PAGE_SIZE }),
    db.atomPackage.count({ where: filter }),
  ]);
  return { items, total };
}

const SEARCH_LIMIT = 1000;

/**
 * Names of packages matching a search, most relevant first: the name with
 * hyphens ignored ("minimap" finds "mini-map"), a name close to it (typos, by
 * trigram similarity), then description, keywords and readme.
 */
async function searchNames(db: Tx, text: string): Promise<string[]> {
  const squashed = text.replace(/[-_\s]/g, "");
  // Each condition can use a trigram index (see the atom_search migration); only matches are scored.
  const rows = await db.$queryRaw<Array<{ name: string }>>`
    SELECT name FROM atom_packages
    WHERE replace(replace(lower(name), '-', ''), '_', '') LIKE ${`%${squashed}%`}
       OR lower(name) % ${text}
       OR lower(coalesce(metadata->>'description', '') || ' ' || coalesce(metadata->>'keywords', '') || ' ' || readme) LIKE ${`%${text}%`}
    ORDER BY
      CASE WHEN replace(replace(lower(name), '-', ''), '_', '') = ${squashed} THEN 3
           WHEN replace(replace(lower(name), '-', ''), '_', '') LIKE ${`%${squashed}%`} THEN 2
           ELSE 0 END + similarity(lower(name), ${text}) DESC,
      downloads DESC, name
    LIMIT ${SEARCH_LIMIT}`;
  return rows.map((r) => r.name);
}

interface Release {
  json: Record<string, unknown>;
  version: string;
  tag: string;
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
  return { json, version, tag };
}

/** POST /packages: the package from the repository's newest semver tag. */
export async function createAtomPackage(ctx: ServiceContext, repository: string): Promise<AtomPackageWithDetail> {
  const repo = locateRepository(ctx.config.gitBase, repository);
  await requireAtomOwner(ctx, repo.owner);
  const tags = (await listTags(repo)).filter((t) => semver.valid(t));
  const newest = tags.sort(semver.rcompare)[0];
  if (!newest) throw new WharfError("atomTagNotFound", `${repository} has no semver tag to publish.`);
  const release = await releaseAt(repo, newest);
  const name = release.json.name as string;
  if (await ctx.db.atomPackage.findUnique({ where: { name } })) throw new WharfError("atomPackageExists");
  const tarball = (await ctx.blobs.put(archiveAt(repo, newest))).sha256;
  try {
    await ctx.db.atomPackage.create({
      data: {
        name,
        owner: repo.owner.toLowerCase(),
        repository,
        metadata: release.json as object,
        readme: await readmeAt(repo, newest),
        versions: { create: { version: release.version, metadata: release.json as object, tarball } },
      },
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new WharfError("atomPackageExists");
    throw err;
  }
  return getAtomPackage(ctx.db, name);
}

/** POST /packages/:name/versions: a new version from a tag; with rename, the package takes the new name. */
export async function publishAtomVersion(ctx: ServiceContext, requested: string, tag: string, rename: boolean): Promise<AtomVersion> {
  const pkg = await getAtomPackage(ctx.db, requested);
  const name = pkg.name;
  await requireAtomOwner(ctx, pkg.owner);
  const repo = locateRepository(ctx.config.gitBase, pkg.repository);
  const release = await releaseAt(repo, tag);
  const newName = release.json.name as string;
  if (newName !== name && !rename) throw new WharfError("atomNameMismatch");
  const tarball = (await ctx.blobs.put(archiveAt(repo, tag))).sha256;
  const readme = await readmeAt(repo, tag);
  try {
    return await ctx.db.$transaction(async (tx) => {
      // Deleted versions keep their row, so they can never come back.
      if (await tx.atomVersion.findUnique({ where: { name_version: { name, version: release.version } } })) throw new WharfError("atomVersionExists");
      if (newName !== name) {
        await tx.atomPackage.update({ where: { name }, data: { name: newName } });
        // Every earlier name now leads to the new one.
        await tx.atomRename.updateMany({ where: { name }, data: { name: newName } });
        await tx.atomRename.create({ data: { oldName: name, name: newName } });
      }
      const created = await tx.atomVersion.create({ data: { name: newName, version: release.version, metadata: release.json as object, tarball } });
      const latest = latestOf([...(await tx.atomVersion.findMany({ where: { name: newName, deleted: false } }))]);
      if (latest?.version === release.version) await tx.atomPackage.update({ where: { name: newName }, data: { metadata: release.json as object, readme } });
      return created;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new WharfError(newName !== name ? "atomPackageExists" : "atomVersionExists");
    throw err;
  }
}

export function latestOf(versions: AtomVersion[]): AtomVersion | undefined {
  return versions.filter((v) => !v.deleted).sort((a, b) => semver.rcompare(a.version, b.version))[0];
}

export async function deleteAtomPackage(ctx: ServiceContext, name: string): Promise<void> {
  const pkg = await getAtomPackage(ctx.db, name);
  await requireAtomOwner(ctx, pkg.owner);
  await ctx.db.$transaction([
    ctx.db.atomRename.deleteMany({ where: { name: pkg.name } }),
    ctx.db.atomPackage.delete({ where: { name: pkg.name } }),
  ]);
}

export async function deleteAtomVersion(ctx: ServiceContext, name: string, version: string): Promise<void> {
  const pkg = await getAtomPackage(ctx.db, name);
  await requireAtomOwner(ctx, pkg.owner);
  const { count } = await ctx.db.atomVersion.updateMany({ where: { name: pkg.name, version, deleted: false }, data: { deleted: true } });
  if (count === 0) throw new WharfError("atomPackageNotFound");
}

export async function getAtomVersion(db: Tx, name: string, version: string): Promise<AtomVersion> {
  const pkg = await getAtomPackage(db, name);
  const found = await db.atomVersion.findUnique({ where: { name_version: { name: pkg.name, version } } });
  if (!found || found.deleted) throw new WharfError("atomPackageNotFound");
  return found;
}

/** The tarball's blob key; each call is a download. */
export async function downloadAtomVersion(db: Tx, name: string, version: string): Promise<string> {
  const found = await getAtomVersion(db, name, version);
  await db.atomPackage.update({ where: { name: found.name }, data: { downloads: { increment: 1 } } });
  return found.tarball;
}
