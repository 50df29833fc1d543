// Relay-style connections for every list: first/after, edges, nodes,
// pageInfo and totalCount. Cursors are opaque offsets.
import type { ComplexityEstimator } from "graphql-query-complexity";
import { ArgsType, Field, Int, ObjectType, type ClassType } from "type-graphql";
import { malformed } from "../../errors";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** The furthest a cursor may point into a list: a thousand pages of the largest size. */
export const MAX_OFFSET = 1000 * MAX_PAGE_SIZE;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `How many to return: 0 to ${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}.` })
  first?: number;

  @Field(() => String, { nullable: true, description: "The endCursor of the page before." })
  after?: string;
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Window {
  offset: number;
  limit: number;
}

const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString("base64url");

/** The slice of a list that first/after ask for; bad values are the caller's error. */
export function windowOf({ first, after }: PageArgs): Window {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw malformed(`first must be between 0 and ${MAX_PAGE_SIZE}`);
  }
  if (after === undefined || after === null) return { offset: 0, limit };
  // At most 15 digits: still a safe integer, so the bound below is checked on the number it says.
  const match = /^offset:(\d{1,15})$/.exec(Buffer.from(after, "base64url").toString());
  const offset = match && Number(match[1]) + 1;
  if (!offset || offset > MAX_OFFSET) {
    throw malformed(`after is not a cursor from this list (at most ${MAX_OFFSET} items in)`);
  }
  return { offset, limit };
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A connection over one page of items, given where the page starts and how many there are in all. */
export function connectionOf<T>(items: T[], window: Window, totalCount: number): Connection<T> {
  const edges = items.map((node, i) => ({ cursor: encodeCursor(window.offset + i), node }));
  return {
    edges,
    nodes: items,
    totalCount,
    pageInfo: {
      hasNextPage: window.offset + items.length < totalCount,
      hasPreviousPage: window.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** A connection over a list already loaded whole (small lists: a scope's members, a user's scopes). */
export function connectionOver<T>(all: T[], args: PageArgs): Connection<T> {
  const window = windowOf(args);
  return connectionOf(all.slice(window.offset, window.offset + window.limit), window, all.length);
}

/** What a connection field costs: its page size times what each node costs (see limits.ts). */
export const listComplexity: ComplexityEstimator = ({ args, childComplexity }) =>
  1 + (typeof args.first === "number" ? args.first : DEFAULT_PAGE_SIZE) * childComplexity;

/** The GraphQL type of a connection of `Node`s, named `<name>Connection`. */
export function ConnectionType<T extends object>(Node: ClassType<T> | (abstract new () => T), name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(() => Node)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass implements Connection<T> {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [Node])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;
  }
  return ConnectionClass;
}
