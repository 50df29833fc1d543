-- The blob garbage collector (src/storage/blob-gc.ts) asks, for each old blob, whether a row references it.
-- CreateIndex
CREATE INDEX "package_files_sha256_idx" ON "package_files"("sha256");

-- CreateIndex
CREATE INDEX "publishing_tasks_tarball_idx" ON "publishing_tasks"("tarball");

-- CreateIndex
CREATE INDEX "atom_versions_tarball_idx" ON "atom_versions"("tarball");

