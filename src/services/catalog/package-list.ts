// The packages query of both ecosystems: which ecosystem's list answers it, how
// its order maps onto that list, and what needs words to look for.
import type { Package } from "../../generated/prisma/client";
import { malformed } from "../../errors";
import { listAtomPackages, searchAtomPackages, type AtomSort } from "../../storage/queries/atom-package-pages";
import { type AtomPackageSummary } from "../../storage/queries/atom-package-summary";
import { getAtomPackage, summarize } from "../atom/packages";
import { getPackage } from "../jsr/packages";
import { listJsrPackages, type PageRequest } from "../jsr/package-listing";
import type { ServiceContext } from "../shared/context";
import { listAllPackages, type PackageRef } from "../../storage/queries/package-directory";
import type { FoundPackage } from "./package-search";

export type Ecosystem = "jsr" | "atom";
export type CatalogOrderField = "createdAt" | "updatedAt" | "name" | "downloads" | "stars";

export interface CatalogFilter {
  ecosystem?: Ecosystem;
  /** jsr: only this scope's packages (and so only jsr's). */
  scope?: string;
  /** Words the name or description contains. */
  query?: string;
}

/** Atom's REST sort for each order. */
const ATOM_SORTS: Record<CatalogOrderField, AtomSort> = {
  createdAt: "created_at",
  updatedAt: "updated_at",
  name: "name",
  downloads: "downloads",
  stars: "stars",
};

export type PackageList =
  | { ecosystem: "atom"; items: AtomPackageSummary[]; total: number }
  | { ecosystem: "jsr"; items: Package[]; total: number }
  | { ecosystem: undefined; items: PackageRef[]; total: number };

/** A page of packages, filtered and ordered; a scope means jsr, and downloads and stars order Atom's packages only. */
export async function listPackages(
  ctx: ServiceContext,
  filter: CatalogFilter,
  order: { field: CatalogOrderField; direction: "asc" | "desc" },
  window: PageRequest,
): Promise<PackageList> {
  const ecosystem = filter.ecosystem ?? (filter.scope ? "jsr" : undefined);
  if (ecosystem === "atom") {
    const request = { offset: window.offset, limit: window.limit, sort: ATOM_SORTS[order.field], direction: order.direction };
    const { items, total } = filter.query?.trim() ? await searchAtomPackages(ctx.sql, filter.query, request) : await listAtomPackages(ctx.sql, request);
    return { ecosystem, items, total };
  }
  const { field, direction } = order;
  if (field === "downloads" || field === "stars") {
    throw malformed("packages are ordered by downloads or stars only with filter: { ecosystem: ATOM }");
  }
  if (ecosystem === "jsr") {
    const { items, total } = await listJsrPackages(ctx, { scope: filter.scope, query: filter.query }, { field, direction }, window);
    return { ecosystem, items, total };
  }
  const { items, total } = await listAllPackages(ctx.sql, filter.query, { field, direction }, window);
  return { ecosystem: undefined, items, total };
}

/** Packages of both ecosystems, the most recently created (or updated) first. */
export async function latestPackages(ctx: Pick<ServiceContext, "sql">, field: "createdAt" | "updatedAt", limit: number): Promise<PackageRef[]> {
  return (await listAllPackages(ctx.sql, undefined, { field, direction: "desc" }, { offset: 0, limit })).items;
}

/** What a search looks for: words, never nothing. */
export function searchText(query: string, name = "query"): string {
  const text = query.trim();
  if (!text) throw malformed(`${name} must not be empty`);
  return text;
}

/** One package: an Atom package by its name, a jsr package by its scope and name. */
export async function findPackage(ctx: ServiceContext, ecosystem: Ecosystem, name: string, scope: string | null): Promise<FoundPackage> {
  if (ecosystem === "atom") return { ecosystem, package: summarize(await getAtomPackage(ctx.db, name)) };
  if (!scope) throw malformed("a jsr package is named by its scope and name");
  return { ecosystem, package: await getPackage(ctx.db, scope, name) };
}
