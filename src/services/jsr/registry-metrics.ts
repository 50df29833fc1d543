// jsr's getMetrics for staff: how many packages, users and versions there are, and how many were made lately.
import type { ServiceContext } from "../shared/context";
import { requireStaff } from "../shared/policies";

const DAY_MS = 24 * 60 * 60 * 1000;

export async function registryMetrics(ctx: ServiceContext) {
  requireStaff(ctx);
  const since = (days: number) => ({ createdAt: { gte: new Date(Date.now() - days * DAY_MS) } });
  const [packages, packages1d, packages7d, packages30d, users, users1d, users7d, users30d, versions, versions1d, versions7d, versions30d] =
    await Promise.all([
      ctx.db.package.count(),
      ctx.db.package.count({ where: since(1) }),
      ctx.db.package.count({ where: since(7) }),
      ctx.db.package.count({ where: since(30) }),
      ctx.db.user.count(),
      ctx.db.user.count({ where: since(1) }),
      ctx.db.user.count({ where: since(7) }),
      ctx.db.user.count({ where: since(30) }),
      ctx.db.packageVersion.count(),
      ctx.db.packageVersion.count({ where: since(1) }),
      ctx.db.packageVersion.count({ where: since(7) }),
      ctx.db.packageVersion.count({ where: since(30) }),
    ]);
  return {
    packages,
    packages1d,
    packages7d,
    packages30d,
    users,
    users1d,
    users7d,
    users30d,
    packageVersions: versions,
    packageVersions1d: versions1d,
    packageVersions7d: versions7d,
    packageVersions30d: versions30d,
  };
}
