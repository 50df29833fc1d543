-- Typo-tolerant search of Atom package names (similarity() from pg_trgm, a trusted extension).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "atom_packages_name_trgm_idx" ON "atom_packages" USING gin (lower("name") gin_trgm_ops);
-- The name without hyphens and underscores ("minimap" finds "mini-map"), and the texts searched, for LIKE '%...%'.
CREATE INDEX "atom_packages_squashed_name_trgm_idx" ON "atom_packages" USING gin ((replace(replace(lower("name"), '-', ''), '_', '')) gin_trgm_ops);
CREATE INDEX "atom_packages_text_trgm_idx" ON "atom_packages" USING gin (
  (lower(coalesce("metadata"->>'description', '') || ' ' || coalesce("metadata"->>'keywords', '') || ' ' || "readme")) gin_trgm_ops
);
-- CreateTable
CREATE TABLE "atom_renames" (
    "old_name" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "atom_renames_pkey" PRIMARY KEY ("old_name")
);

-- CreateTable
CREATE TABLE "editor_releases" (
    "name" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "url" TEXT NOT NULL,
    "pub_date" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "editor_releases_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "atom_renames_name_idx" ON "atom_renames"("name");

