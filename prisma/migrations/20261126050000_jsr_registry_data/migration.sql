-- usesNpm and moduleGraph2 of each version, computed at publish. Exports become json, which keeps the order of
-- the config (jsonb sorts keys). Versions published before this keep sorted exports and an empty graph.
ALTER TABLE "package_versions" ADD COLUMN     "module_graph" JSON NOT NULL DEFAULT '{}',
ADD COLUMN     "uses_npm" BOOLEAN NOT NULL DEFAULT false,
ALTER COLUMN "exports" SET DATA TYPE JSON USING "exports"::json;
