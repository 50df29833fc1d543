import { Field, Int, ObjectType } from "type-graphql";
import { GraphQLJSON } from "graphql-scalars";
import type { AtomVersion } from "../../generated/prisma/client";
import type { AtomPackageSummary } from "../../storage/queries/atom-package-summary";
import { atomTarballUrl } from "../../services/atom/packages";
import { ConnectionType } from "../infra/connection";
import { Ecosystem, PackageInterface } from "../package/type";

@ObjectType("AtomPackage", { implements: PackageInterface, description: "An Atom/Pulsar package, published from a git repository's tags." })
export class AtomPackageType extends PackageInterface {
  @Field(() => String, { description: "The user login or scope that owns it." })
  owner!: string;

  @Field(() => String, { description: "owner/repo under the server's git base." })
  repository!: string;

  @Field(() => String, { description: "The latest version's readme." })
  readme!: string;

  @Field(() => [String])
  keywords!: string[];

  @Field(() => GraphQLJSON, { description: "The latest version's package.json." })
  metadata!: unknown;

  @Field(() => Int, { description: "Tarball downloads of every version, ever." })
  downloadCount!: number;

  @Field(() => Int)
  starCount!: number;

  @Field(() => Boolean, { description: "Staff featured it (featureAtomPackage): it is in /atom/api/packages/featured or /atom/api/themes/featured." })
  isFeatured!: boolean;

  // The latest version's number, for latestVersion.
  latest!: string | null;
}

@ObjectType("AtomVersion", { description: "A published version of an Atom package." })
export class AtomVersionType {
  @Field(() => String)
  version!: string;

  @Field(() => String, { description: "Where apm downloads it (each download counts)." })
  tarballUrl!: string;

  // metadata, engine and createdAt are read from the row (version.resolver.ts).

  /** The package's name, to load the row by. */
  name!: string;
  /**
   * The version's row, or undefined where only its number is known: a package's latest version, which lists know
   * from the package's own row, is loaded only if a field of the row is asked for.
   */
  row!: AtomVersionFields | undefined;
}

/** What a version node reads of its row. */
export type AtomVersionFields = Pick<AtomVersion, "name" | "version" | "metadata" | "createdAt">;

@ObjectType("DailyDownloads")
export class DailyDownloadsType {
  @Field(() => String, { description: "The UTC day, YYYY-MM-DD." })
  date!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType("DownloadHistory", { description: "Downloads over a range of days." })
export class DownloadHistoryType {
  @Field(() => Int, { description: "Downloads within the range." })
  total!: number;

  @Field(() => [DailyDownloadsType], { description: "One entry per day of the range, oldest first; 0 where nobody downloaded." })
  daily!: DailyDownloadsType[];
}

export const AtomPackageConnection = ConnectionType(AtomPackageType, "AtomPackage");
export const AtomVersionConnection = ConnectionType(AtomVersionType, "AtomVersion");

/**
 * An Atom package summary as the GraphQL node: an instance of its class, which type-graphql then hands to the
 * node's field resolvers as it is (a plain object it copied into a new instance for every resolver of every node).
 */
export function atomPackageNode(pkg: AtomPackageSummary): AtomPackageType {
  const metadata = (pkg.metadata ?? {}) as { description?: unknown; keywords?: unknown };
  return Object.assign(new AtomPackageType(), {
    id: `atom:${pkg.name}`,
    ecosystem: Ecosystem.ATOM,
    name: pkg.name,
    description: typeof metadata.description === "string" ? metadata.description : "",
    createdAt: pkg.createdAt,
    updatedAt: pkg.updatedAt,
    owner: pkg.owner,
    repository: pkg.repository,
    readme: pkg.readme,
    keywords: Array.isArray(metadata.keywords) ? metadata.keywords.filter((k): k is string => typeof k === "string") : [],
    metadata: pkg.metadata,
    downloadCount: pkg.downloads,
    starCount: pkg.starCount,
    latest: pkg.latest,
    isFeatured: pkg.featuredAt !== null,
  });
}

/** A version node of its row. */
export function atomVersionNode(version: AtomVersionFields, publicUrl: string): AtomVersionType {
  return Object.assign(new AtomVersionType(), {
    version: version.version,
    tarballUrl: atomTarballUrl(publicUrl, version.name, version.version),
    name: version.name,
    row: version,
  });
}

/** A version node known only by its package and number: its row is loaded if a field of it is asked for. */
export function atomVersionReference(name: string, version: string, publicUrl: string): AtomVersionType {
  return Object.assign(new AtomVersionType(), { version, tarballUrl: atomTarballUrl(publicUrl, name, version), name, row: undefined });
}
