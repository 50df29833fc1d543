-- Pulsar parity (#17): staff feature packages, each version keeps the commit its tag named and the file
-- extensions its grammars declare, the package keeps its latest version's, so that lists need no join.
ALTER TABLE "atom_packages" ADD COLUMN "featured_at" TIMESTAMPTZ(3);
ALTER TABLE "atom_packages" ADD COLUMN "sha" TEXT NOT NULL DEFAULT '';
ALTER TABLE "atom_packages" ADD COLUMN "file_extensions" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];
ALTER TABLE "atom_versions" ADD COLUMN "sha" TEXT NOT NULL DEFAULT '';
ALTER TABLE "atom_versions" ADD COLUMN "file_extensions" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];

-- The featured lists read only featured packages.
CREATE INDEX "atom_packages_featured_at_idx" ON "atom_packages"("featured_at") WHERE "featured_at" IS NOT NULL;
