-- CreateTable
CREATE TABLE "package_versions" (
    "scope" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "yanked" BOOLEAN NOT NULL DEFAULT false,
    "exports" JSONB NOT NULL,
    "readme" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "package_versions_pkey" PRIMARY KEY ("scope","name","version")
);

-- CreateTable
CREATE TABLE "package_files" (
    "scope" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,

    CONSTRAINT "package_files_pkey" PRIMARY KEY ("scope","name","version","path")
);

-- CreateTable
CREATE TABLE "package_dependencies" (
    "scope" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dependency" TEXT NOT NULL,
    "constraint" TEXT NOT NULL,
    "path" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "package_dependencies_pkey" PRIMARY KEY ("scope","name","version","kind","dependency","constraint","path")
);

-- CreateTable
CREATE TABLE "publishing_tasks" (
    "id" UUID NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "error_code" TEXT,
    "error_message" TEXT,
    "user_id" UUID,
    "scope" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "config_path" TEXT NOT NULL,
    "tarball" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "publishing_tasks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "package_versions_created_at_idx" ON "package_versions"("created_at");

-- CreateIndex
CREATE INDEX "package_dependencies_kind_dependency_idx" ON "package_dependencies"("kind", "dependency");

-- CreateIndex
CREATE INDEX "publishing_tasks_scope_name_version_idx" ON "publishing_tasks"("scope", "name", "version");

-- CreateIndex
CREATE INDEX "publishing_tasks_status_idx" ON "publishing_tasks"("status");

-- AddForeignKey
ALTER TABLE "package_versions" ADD CONSTRAINT "package_versions_scope_name_fkey" FOREIGN KEY ("scope", "name") REFERENCES "packages"("scope", "name") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "package_files" ADD CONSTRAINT "package_files_scope_name_version_fkey" FOREIGN KEY ("scope", "name", "version") REFERENCES "package_versions"("scope", "name", "version") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "package_dependencies" ADD CONSTRAINT "package_dependencies_scope_name_version_fkey" FOREIGN KEY ("scope", "name", "version") REFERENCES "package_versions"("scope", "name", "version") ON DELETE CASCADE ON UPDATE CASCADE;


-- One live task per version: a second upload of a version that is being (or has been) published
-- is refused (duplicateVersionPublish), and only after a failure may it be tried again.
CREATE UNIQUE INDEX "publishing_tasks_one_live_per_version" ON "publishing_tasks" ("scope", "name", "version") WHERE "status" <> 'failure';
