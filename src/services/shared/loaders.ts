// Per-request DataLoaders: whatever the page size, a GraphQL query costs one
// SQL statement per kind of thing it loads, not one per parent.
import DataLoader from "dataloader";
import { type Package, type PackageDependency, type PackageFile, type PackageVersion, type PublishingTask, type Scope, type Token, type User } from "../../generated/prisma/client";
import type { Tx } from "../../storage/database";
import type { SqlReader } from "../../storage/sql-reader";
import { atomPackagesNamed } from "../../storage/queries/atom-package-pages";
import { type AtomPackageSummary } from "../../storage/queries/atom-package-summary";
import { starredAmong } from "../../storage/queries/atom-stars";
import { scopesNamed, usersWithIds } from "../../storage/queries/accounts-by-key";
import { liveVersionsNamed, liveVersionsOf, type AtomVersionRow } from "../../storage/queries/atom-versions";
import type { InviteWithUsers, MemberWithUser } from "../accounts/scope-members";
import { bySemverDescending } from "../jsr/versions";
import type { VersionScore } from "../jsr/docs/package-score";

export interface Loaders {
  userById: NotingLoader<string, User | undefined>;
  scopeByName: NotingLoader<string, Scope | undefined>;
  membersByScope: DataLoader<string, MemberWithUser[]>;
  scopesByUser: DataLoader<string, Scope[]>;
  invitesByScope: DataLoader<string, InviteWithUsers[]>;
  invitesByUser: DataLoader<string, InviteWithUsers[]>;
  tokensByUser: DataLoader<string, Token[]>;
  jsrPackagesByScope: DataLoader<string, Package[]>;
  /** Keyed "scope/name". */
  jsrPackageByName: DataLoader<string, Package | undefined>;
  /** Keyed "scope/name"; newest first. */
  versionsByPackage: DataLoader<string, PackageVersion[]>;
  /** Keyed "scope/name/version". */
  dependenciesByVersion: DataLoader<string, PackageDependency[]>;
  /** Keyed "scope/name/version". */
  filesByVersion: DataLoader<string, PackageFile[]>;
  /** Keyed "scope/name/version": the task that published it. */
  publishingTaskByVersion: DataLoader<string, PublishingTask | undefined>;
  /** Keyed "scope/name/version": the version's part of jsr's score, fixed at its publish. */
  versionScoreByVersion: DataLoader<string, VersionScore | undefined>;
  /** Keyed "@scope/name": the packages with a version that imports it. */
  dependentsByPackage: DataLoader<string, Array<{ scope: string; name: string }>>;
  /** By current name: the package with its star count and latest version. */
  atomPackageByName: DataLoader<string, AtomPackageSummary | undefined>;
  /** By package name; newest first, deleted versions left out. */
  atomVersionsByPackage: DataLoader<string, AtomVersionRow[]>;
  /** One version not deleted, keyed atomVersionKey(name, version) (a page's latest versions, without the rest). */
  atomVersionByKey: NotingLoader<string, AtomVersionRow | undefined>;
  /** Keyed "userId:name": whether that user starred that package. */
  atomStarByUser: NotingLoader<string, boolean>;
}

/**
 * A DataLoader that also notes its answers as values, for the loaders a 100-node page reads through: a field whose
 * data a list loaded ahead (graphql/package/prefetch.ts) is answered at once by loadNow, without a promise.
 * graphql-js waits for every node with a promise among its fields; a page's promises were a third of its CPU.
 */
export class NotingLoader<K, V> extends DataLoader<K, V> {
  private readonly answers: Map<K, V>;

  constructor(batch: (keys: readonly K[]) => Promise<V[]>) {
    const answers = new Map<K, V>();
    super(async (keys) => {
      const values = await batch(keys);
      keys.forEach((key, i) => answers.set(key, values[i]));
      return values;
    });
    this.answers = answers;
  }

  /** The answer for `key`: at once if a batch already gave it, otherwise as load() gives it. */
  loadNow(key: K): V | Promise<V> {
    return this.answers.has(key) ? this.answers.get(key)! : this.load(key);
  }

  /** Forgets `key` (after a write), its noted answer too. */
  override clear(key: K): this {
    this.answers.delete(key);
    return super.clear(key);
  }

  override clearAll(): this {
    this.answers.clear();
    return super.clearAll();
  }
}

/** atomVersionByKey's key: a version number never holds a NUL. */
export const atomVersionKey = (name: string, version: string) => `${name}\u0000${version}`;

const packageKey = (row: { scope: string; name: string }) => `${row.scope}/${row.name}`;
const versionKey = (row: { scope: string; name: string; version: string }) => `${row.scope}/${row.name}/${row.version}`;
const splitKey = (key: string) => {
  const [scope, name, version] = key.split("/");
  return { scope, name, version };
};

/** One row per key, in key order. */
function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): Array<V | undefined> {
  const found = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => found.get(key));
}

/** All rows per key, in key order. */
function groupedByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key)!);
}

const inviteUsers = { targetUser: true, requestingUser: true } as const;

export function createLoaders(db: Tx, sql: SqlReader): Loaders {
  return {
    atomPackageByName: new DataLoader(async (names) => byKey(names, await atomPackagesNamed(sql, names), (p) => p.name)),
    atomVersionsByPackage: new DataLoader(async (names) => groupedByKey(names, (await liveVersionsOf(sql, names)).sort(bySemverDescending), (v) => v.name)),
    atomVersionByKey: new NotingLoader(async (keys) => {
      const pairs = keys.map((key) => key.split("\u0000") as [string, string]);
      return byKey(keys, await liveVersionsNamed(sql, pairs), (v) => atomVersionKey(v.name, v.version));
    }),
    atomStarByUser: new NotingLoader(async (keys) => {
      const starred = await starredAmong(sql, keys.map((key) => key.split(":") as [string, string]));
      return keys.map((key) => starred.has(key));
    }),
    userById: new NotingLoader(async (ids) => byKey(ids, await usersWithIds(sql, ids), (u) => u.id)),
    scopeByName: new NotingLoader(async (names) => byKey(names, await scopesNamed(sql, names), (s) => s.scope)),
    membersByScope: new DataLoader(async (scopes) =>
      groupedByKey(
        scopes,
        await db.scopeMember.findMany({ where: { scope: { in: [...scopes] } }, include: { user: true }, orderBy: { createdAt: "asc" } }),
        (m) => m.scope,
      ),
    ),
    scopesByUser: new DataLoader(async (userIds) => {
      const memberships = await db.scopeMember.findMany({
        where: { userId: { in: [...userIds] } },
        include: { scopeRef: true },
        orderBy: { scope: "asc" },
      });
      return groupedByKey(userIds, memberships, (m) => m.userId).map((ms) => ms.map((m) => m.scopeRef));
    }),
    invitesByScope: new DataLoader(async (scopes) =>
      groupedByKey(
        scopes,
        await db.scopeInvite.findMany({ where: { scope: { in: [...scopes] } }, include: inviteUsers, orderBy: { createdAt: "asc" } }),
        (i) => i.scope,
      ),
    ),
    invitesByUser: new DataLoader(async (userIds) =>
      groupedByKey(
        userIds,
        await db.scopeInvite.findMany({
          where: { targetUserId: { in: [...userIds] } },
          include: inviteUsers,
          orderBy: { createdAt: "asc" },
        }),
        (i) => i.targetUserId,
      ),
    ),
    tokensByUser: new DataLoader(async (userIds) =>
      groupedByKey(
        userIds,
        await db.token.findMany({ where: { userId: { in: [...userIds] } }, orderBy: { createdAt: "desc" } }),
        (t) => t.userId,
      ),
    ),
    jsrPackageByName: new DataLoader(async (keys) =>
      byKey(keys, await db.package.findMany({ where: { OR: keys.map(splitKey).map(({ scope, name }) => ({ scope, name })) } }), packageKey),
    ),
    versionsByPackage: new DataLoader(async (keys) =>
      groupedByKey(
        keys,
        (await db.packageVersion.findMany({ where: { OR: keys.map(splitKey).map(({ scope, name }) => ({ scope, name })) } })).sort(bySemverDescending),
        packageKey,
      ),
    ),
    dependenciesByVersion: new DataLoader(async (keys) =>
      groupedByKey(keys, await db.packageDependency.findMany({ where: { OR: keys.map(splitKey) }, orderBy: [{ kind: "asc" }, { dependency: "asc" }] }), versionKey),
    ),
    filesByVersion: new DataLoader(async (keys) =>
      groupedByKey(keys, await db.packageFile.findMany({ where: { OR: keys.map(splitKey) }, orderBy: { path: "asc" } }), versionKey),
    ),
    versionScoreByVersion: new DataLoader(async (keys) =>
      byKey(keys, await db.packageVersionDocs.findMany({ where: { OR: keys.map(splitKey) }, select: { scope: true, name: true, version: true, score: true } }), versionKey).map(
        (row) => row?.score as unknown as VersionScore | undefined,
      ),
    ),
    publishingTaskByVersion: new DataLoader(async (keys) =>
      byKey(keys, await db.publishingTask.findMany({ where: { status: "success", OR: keys.map(splitKey) } }), versionKey),
    ),
    dependentsByPackage: new DataLoader(async (names) =>
      groupedByKey(
        names,
        await db.packageDependency.findMany({
          where: { kind: "jsr", dependency: { in: [...names] } },
          select: { scope: true, name: true, dependency: true },
          distinct: ["scope", "name", "dependency"],
          orderBy: [{ scope: "asc" }, { name: "asc" }],
        }),
        (row) => row.dependency,
      ),
    ),
    jsrPackagesByScope: new DataLoader(async (scopes) =>
      groupedByKey(
        scopes,
        await db.package.findMany({ where: { scope: { in: [...scopes] } }, orderBy: { name: "asc" } }),
        (p) => p.scope,
      ),
    ),
  };
}
