// Featuring an Atom package. In SQL: featuring is not an update of the package (Prisma's update would move
// updated_at, which Pulsar's clients sort by).
import type { Db } from "../database";

/** Sets (keeping the first time it was featured) or clears a package's featured time. */
export async function setAtomPackageFeatured(db: Db, name: string, featured: boolean): Promise<void> {
  await db.$executeRaw`
    UPDATE atom_packages SET featured_at = CASE WHEN ${featured} THEN coalesce(featured_at, now()) END WHERE name = ${name}`;
}
