// The fields of an Atom version that its row holds. A version node may know only its number (a package's latest
// version, as a list of packages knows it): its row is then loaded when one of these is asked for, for every node of
// a page in one statement (the atomVersionByKey loader), or at once if the page loaded them ahead (prefetch.ts).
import { GraphQLJSON } from "graphql-scalars";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { WharfError } from "../../errors";
import { atomVersionKey } from "../../services/shared/loaders";
import type { GraphQLContext } from "../infra/context";
import { AtomVersionType, type AtomVersionFields } from "./type";

/** The fields below: a selection of any of them needs the version's row (prefetch.ts loads a page's ahead). */
export const ATOM_VERSION_ROW_FIELDS = ["metadata", "engine", "createdAt"] as const;

/** `read` of the version's row: at once if it is at hand, else once it is loaded. */
function fromRow<T>(node: AtomVersionType, ctx: GraphQLContext, read: (row: AtomVersionFields) => T): T | Promise<T> {
  if (node.row) return read(node.row);
  const found = (row: AtomVersionFields | undefined) => {
    // Deleted since the package was read.
    if (!row) throw new WharfError("atomPackageNotFound");
    node.row = row;
    return read(row);
  };
  const row = ctx.loaders.atomVersionByKey.loadNow(atomVersionKey(node.name, node.version));
  return row instanceof Promise ? row.then(found) : found(row);
}

function engineOf(row: AtomVersionFields): string | null {
  const engine = (row.metadata as { engines?: { atom?: unknown } } | null)?.engines?.atom;
  return typeof engine === "string" ? engine : null;
}

@Resolver(() => AtomVersionType)
export class AtomVersionResolver {
  @FieldResolver(() => GraphQLJSON, { description: "The package.json at the version's tag." })
  metadata(@Root() node: AtomVersionType, @Ctx() ctx: GraphQLContext): unknown {
    return fromRow(node, ctx, (row) => row.metadata);
  }

  @FieldResolver(() => String, { nullable: true, description: "The engines.atom range the version needs, if it says." })
  engine(@Root() node: AtomVersionType, @Ctx() ctx: GraphQLContext): string | null | Promise<string | null> {
    return fromRow(node, ctx, engineOf);
  }

  @FieldResolver(() => Date)
  createdAt(@Root() node: AtomVersionType, @Ctx() ctx: GraphQLContext): Date | Promise<Date> {
    return fromRow(node, ctx, (row) => row.createdAt);
  }
}
