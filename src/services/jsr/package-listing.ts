// Finding jsr packages: filtered, ordered and paged in SQL, so a page costs
// the same whatever the registry's size.
import type { Package } from "../../generated/prisma/client";
import type { ServiceContext } from "../shared/context";

export type PackageOrderField = "createdAt" | "updatedAt" | "name";
export interface PackageOrder {
  field: PackageOrderField;
  direction: "asc" | "desc";
}

export interface PackageFilter {
  scope?: string;
  /** Matches names and descriptions, case-insensitively (its % and _ taken literally). */
  query?: string;
}

import type { PageRequest } from "../../storage/queries/page";
import { jsrPackagePage } from "../../storage/queries/jsr-package-pages";

export type { PageRequest };

/** A page of jsr packages, filtered and ordered, and how many the filter keeps: one statement. */
export function listJsrPackages(
  ctx: ServiceContext,
  filter: PackageFilter,
  order: PackageOrder,
  page: PageRequest,
): Promise<{ items: Package[]; total: number }> {
  return jsrPackagePage(ctx.sql, filter, order, page);
}

export interface RegistryCounts {
  users: number;
  scopes: number;
  jsrPackages: number;
  atomPackages: number;
}

export async function registryCounts(ctx: ServiceContext): Promise<RegistryCounts> {
  const [users, scopes, jsrPackages, atom] = await Promise.all([
    ctx.db.user.count(),
    ctx.db.scope.count(),
    ctx.db.package.count(),
    ctx.db.atomPackageCount.findUnique({ where: { id: true } }),
  ]);
  return { users, scopes, jsrPackages, atomPackages: atom?.count ?? 0 };
}

/** jsr's front-page figures: the newest packages, the latest versions, the featured packages. */
export async function jsrStats(ctx: ServiceContext, size = 10) {
  const [newest, updated, featured] = await Promise.all([
    ctx.db.package.findMany({ orderBy: { createdAt: "desc" }, take: size }),
    ctx.db.packageVersion.findMany({ orderBy: { createdAt: "desc" }, take: size }),
    featuredJsrPackages(ctx, size),
  ]);
  return { newest, updated, featured };
}

/** The packages staff feature, most recently featured first. */
export function featuredJsrPackages(ctx: ServiceContext, size: number): Promise<Package[]> {
  return ctx.db.package.findMany({ where: { whenFeatured: { not: null } }, orderBy: { whenFeatured: "desc" }, take: size });
}
