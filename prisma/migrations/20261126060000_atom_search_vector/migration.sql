-- Full-text search over Atom packages: one stored, weighted vector per package (name A, description B, keywords C,
-- README D) with a GIN index, so a search reads the index instead of lowercasing every README per query.
-- The 'simple' configuration: names and READMEs are identifiers and many languages, which English stemming and
-- stop words would mangle. A generated column keeps it current on every insert and update, Prisma's included.
-- The README is cut at 100,000 characters: a tsvector holds at most 1 MB, and a longer README would fail the write.
ALTER TABLE "atom_packages" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple'::regconfig, "name"), 'A') ||
  setweight(to_tsvector('simple'::regconfig, coalesce("metadata"->>'description', '')), 'B') ||
  setweight(to_tsvector('simple'::regconfig, coalesce("metadata"->>'keywords', '')), 'C') ||
  setweight(to_tsvector('simple'::regconfig, left("readme", 100000)), 'D')
) STORED;

-- fastupdate off, as for the trigram indexes: a pending list makes the planner price the index above a full scan.
CREATE INDEX "atom_packages_search_vector_idx" ON "atom_packages" USING gin ("search_vector") WITH (fastupdate = off);

-- Description, keywords and README are now found through the vector: their trigram index only cost writes.
DROP INDEX "atom_packages_text_trgm_idx";
