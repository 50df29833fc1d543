-- Typo-tolerant search of Atom package names (similarity() from pg_trgm, a trusted extension).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "atom_packages_name_trgm_idx" ON "atom_packages" USING gin (lower("name") gin_trgm_ops);
