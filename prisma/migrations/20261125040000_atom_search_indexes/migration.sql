-- Typo tolerance takes the names nearest a search (ORDER BY lower(name) <-> query LIMIT n), which a trigram GiST index answers without scoring every row.
CREATE INDEX "atom_packages_name_trgm_gist_idx" ON "atom_packages" USING gist (lower("name") gist_trgm_ops);

-- Search indexes take each write at once rather than through GIN's pending list: while that list is unmerged the planner prices the index above a full scan, and a search after a burst of publishes would read every row.
ALTER INDEX "atom_packages_name_trgm_idx" SET (fastupdate = off);
ALTER INDEX "atom_packages_squashed_name_trgm_idx" SET (fastupdate = off);
ALTER INDEX "atom_packages_text_trgm_idx" SET (fastupdate = off);
