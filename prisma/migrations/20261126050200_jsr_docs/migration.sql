-- API docs of each jsr version (deno doc --json, made at publish), with the inputs of its score.
-- CreateTable
CREATE TABLE "package_version_docs" (
    "scope" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "docs" JSON,
    "error" TEXT,
    "score" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "package_version_docs_pkey" PRIMARY KEY ("scope","name","version")
);

-- AddForeignKey
ALTER TABLE "package_version_docs" ADD CONSTRAINT "package_version_docs_scope_name_version_fkey" FOREIGN KEY ("scope", "name", "version") REFERENCES "package_versions"("scope", "name", "version") ON DELETE CASCADE ON UPDATE CASCADE;

