// A page of Atom packages, listed or searched, as Pulsar's website and ppm ask for it. Any anonymous caller may be
// given the same page again from memory until an Atom package changes: published to, renamed, deleted, starred or
// featured, or its download count written (each shows in a list's packages or their order).
import type { ServiceContext } from "../shared/context";
import { readTag, type Keep } from "../shared/kept-reads";
import { listAtomPackages, searchAtomPackages } from "../../storage/queries/atom-package-pages";
import type { AtomPackageSummary } from "../../storage/queries/atom-package-summary";
import { parseAtomListQuery, type AtomListQuery } from "./list-query";

export interface AtomPackagePage extends Pick<AtomListQuery, "page" | "echo"> {
  items: AtomPackageSummary[];
  /** How many packages match, on every page. */
  total: number;
  /** Pulsar's page size. */
  limit: number;
  keep: Keep;
}

/** The page a list's or search's query asks for. */
export async function readAtomPackagePage(
  ctx: Pick<ServiceContext, "sql">,
  query: Record<string, string | string[] | undefined>,
  kind: { search: boolean; themes: boolean },
): Promise<AtomPackagePage> {
  const { page, q, echo, request } = parseAtomListQuery(query, kind);
  const { items, total } = q ? await searchAtomPackages(ctx.sql, q, request) : await listAtomPackages(ctx.sql, request);
  return { page, echo, items, total, limit: request.limit, keep: { tags: [readTag.atomLists] } };
}
