// Search over both ecosystems: each ranked as its REST face ranks (Atom by
// relevance, jsr recently updated first); without an ecosystem, the two
// rankings interleaved, best of each first.
import type { Package } from "../../generated/prisma/client";
import { searchAtomPackages } from "../../storage/queries/atom-package-pages";
import { type AtomPackageSummary } from "../../storage/queries/atom-package-summary";
import type { ServiceContext } from "../shared/context";
import { listJsrPackages, type PageRequest } from "../jsr/package-listing";
import { searchText } from "./package-list";

export type FoundPackage = { ecosystem: "atom"; package: AtomPackageSummary } | { ecosystem: "jsr"; package: Package };

export async function searchPackages(
  ctx: ServiceContext,
  query: string,
  ecosystem: "atom" | "jsr" | undefined,
  window: PageRequest,
): Promise<{ items: FoundPackage[]; total: number }> {
  query = searchText(query);
  // What each ecosystem must supply: the window itself, or with both, everything up to its end.
  const reach = ecosystem ? window : { offset: 0, limit: window.offset + window.limit };
  const [atom, jsr] = await Promise.all([
    ecosystem === "jsr" ? undefined : searchAtomPackages(ctx.sql, query, { ...reach, direction: "desc" }),
    ecosystem === "atom" ? undefined : listJsrPackages(ctx, { query }, { field: "updatedAt", direction: "desc" }, reach),
  ]);
  const atomFound = (atom?.items ?? []).map((pkg): FoundPackage => ({ ecosystem: "atom", package: pkg }));
  const jsrFound = (jsr?.items ?? []).map((pkg): FoundPackage => ({ ecosystem: "jsr", package: pkg }));
  const total = (atom?.total ?? 0) + (jsr?.total ?? 0);
  if (ecosystem) return { items: [...atomFound, ...jsrFound], total };
  const interleaved: FoundPackage[] = [];
  for (let i = 0; i < Math.max(atomFound.length, jsrFound.length); i++) {
    if (atomFound[i]) interleaved.push(atomFound[i]);
    if (jsrFound[i]) interleaved.push(jsrFound[i]);
  }
  return { items: interleaved.slice(window.offset, window.offset + window.limit), total };
}
