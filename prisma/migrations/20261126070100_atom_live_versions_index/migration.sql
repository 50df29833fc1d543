-- A package's live version numbers, read from the index alone: every summary (a listing or search page, a GraphQL
-- page) lists them per package, and PostgreSQL filtered the versions table's rows for each package instead (1 ms of
-- a 100-package page's 1.3).
CREATE INDEX "atom_versions_live_idx" ON "atom_versions"("name") INCLUDE ("version") WHERE NOT "deleted";
