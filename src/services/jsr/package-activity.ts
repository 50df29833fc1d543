// Who published what: a package's publishing tasks, and the packages a user published to lately.
import type { Package, PublishingTask } from "../../generated/prisma/client";
import type { ServiceContext } from "../shared/context";
import { requireScopeMember } from "../shared/policies";
import { getPackage } from "./packages";

/** A package's publishing tasks since it was made, newest version first (upstream's order); scope members only. */
export async function listPackageTasks(ctx: ServiceContext, scope: string, name: string): Promise<PublishingTask[]> {
  const pkg = await getPackage(ctx.db, scope, name);
  await requireScopeMember(ctx, scope);
  return ctx.db.publishingTask.findMany({
    where: { scope, name, createdAt: { gte: pkg.createdAt } },
    orderBy: [{ version: "desc" }, { createdAt: "desc" }],
  });
}

// Upstream shows the last ten.
const RECENT_PACKAGES = 10;

/** The packages a user published a version of, most recently published first. */
export async function listRecentlyPublishedBy(ctx: ServiceContext, userId: string): Promise<Package[]> {
  const recent = await ctx.db.publishingTask.groupBy({
    by: ["scope", "name"],
    where: { userId, status: "success" },
    _max: { createdAt: true },
    orderBy: { _max: { createdAt: "desc" } },
    take: RECENT_PACKAGES,
  });
  const packages = await ctx.db.package.findMany({ where: { OR: recent.map((r) => ({ scope: r.scope, name: r.name })) } });
  const order = new Map(recent.map((r, i) => [`${r.scope}/${r.name}`, i]));
  return packages.sort((a, b) => order.get(`${a.scope}/${a.name}`)! - order.get(`${b.scope}/${b.name}`)!);
}
